import type { Dayjs } from 'dayjs';
import { HEAD_ROLES } from './labels.js';

export interface HearingValues {
  summonsServedOn: Dayjs;
  hearingOn: Dayjs;
  appearerName: string;
  appearerTitle: string;
  appearerRole: string;
  excuseGround?: string;
  excuseNote?: string;
  /** the sealed written explanation (规定 第九条), stored first by POST /api/files */
  proofSha256?: string;
}

/** POST /api/disputes/lawsuits/:id/hearings: the excuse goes only with someone who is not a 负责人. */
export function hearingBody(version: number, v: HearingValues) {
  const head = HEAD_ROLES.has(v.appearerRole);
  return {
    version,
    summonsServedOn: v.summonsServedOn.format('YYYY-MM-DD'),
    hearingOn: v.hearingOn.format('YYYY-MM-DD'),
    appearerName: v.appearerName.trim(),
    appearerTitle: v.appearerTitle.trim(),
    appearerRole: v.appearerRole,
    excuse:
      head || !v.excuseGround
        ? undefined
        : { ground: v.excuseGround, note: (v.excuseNote ?? '').trim(), proofSha256: v.proofSha256 ?? '' },
  };
}

export interface ConcludeValues {
  outcome: string;
  concludedOn: Dayjs;
  servedOn?: Dayjs;
}

export function concludeBody(version: number, v: ConcludeValues) {
  return {
    version,
    outcome: v.outcome,
    concludedOn: v.concludedOn.format('YYYY-MM-DD'),
    servedOn: v.servedOn?.format('YYYY-MM-DD'),
  };
}

export interface LawsuitCreateValues {
  defendantOrgId: string;
  coDefendantOrgId?: string;
  court: string;
  courtCaseNo: string;
  instance: string;
  plaintiff: string;
  contestedAct: string;
  actKind?: string;
  subjectArea?: string;
  filedOn: Dayjs;
  claims: string;
}

export function lawsuitCreateBody(v: LawsuitCreateValues) {
  return {
    defendantOrgId: v.defendantOrgId,
    coDefendantOrgId: v.coDefendantOrgId || undefined,
    court: v.court.trim(),
    courtCaseNo: v.courtCaseNo.trim(),
    instance: v.instance,
    plaintiff: v.plaintiff.trim(),
    contestedAct: v.contestedAct.trim(),
    actKind: v.actKind || undefined,
    subjectArea: v.subjectArea || undefined,
    filedOn: v.filedOn.format('YYYY-MM-DD'),
    claims: v.claims.trim(),
  };
}
