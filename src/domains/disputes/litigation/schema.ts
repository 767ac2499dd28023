import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Sha256, Id } from '../../../platform/validation.js';
import { appearerRoleLabels, excuseGroundLabels, instanceLabels, lawsuitOutcomeLabels } from './labels.js';
import { ActKind, SubjectArea } from '../reconsideration/schema.js';

export const Instance = labelledEnum(instanceLabels);
export type Instance = z.infer<typeof Instance>;

export const LawsuitOutcome = labelledEnum(lawsuitOutcomeLabels);
export type LawsuitOutcome = z.infer<typeof LawsuitOutcome>;

export const AppearerRole = labelledEnum(appearerRoleLabels);
export type AppearerRole = z.infer<typeof AppearerRole>;

export const ExcuseGround = labelledEnum(excuseGroundLabels);
export type ExcuseGround = z.infer<typeof ExcuseGround>;

export const CreateLawsuitInput = z.strictObject({
  defendantOrgId: Id,
  /** 行政诉讼法 第二十六条第二款: the 复议机关 that upheld the act is a co-defendant */
  coDefendantOrgId: Id.optional(),
  court: RequiredText(100),
  courtCaseNo: RequiredText(60),
  instance: Instance.default('first'),
  parentId: Id.optional(),
  plaintiff: RequiredText(200),
  reconsiderationId: Id.optional(),
  contestedAct: RequiredText(200),
  /** the kind of contested act; taken from the linked 复议 case when there is one */
  actKind: ActKind.optional(),
  /** 争议领域; taken from the linked 复议 case when there is one */
  subjectArea: SubjectArea.optional(),
  enforcementCaseId: Id.optional(),
  filedOn: LocalDate,
  claims: Text(4000, { lines: true, min: 2 }),
});
export type CreateLawsuitInput = z.infer<typeof CreateLawsuitInput>;

export const AddHearingInput = z.strictObject({
  version: z.number().int().positive(),
  summonsServedOn: LocalDate,
  hearingOn: LocalDate,
  appearerName: RequiredText(40),
  appearerTitle: RequiredText(60),
  appearerRole: AppearerRole,
  excuse: z
    .strictObject({
      ground: ExcuseGround,
      note: Text(1000, { lines: true, min: 2 }),
      /** 第九条: the written explanation with proof, sealed, as a stored attachment */
      proofSha256: Sha256,
    })
    .optional(),
});
export type AddHearingInput = z.infer<typeof AddHearingInput>;

export const ConcludeInput = z.strictObject({
  version: z.number().int().positive(),
  outcome: LawsuitOutcome,
  concludedOn: LocalDate,
  /** the day the judgment or ruling was served on the defendant (the appeal period runs from it) */
  servedOn: LocalDate.optional(),
});
export type ConcludeInput = z.infer<typeof ConcludeInput>;

export const AppealInput = z.strictObject({
  version: z.number().int().positive(),
  appellant: z.enum(['plaintiff', 'defendant']),
  filedOn: LocalDate,
  court: RequiredText(100),
  courtCaseNo: RequiredText(60),
});
export type AppealInput = z.infer<typeof AppealInput>;

export const lawsuitFieldLabels: Record<string, string> = {
  defendantOrgId: '被告',
  coDefendantOrgId: '共同被告(复议机关)',
  court: '法院',
  courtCaseNo: '案号',
  instance: '审级',
  parentId: '前一审级案件',
  plaintiff: '原告',
  reconsiderationId: '关联复议案件',
  contestedAct: '被诉行政行为',
  actKind: '行为类别',
  subjectArea: '争议领域',
  filedOn: '立案日期',
  claims: '诉讼请求',
  version: '版本',
  summonsServedOn: '出庭通知书送达日期',
  hearingOn: '开庭日期',
  appearerName: '出庭人员',
  appearerTitle: '职务',
  appearerRole: '出庭人员身份',
  excuse: '不能出庭的说明',
  ground: '事由',
  note: '说明',
  proofSha256: '证明材料',
  outcome: '结果',
  concludedOn: '结案日期',
  servedOn: '裁判文书送达日期',
  appellant: '上诉人',
};
