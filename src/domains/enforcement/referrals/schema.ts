import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, Text, Id } from '../../../platform/validation.js';
import { referralActionLabels, referralStatusLabels } from './labels.js';

export { referralActionLabels, referralStatusLabels } from './labels.js';

/**
 * 两法衔接 (行政执法机关移送涉嫌犯罪案件的规定, 2020 rev.): the acts of a referral, in the order the
 * 规定 takes them. The police do not log in: their acts (受理, 立案 / 不予立案, 复议决定) are
 * recorded by the referring agency's staff from the police documents.
 */
export const ReferralAction = labelledEnum(referralActionLabels);
export type ReferralAction = z.infer<typeof ReferralAction>;

export const ReferralStatus = labelledEnum(referralStatusLabels);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** One piece of evidence listed in the report; an attachment is cited by its SHA-256 (src/platform/files). */
export const EvidenceItem = z.strictObject({
  name: Text(200).min(2, '证据名称至少 2 个字'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '不是有效的 SHA-256 摘要')
    .optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** A paragraph the officer writes: the one text rule, lines allowed. */
const Prose = (min: number, msg: string, max = 2000) => Text(max, { lines: max >= 500 }).min(min, msg);
const Instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601(含时区)' });

/** Facts an act carries, by kind (only what the 规定 asks for). */
export const ReferralActionData = z.strictObject({
  /** approve / refuse: the 负责人 who decided (行政执法机关正职负责人或者主持工作的负责人, art. 5) */
  approverName: Prose(2, '请填写审批负责人姓名', 40).optional(),
  /** handOver: the receiving 公安机关 and the 移送书 number; the 人民检察院 copied (art. 7) */
  policeOrg: Prose(4, '请填写接受移送的公安机关名称', 100).optional(),
  documentNo: Prose(2, '请填写文书编号', 60).optional(),
  procuratorate: Prose(4, '请填写抄送的人民检察院名称', 100).optional(),
  /** decline / reconsiderUpheld: the police's stated reason */
  reason: Prose(4, '请填写不予立案的理由', 2000).optional(),
  /** transferExhibits: what was handed over (art. 12) */
  items: z
    .array(Prose(2, '请填写移交物品名称', 200))
    .min(1, '请列出移交的涉案物品或材料')
    .max(100)
    .optional(),
  opinion: Prose(1, '请填写意见', 2000).optional(),
  note: Prose(1, '请填写备注', 2000).optional(),
});
export type ReferralActionData = z.infer<typeof ReferralActionData>;

export interface ReferralActionRecord {
  action: ReferralAction;
  /** the legal date of the act, in China */
  date: string;
  /** the instant, for acts on the 24-hour clock (approve, handOver; art. 5) */
  at: string | null;
  data: ReferralActionData;
  actorId: string | null;
}

/** 提出移送: the 专案组's written report (art. 5) about an enforcement case. */
export const CreateReferralInput = z.strictObject({
  caseId: Id,
  /** ≥ 2 of the case's certified handlers (art. 5: 2名或者2名以上行政执法人员组成专案组) */
  teamIds: z.array(Id).min(1, '请指定专案组成员').max(10),
  suspectedCrime: Prose(2, '请填写涉嫌罪名', 100),
  facts: Prose(10, '请写明涉嫌犯罪的事实(至少 10 个字)', 4000),
  evidence: z.array(EvidenceItem).min(1, '请列出证据材料').max(100),
  reportedOn: LocalDate,
});
export type CreateReferralInput = z.infer<typeof CreateReferralInput>;

export const RecordReferralActionInput = z.strictObject({
  version: Int32.min(1),
  action: ReferralAction.exclude(['report']),
  /** the legal date; for approve / handOver give `at` instead (the 24-hour clock) */
  date: LocalDate.optional(),
  at: Instant.optional(),
  data: ReferralActionData.default({}),
});
export type RecordReferralActionInput = z.infer<typeof RecordReferralActionInput>;
