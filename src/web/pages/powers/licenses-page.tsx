import type { LicenseItem as License } from '../../../domains/powers/license.js';
import { Col, Descriptions, Form, InputNumber, Row, Select, Switch, Tag } from 'antd';
import { Fragment } from 'react';
import {
  BasisCols,
  ListPage,
  OrgAndCodeCols,
  OrgFilter,
  PowerItemSelect,
  StatusFilter,
  StatusTag,
} from './list-page.js';
import { approvalLevelOptions, orUndefined } from './options.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { TextItem } from '../../components/form-items.js';

const days = (n: number) => (n === 0 ? '即办' : `${n} 个工作日`);

/** 办结时限 in working days: the statute's, and the one the office promises. */
const timeLimits = [
  ['statutoryDays', '法定办结时限(工作日)'],
  ['promisedDays', '承诺办结时限(工作日)'],
] as const;
/** 收费 and 前置: whether the license has one, and what it is. */
const switchesWithNotes = [
  ['charges', '是否收费', 'feeNote', '收费标准及依据'],
  ['prerequisite', '是否涉及前置', 'prerequisiteNote', '前置事项'],
] as const;

/** 行政许可事项清单. */
export default function LicensesPage() {
  return (
    <ListPage<License>
      title="行政许可事项清单"
      path="/api/powers/licenses"
      byOrg
      editPermission="powers:license:edit"
      scrollX={1500}
      initialValues={{ approvalLevel: 'county', charges: false, prerequisite: false }}
      columns={[
        { title: '事项编码', dataIndex: 'code', key: 'code', width: 170, sorter: true },
        { title: '事项名称', dataIndex: 'name', key: 'name', width: 200, sorter: true },
        { title: '子项', dataIndex: 'subItem', key: 'subItem', width: 180 },
        { title: '实施机关', dataIndex: 'implementingOrg', key: 'implementingOrg', width: 170 },
        { title: '设定依据', dataIndex: 'basis', key: 'basis', width: 240 },
        { title: '审批层级', dataIndex: 'approvalLevelLabel', key: 'approvalLevel', width: 90, sorter: true },
        {
          title: '法定时限',
          key: 'statutoryDays',
          width: 100,
          sorter: true,
          align: 'right',
          render: (_, e) => days(e.statutoryDays),
        },
        {
          title: '承诺时限',
          key: 'promisedDays',
          width: 100,
          sorter: true,
          align: 'right',
          render: (_, e) => days(e.promisedDays),
        },
        {
          title: '收费',
          key: 'charges',
          width: 60,
          render: (_, e) => (e.charges ? <Tag color="orange">收费</Tag> : '否'),
        },
        {
          title: '前置',
          key: 'prerequisite',
          width: 60,
          render: (_, e) => (e.prerequisite ? <Tag>有</Tag> : '无'),
        },
        { title: '状态', key: 'status', width: 110, render: (_, e) => <StatusTag e={e} /> },
      ]}
      filters={
        <>
          <TextFilter name="q" label="名称/编码" width={150} />
          <OrgFilter />
          <SelectFilter name="approvalLevel" label="审批层级" options={approvalLevelOptions} width={110} />
          <TextFilter name="lawName" label="设定依据" width={140} />
          <StatusFilter />
        </>
      }
      formFields={(editing) => (
        <Row gutter={12}>
          <OrgAndCodeCols editing={Boolean(editing)} codeLabel="事项编码" codeMessage="请填写事项编码" />
          <Col span={12}>
            <TextItem name="name" label="事项名称" required max={200} />
          </Col>
          <Col span={12}>
            <TextItem name="subItem" label="子项名称" max={200} />
          </Col>
          <Col span={12}>
            <TextItem name="implementingOrg" label="实施机关" required max={100} />
          </Col>
          <Col span={12}>
            <Form.Item name="powerItemId" label="对应权责事项(行政许可类)">
              <PowerItemSelect category="license" />
            </Form.Item>
          </Col>
          <BasisCols
            lawLabel="设定依据(法律法规名称)"
            lawMessage="请填写设定依据"
            lawPlaceholder="如:中华人民共和国食品安全法"
            articlePlaceholder="如:第三十五条"
          />
          <Col span={24}>
            <TextItem name="implementationBasis" label="实施依据" max={2000} rows={2} />
          </Col>
          <Col span={8}>
            <Form.Item name="approvalLevel" label="审批层级" rules={[{ required: true }]}>
              <Select options={approvalLevelOptions} />
            </Form.Item>
          </Col>
          {timeLimits.map(([name, label]) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={label} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={365} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          {switchesWithNotes.map(([name, label, note, noteLabel]) => (
            <Fragment key={name}>
              <Col span={6}>
                <Form.Item name={name} label={label} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={18}>
                <TextItem name={note} label={noteLabel} max={500} />
              </Col>
            </Fragment>
          ))}
        </Row>
      )}
      identity={['orgId', 'code']}
      toBody={(v) => ({
        name: v.name,
        subItem: orUndefined(v.subItem) ?? '',
        implementingOrg: v.implementingOrg,
        powerItemId: v.powerItemId ?? null,
        lawName: v.lawName,
        article: v.article,
        implementationBasis: orUndefined(v.implementationBasis) ?? '',
        approvalLevel: v.approvalLevel,
        statutoryDays: v.statutoryDays,
        promisedDays: v.promisedDays,
        charges: Boolean(v.charges),
        feeNote: orUndefined(v.feeNote) ?? '',
        prerequisite: Boolean(v.prerequisite),
        prerequisiteNote: orUndefined(v.prerequisiteNote) ?? '',
      })}
      detail={(e) => (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="事项" span={2}>
            {e.code} {e.name}
            {e.subItem && `(${e.subItem})`}
          </Descriptions.Item>
          <Descriptions.Item label="实施机关">{e.implementingOrg}</Descriptions.Item>
          <Descriptions.Item label="审批层级">{e.approvalLevelLabel}</Descriptions.Item>
          <Descriptions.Item label="设定依据" span={2}>
            {e.basis}
          </Descriptions.Item>
          <Descriptions.Item label="实施依据" span={2}>
            {e.implementationBasis || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="法定办结时限">{days(e.statutoryDays)}</Descriptions.Item>
          <Descriptions.Item label="承诺办结时限">{days(e.promisedDays)}</Descriptions.Item>
          <Descriptions.Item label="收费">{e.charges ? e.feeNote : '不收费'}</Descriptions.Item>
          <Descriptions.Item label="前置">{e.prerequisite ? e.prerequisiteNote : '无'}</Descriptions.Item>
        </Descriptions>
      )}
    />
  );
}
