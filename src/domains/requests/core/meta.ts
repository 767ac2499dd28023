import { z } from 'zod';
import { answerTypeLabels } from '../disclosure/schema.js';
import { proposalGradeLabels, deputySatisfactionLabels } from '../proposals/schema.js';
import { otherProcedureLabels, petitionResultLabels, satisfactionLabels } from '../petitions/schema.js';
import { legalAidOutcomeLabels } from '../legal-services/schema.js';
import type { KindSpec } from './spec.js';

/** Chinese names of the facts an act may carry (every kind), for the action form. */
const FIELD_LABELS: Record<string, string> = {
  approverName: '批准人',
  reason: '理由或说明',
  correctionDueOn: '补正期限',
  thirdParty: '第三方名称',
  thirdPartyView: '第三方意见',
  answerType: '答复类型',
  disclosedPart: '公开的部分',
  withheldPart: '不予公开的部分及理由',
  fee: '信息处理费(元)',
  feeBasis: '收费依据',
  documentNo: '文书文号',
  method: '送达方式',
  note: '备注',
  toOrg: '转送交办机关',
  procedure: '导入的法定途径',
  result: '处理结果',
  resolved: '是否化解',
  hearingDays: '听证天数',
  satisfaction: '评价',
  agreementForm: '协议形式',
  terms: '协议内容',
  performanceDueOn: '履行期限',
  court: '人民法院',
  months: '延长月数',
  grade: '办理结果类别',
  contacted: '已与代表委员沟通',
  lawyerName: '法律援助人员',
  lawFirm: '所在机构',
  amount: '挽回经济损失(万元)',
};

const OPTION_LABELS: Record<string, Readonly<Record<string, string>>> = {
  answerType: answerTypeLabels,
  thirdPartyView: { agree: '同意公开', object: '不同意公开', silent: '逾期未提出意见' },
  procedure: otherProcedureLabels,
  agreementForm: { written: '书面协议', oral: '口头协议' },
  grade: proposalGradeLabels,
  resultPetition: petitionResultLabels,
  resultLegalAid: legalAidOutcomeLabels,
  satisfactionPetition: satisfactionLabels,
  satisfactionProposal: deputySatisfactionLabels,
};

export interface FieldMeta {
  key: string;
  label: string;
  type: 'text' | 'date' | 'number' | 'bool' | 'select';
  options?: { value: string; label: string }[];
}

function unwrap(t: z.ZodType): z.ZodType {
  let x = t;
  while (x instanceof z.ZodOptional || x instanceof z.ZodDefault || x instanceof z.ZodNullable)
    x = (x as unknown as { unwrap(): z.ZodType }).unwrap();
  return x;
}

/** The fields of a kind's act data, from its schema, named in Chinese. */
export function actionFields(spec: KindSpec): FieldMeta[] {
  const shape = (spec.actionData as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([key, t]) => {
    const inner = unwrap(t);
    const label = FIELD_LABELS[key] ?? key;
    if (inner instanceof z.ZodEnum) {
      const labels =
        OPTION_LABELS[
          `${key}${spec.kind === 'petition' ? 'Petition' : spec.kind === 'legalAid' ? 'LegalAid' : 'Proposal'}`
        ] ??
        OPTION_LABELS[key] ??
        {};
      return {
        key,
        label,
        type: 'select',
        options: (inner.options as string[]).map((v) => ({ value: v, label: labels[v] ?? v })),
      };
    }
    if (inner instanceof z.ZodNumber) return { key, label, type: 'number' };
    if (inner instanceof z.ZodBoolean) return { key, label, type: 'bool' };
    return { key, label, type: key.endsWith('On') ? 'date' : 'text' };
  });
}

export function kindMeta(spec: KindSpec) {
  return {
    kind: spec.kind,
    title: spec.title,
    statusLabels: spec.statusLabels,
    actionLabels: spec.actionLabels,
    labels: spec.labels,
    fields: actionFields(spec),
  };
}
