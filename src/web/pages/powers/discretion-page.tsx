import type { DiscretionStandard as Standard } from '../../../domains/powers/discretion.js';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { BasisCols, ListPage, OrgFilter, PowerItemSelect, StatusFilter, StatusTag } from './list-page.js';
import { circumstanceOptions, fineUnitOptions } from './options.js';
import { TextFilter } from '../../components/filter-fields.js';
import { TextItem } from '../../components/form-items.js';
import { WholeTable } from '../../components/whole-table.js';

type Level = Standard['levels'][number];

function LevelTable({ levels }: { levels: Level[] }) {
  return (
    <WholeTable<Level>
      rowKey="circumstance"
      dataSource={levels}
      columns={[
        { title: '情节', dataIndex: 'circumstanceLabel', key: 'c', width: 60 },
        { title: '具体情形', dataIndex: 'description', key: 'd' },
        { title: '罚款幅度', dataIndex: 'range', key: 'r', width: 150 },
        { title: '其他处罚', dataIndex: 'otherPenalties', key: 'o', width: 160 },
      ]}
    />
  );
}

/** 行政处罚裁量权基准: per penalty item, the ranges by 情节. */
export default function DiscretionPage() {
  return (
    <ListPage<Standard>
      title="行政处罚裁量权基准"
      path="/api/powers/discretion-standards"
      byOrg
      editPermission="powers:discretion:edit"
      scrollX={1400}
      initialValues={{ levels: [{ circumstance: 'general', fineUnit: 'yuan' }] }}
      columns={[
        { title: '基准编码', dataIndex: 'code', key: 'code', width: 190, sorter: true },
        { title: '违法行为', dataIndex: 'violation', key: 'violation', width: 260, sorter: true },
        { title: '处罚依据', dataIndex: 'basis', key: 'basis', width: 240 },
        ...['minor', 'general', 'serious', 'grave'].map((c, i) => ({
          title: ['轻微', '一般', '较重', '严重'][i],
          key: c,
          width: 130,
          render: (_: unknown, e: Standard) => e.levels.find((l) => l.circumstance === c)?.range ?? '—',
        })),
        { title: '所属单位', dataIndex: 'orgName', key: 'orgName', width: 180, sorter: true },
        { title: '状态', key: 'status', width: 110, render: (_, e) => <StatusTag e={e} /> },
      ]}
      filters={
        <>
          <TextFilter name="q" label="违法行为/编码" width={160} />
          <OrgFilter />
          <TextFilter name="lawName" label="处罚依据" width={140} />
          <StatusFilter />
        </>
      }
      formFields={(editing) => (
        <>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item
                name="powerItemId"
                label="权责事项(行政处罚类)"
                rules={[{ required: !editing, message: '请选择权责事项' }]}
              >
                <PowerItemSelect category="penalty" disabled={Boolean(editing)} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="code" label="基准编码" rules={[{ required: !editing, message: '请填写编码' }]}>
                <Input disabled={Boolean(editing)} maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <TextItem name="violation" label="违法行为" required max={500} />
            </Col>
            <BasisCols
              lawLabel="处罚依据(名称)"
              lawMessage="请填写处罚依据"
              articlePlaceholder="如:第一百二十四条"
            />
          </Row>
          <Form.List name="levels">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col span={3}>
                      <Form.Item name={[f.name, 'circumstance']} label="情节" rules={[{ required: true }]}>
                        <Select options={circumstanceOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item
                        name={[f.name, 'description']}
                        label="具体情形"
                        rules={[{ required: true, message: '请填写' }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'fineUnit']} label="单位">
                        <Select options={fineUnitOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'fineMin']} label="罚款下限">
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'fineMax']} label="罚款上限">
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'otherPenalties']} label="其他处罚">
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={1} style={{ paddingTop: 28 }}>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                {fields.length < 4 && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ fineUnit: 'yuan' })}
                    block
                  >
                    增加情节
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </>
      )}
      identity={['powerItemId', 'code']}
      toBody={(v) => {
        const levels = ((v.levels as Partial<Level>[] | undefined) ?? []).map((l) => ({
          circumstance: l.circumstance,
          description: l.description,
          fineUnit: l.fineUnit ?? 'yuan',
          fineMin: l.fineMin ?? null,
          fineMax: l.fineMax ?? null,
          otherPenalties: l.otherPenalties ?? '',
        }));
        return { violation: v.violation, lawName: v.lawName, article: v.article, levels };
      }}
      detail={(e) => (
        <>
          <p>
            {e.code} {e.violation} — 依据{e.basis}
          </p>
          <LevelTable levels={e.levels} />
        </>
      )}
    />
  );
}
