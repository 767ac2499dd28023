import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client.js';
import {
  NOT_SIMPLE,
  outcomeOptions,
  procedureOptions,
  suspensionOptions,
  terminationOptions,
} from './labels.js';
import {
  RECON_FIELDS,
  RECON_REQUIRED,
  type ReconActionValues,
  type ReconField,
  reconActionBody,
} from './recon-action-body.js';
import type { ReconDetail } from './types.js';
import { ActForm } from '../../components/act-form.js';
import { optionsOf } from '../../components/options.js';

const LABELS: Record<ReconField, string> = {
  items: '补正事项(每行一项,一次性列明全部事项)',
  procedure: '审理程序',
  reason: '理由',
  mediated: '经调解后撤回',
  mediationResult: '调解结果',
  normTitle: '规范性文件名称',
  normIssuer: '制定机关',
  hearingOn: '听证日期',
  suspensionGround: '中止事由',
  terminationGround: '终止事由',
  days: '延长天数(不超过 30 日)',
  approver: '批准延长的复议机构负责人',
  outcome: '决定类型',
  documentNo: '文书编号',
  text: '正文',
  opinionKind: '文书类别',
  recipient: '收件单位',
  note: '备注',
};

function FieldInput({ field, recon }: { field: ReconField; recon: ReconDetail }) {
  switch (field) {
    case 'procedure':
      return (
        <Select
          options={procedureOptions.map((o) =>
            o.value === 'simple' && !recon.simpleGround
              ? { ...o, label: `${o.label}(不符合第五十三条)`, disabled: true }
              : o,
          )}
        />
      );
    case 'mediated':
      return <Checkbox />;
    case 'mediationResult':
      return <Select options={optionsOf({ agreed: '达成调解协议', failed: '调解不成' })} />;
    case 'hearingOn':
      return <DatePicker />;
    case 'suspensionGround':
      return <Select options={suspensionOptions} />;
    case 'terminationGround':
      return <Select options={terminationOptions} />;
    case 'days':
      return <InputNumber min={1} max={30} precision={0} />;
    case 'outcome':
      return (
        <Select
          options={outcomeOptions.filter((o) => recon.procedure !== 'simple' || !NOT_SIMPLE.has(o.value))}
        />
      );
    case 'opinionKind':
      return (
        <Select
          options={optionsOf({
            opinion: '行政复议意见书(致被申请人)',
            suggestion: '行政复议建议书(致有关机关)',
          })}
        />
      );
    case 'items':
    case 'reason':
    case 'text':
    case 'note':
      return <Input.TextArea rows={field === 'text' ? 6 : 2} />;
    default:
      return <Input />;
  }
}

/** One next act of a 复议 case as a form: its date and the facts the law asks for. */
export function ReconActionForm({
  recon,
  action,
  label,
  onDone,
}: {
  recon: ReconDetail;
  action: string;
  label: string;
  onDone: () => void;
}) {
  const required = new Set(RECON_REQUIRED[action] ?? []);
  return (
    <ActForm<ReconField, ReconActionValues>
      label={label}
      when={
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      }
      fields={RECON_FIELDS[action] ?? ['note']}
      labels={LABELS}
      required={(f) => required.has(f)}
      input={(f) => <FieldInput field={f} recon={recon} />}
      checkbox={(f) => f === 'mediated'}
      initialValues={{ date: dayjs(), procedure: 'ordinary' }}
      send={(v) =>
        api.post(
          `/api/disputes/reconsiderations/${recon.id}/actions`,
          reconActionBody(action, recon.version, v),
        )
      }
      // the server names an act's facts `data.<field>`
      fieldOnForm={(field) => (field.startsWith('data.') ? field.slice(5) : undefined)}
      onDone={onDone}
    />
  );
}
