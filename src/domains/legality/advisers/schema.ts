import { z } from 'zod';
import { Count, labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

export const adviserKindLabels = { adviser: '法律顾问', governmentLawyer: '公职律师' } as const;
export const AdviserKind = labelledEnum(adviserKindLabels);
export type AdviserKind = z.infer<typeof AdviserKind>;

export const appointedByLabels = {
  government: '政府',
  department: '部门',
  township: '乡镇(街道)',
  village: '村(社区)',
} as const;
export const AppointedBy = labelledEnum(appointedByLabels);
export type AppointedBy = z.infer<typeof AppointedBy>;

/** The work log: the desk fills the first three, the rest are entered by hand. */
export const workKindLabels = {
  documentReview: '审查规范性文件',
  decisionReview: '审查重大行政决策',
  contractReview: '审查合同',
  opinion: '出具法律意见',
  meeting: '列席会议',
  litigation: '代理行政诉讼',
  reconsideration: '代理行政复议',
  civilCase: '代理民事案件',
  nonLitigation: '非诉讼法律事务',
  training: '法治培训讲座',
  petition: '参与信访接待',
  consultation: '法律咨询',
} as const;
export const WorkKind = labelledEnum(workKindLabels);
export type WorkKind = z.infer<typeof WorkKind>;
/** The kinds the desk writes; a hand entry of these would count twice. */
export const DESK_WORK_KINDS: readonly WorkKind[] = ['documentReview', 'decisionReview', 'contractReview'];

export const AdviserInput = z
  .strictObject({
    kind: AdviserKind,
    party: z.enum(['person', 'firm']).default('person'),
    name: RequiredText(60),
    firm: Text(100).optional(),
    /** the appointing org; defaults to the caller's */
    orgId: Id.optional(),
    appointedBy: AppointedBy,
    village: Text(60).optional(),
    contractFrom: LocalDate.optional(),
    contractTo: LocalDate.optional(),
    certificateNo: Text(40).optional(),
    fields: z.array(RequiredText(20)).max(10).default([]),
    team: Text(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'governmentLawyer' && !v.certificateNo)
      ctx.addIssue({ code: 'custom', path: ['certificateNo'], message: '公职律师须填写执业证号' });
    if (v.appointedBy === 'village' && !v.village)
      ctx.addIssue({ code: 'custom', path: ['village'], message: '村(社区)法律顾问须填写所服务的村(社区)' });
    if (v.kind === 'adviser' && (!v.contractFrom || !v.contractTo))
      ctx.addIssue({ code: 'custom', path: ['contractTo'], message: '法律顾问须填写聘期起止日期' });
    if (v.contractFrom && v.contractTo && v.contractTo < v.contractFrom)
      ctx.addIssue({ code: 'custom', path: ['contractTo'], message: '聘期结束日期不能早于开始日期' });
  });
export type AdviserInput = z.infer<typeof AdviserInput>;

export const WorkInput = z.strictObject({
  kind: WorkKind,
  occurredOn: LocalDate,
  title: RequiredText(200),
  count: Count.min(1, '至少 1').max(10000).default(1),
});
