import { conflict } from '../../../platform/errors.js';
import { actionLabel } from './procedures.js';
import type { ActionRecord, CaseAction, Procedure, RecordKind } from './schema.js';

/** A record an act must carry (全过程记录), by its name. */
export const requiredRecordLabels = {
  filingApproval: '立案审批表',
  application: '申请书及申请材料',
  acceptanceNotice: '受理通知书',
  correctionNotice: '一次性补正告知书',
  rejectionDecision: '不予受理决定书',
  inquiryNote: '询问笔录或现场检查笔录',
  onSiteNote: '现场笔录',
  audioVideo: '音像记录',
  notice: '告知书',
  hearingTranscript: '听证笔录',
  expertOpinion: '专家评审、检验检测意见',
  reviewOpinion: '法制审核意见书',
  decision: '决定书',
  serviceReceipt: '送达回证',
  executionRecord: '执行记录',
  seizureDecision: '查封、扣押决定书及清单',
  changeDecision: '变更或撤销决定书',
} as const;
export type RequiredRecord = keyof typeof requiredRecordLabels;

/** The kind of attachment that satisfies a required record: 音像记录 is the one audio-video record. */
export const requiredRecordKind = (record: RequiredRecord): RecordKind =>
  record === 'audioVideo' ? 'audioVideo' : 'document';

/**
 * The records each act requires: 行政处罚法 第四十七条 (启动、调查取证、审核、决定、送达、执行 全过程记录),
 * 国办发〔2018〕118号 (文字记录 for every act; 音像记录 for on-site acts: 调查取证、查封扣押、听证、
 * 当场处罚); 行政强制法 第十八条 (现场笔录); 行政许可法 第三十二条 (书面凭证). Acts not listed need none.
 */
export const requiredRecords = {
  open: ['filingApproval'],
  onTheSpot: ['decision', 'audioVideo'],
  investigate: ['inquiryNote', 'audioVideo'],
  notify: ['notice'],
  holdHearing: ['hearingTranscript', 'audioVideo'],
  passReview: ['reviewOpinion'],
  returnReview: ['reviewOpinion'],
  decide: ['decision'],
  serve: ['serviceReceipt'],
  execute: ['executionRecord'],
  terminate: ['decision'],
  apply: ['application'],
  accept: ['acceptanceNotice'],
  requestCorrection: ['correctionNotice'],
  rejectApplication: ['rejectionDecision'],
  expertReview: ['expertOpinion'],
  grant: ['decision'],
  refuse: ['decision'],
  issue: ['serviceReceipt'],
  seize: ['seizureDecision', 'onSiteNote', 'audioVideo'],
  dispose: ['decision'],
  amendDecision: ['changeDecision'],
  revokeDecision: ['changeDecision'],
} as const satisfies Partial<Record<CaseAction, readonly RequiredRecord[]>>;

export function recordsRequiredBy(action: CaseAction): readonly RequiredRecord[] {
  return (requiredRecords as Partial<Record<CaseAction, readonly RequiredRecord[]>>)[action] ?? [];
}

export interface RecordGap {
  seq: number;
  action: CaseAction;
  label: string;
  record: RequiredRecord;
  recordLabel: string;
}

/**
 * The records missing from a log: each act's required records are matched, kind by kind, against
 * the records it carries (two documents are needed where two are required).
 */
export function recordGaps(
  procedure: Procedure,
  log: readonly Pick<ActionRecord, 'action' | 'records'>[],
): RecordGap[] {
  const gaps: RecordGap[] = [];
  log.forEach((a, i) => {
    const have: Record<RecordKind, number> = { document: 0, audioVideo: 0 };
    for (const r of a.records ?? []) have[r.kind]++;
    for (const need of recordsRequiredBy(a.action)) {
      const kind = requiredRecordKind(need);
      if (have[kind] > 0) have[kind]--;
      else
        gaps.push({
          seq: i + 1,
          action: a.action,
          label: actionLabel(procedure, a.action),
          record: need,
          recordLabel: requiredRecordLabels[need],
        });
    }
  });
  return gaps;
}

/** 结案 is refused while a required record is missing, naming the gaps (行政处罚法 第四十七条). */
export function checkNoGaps(procedure: Procedure, log: readonly Pick<ActionRecord, 'action' | 'records'>[]) {
  const gaps = recordGaps(procedure, log);
  if (gaps.length === 0) return;
  const named = gaps
    .slice(0, 8)
    .map((g) => `第 ${g.seq} 环节“${g.label}”缺${g.recordLabel}`)
    .join(';');
  throw conflict(
    'enforcement.recordsMissing',
    `全过程记录不完整,不能结案:${named}${gaps.length > 8 ? ` 等 ${gaps.length} 处` : ''}(《中华人民共和国行政处罚法》第四十七条)`,
    { field: 'records', gaps },
  );
}
