import { Alert, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useFetch } from '../../../components/use-fetch.js';

/** What GET /api/powers/case-options answers for a case's 权力事项. */
export interface CaseOptions {
  standard: {
    id: string;
    code: string;
    violation: string;
    basis: string;
    levels: {
      circumstance: string;
      circumstanceLabel: string;
      description: string;
      fineUnit: 'yuan' | 'multiple';
      range: string;
      otherPenalties?: string | null;
    }[];
  } | null;
  leniencyItems: { id: string; kind: string; code: string; violation: string; outcome: string }[];
}

export function useCaseOptions(powerItemId: string | null | undefined) {
  return useFetch<CaseOptions>(
    powerItemId ? '/api/powers/case-options' : null,
    powerItemId ? { powerItemId } : undefined,
  );
}

/** 包容审慎“四张清单” kinds (the server's powers/schema.ts holds the same list). */
const leniencyKinds: Record<string, string> = {
  noPenalty: '不予处罚',
  lighterPenalty: '从轻处罚',
  reducedPenalty: '减轻处罚',
  noCoercion: '免予行政强制',
};
const leniencyLabel = (i: CaseOptions['leniencyItems'][number]) =>
  `${leniencyKinds[i.kind] ?? ''}:${i.violation}`;

/**
 * 行政处罚法 第三十四条: a decision on a 权力事项 with a published 裁量权基准 names the 违法情节 and
 * keeps the fine inside its range, or says why not. The server refuses a decision without the
 * 情节 (data.circumstance); this form asks for it whenever the item has a standard.
 */
export function DiscretionFields({ options }: { options: CaseOptions | undefined }) {
  const circumstance = Form.useWatch(['data', 'circumstance']) as string | undefined;
  const standard = options?.standard ?? null;
  const level = standard?.levels.find((l) => l.circumstance === circumstance);
  const leniency = options?.leniencyItems ?? [];
  return (
    <>
      {standard && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={`本事项适用裁量权基准:${standard.violation}`}
            description={`依据 ${standard.basis}。请按查明的违法情节选择,罚款应在该情节的幅度内。`}
          />
          <Form.Item
            name={['data', 'circumstance']}
            label="违法情节"
            rules={[{ required: true, message: '该事项有裁量权基准,请选择违法情节' }]}
          >
            <Select
              placeholder="选择违法情节"
              options={standard.levels.map((l) => ({
                value: l.circumstance,
                label: `${l.circumstanceLabel}(${l.range})`,
              }))}
            />
          </Form.Item>
          {level && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {level.description}
              {level.otherPenalties ? `;其他处罚:${level.otherPenalties}` : ''}
            </Typography.Paragraph>
          )}
          {level?.fineUnit === 'multiple' && (
            <Form.Item
              name={['data', 'fineBase']}
              label="计罚基数(元)"
              extra="该情节按倍数罚款:填写违法所得或货值金额"
              rules={[{ required: true, message: '请填写计罚基数(违法所得或货值金额)' }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name={['data', 'discretionReason']}
            label="超出幅度的理由"
            extra="罚款确需超出所选情节幅度的,写明理由(国办发〔2022〕27号);在幅度内的不填"
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {leniency.length > 0 && (
        <Form.Item
          name={['data', 'leniencyItemId']}
          label="适用包容审慎清单"
          extra="适用不予处罚、减轻处罚等清单事项的选择;不适用的不选"
        >
          <Select
            allowClear
            placeholder="不适用"
            options={leniency.map((i) => ({ value: i.id, label: leniencyLabel(i) }))}
          />
        </Form.Item>
      )}
    </>
  );
}
