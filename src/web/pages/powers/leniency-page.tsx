import type { LeniencyItem as Leniency } from '../../../domains/powers/leniency.js';
import { Col, Descriptions, Form, Row, Select, Tag } from 'antd';
import {
  BasisCols,
  ListPage,
  OrgAndCodeCols,
  OrgFilter,
  PowerItemSelect,
  StatusFilter,
  StatusTag,
} from './list-page.js';
import { leniencyKindOptions } from './options.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { TextItem } from '../../components/form-items.js';

const kindColors: Record<string, string> = {
  noPenalty: 'green',
  lighterPenalty: 'blue',
  reducedPenalty: 'geekblue',
  noCoercion: 'purple',
};

/** 包容审慎监管“四张清单”. */
export default function LeniencyPage() {
  return (
    <ListPage<Leniency>
      title="包容审慎监管“四张清单”"
      path="/api/powers/leniency-items"
      byOrg
      editPermission="powers:leniency:edit"
      scrollX={1400}
      initialValues={{ kind: 'noPenalty', lawName: '中华人民共和国行政处罚法', article: '第三十三条第一款' }}
      columns={[
        { title: '清单编码', dataIndex: 'code', key: 'code', width: 160, sorter: true },
        {
          title: '清单',
          key: 'kind',
          width: 110,
          sorter: true,
          render: (_, e) => <Tag color={kindColors[e.kind]}>{e.kindLabel}</Tag>,
        },
        { title: '违法行为', dataIndex: 'violation', key: 'violation', width: 260, sorter: true },
        { title: '适用条件', dataIndex: 'conditions', key: 'conditions', width: 260 },
        { title: '法律依据', dataIndex: 'basis', key: 'basis', width: 220 },
        { title: '裁量结果', dataIndex: 'outcome', key: 'outcome', width: 200 },
        { title: '所属单位', dataIndex: 'orgName', key: 'orgName', width: 180, sorter: true },
        { title: '状态', key: 'status', width: 110, render: (_, e) => <StatusTag e={e} /> },
      ]}
      filters={
        <>
          <TextFilter name="q" label="违法行为/编码" width={160} />
          <SelectFilter name="kind" label="清单" options={leniencyKindOptions} width={130} />
          <OrgFilter />
          <StatusFilter />
        </>
      }
      formFields={(editing) => (
        <Row gutter={12}>
          <OrgAndCodeCols editing={Boolean(editing)} codeLabel="清单编码" codeMessage="请填写编码" />
          <Col span={12}>
            <Form.Item name="kind" label="清单类别" rules={[{ required: true }]}>
              <Select options={leniencyKindOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="powerItemId" label="对应权责事项(不选则适用于本单位全部事项)">
              <PowerItemSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <TextItem name="violation" label="违法行为" required max={500} />
            <TextItem name="conditions" label="适用条件" required max={2000} rows={3} />
          </Col>
          <BasisCols
            lawLabel="法律依据(名称)"
            lawMessage="请填写法律依据"
            articlePlaceholder="如:第三十三条第一款"
          />
          <Col span={24}>
            <TextItem name="outcome" label="裁量结果" required max={500} />
          </Col>
        </Row>
      )}
      identity={['orgId', 'code']}
      toBody={(v) => ({
        kind: v.kind,
        powerItemId: v.powerItemId ?? null,
        violation: v.violation,
        conditions: v.conditions,
        lawName: v.lawName,
        article: v.article,
        outcome: v.outcome,
      })}
      detail={(e) => (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="清单">{e.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="违法行为">{e.violation}</Descriptions.Item>
          <Descriptions.Item label="适用条件">{e.conditions}</Descriptions.Item>
          <Descriptions.Item label="法律依据">{e.basis}</Descriptions.Item>
          <Descriptions.Item label="裁量结果">{e.outcome}</Descriptions.Item>
        </Descriptions>
      )}
    />
  );
}
