import type { Dayjs } from 'dayjs';

export interface ReconCreateValues {
  channel: string;
  receivedOn: Dayjs;
  filedOn?: Dayjs;
  respondentOrgId: string;
  applicantKind: string;
  applicantName: string;
  applicantIdNo?: string;
  applicantPhone?: string;
  applicantAddress?: string;
  actTitle: string;
  actDocumentNo?: string;
  actKind: string;
  actKnownOn: Dayjs;
  actAmount?: number | null;
  subjectArea?: string;
  partiesAgreeSimple?: boolean;
  request: string;
  reasons: string;
}

const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** POST /api/disputes/reconsiderations: what the 登记 form sends (empty optional fields left out). */
export function reconCreateBody(v: ReconCreateValues) {
  return {
    channel: v.channel,
    receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    filedOn: v.channel === 'mail' || v.channel === 'transfer' ? day(v.filedOn) : undefined,
    respondentOrgId: v.respondentOrgId,
    applicantKind: v.applicantKind,
    applicantName: v.applicantName.trim(),
    applicantIdNo: opt(v.applicantIdNo),
    applicantPhone: opt(v.applicantPhone),
    applicantAddress: opt(v.applicantAddress),
    act: {
      title: v.actTitle.trim(),
      documentNo: opt(v.actDocumentNo),
      kind: v.actKind,
      knownOn: v.actKnownOn.format('YYYY-MM-DD'),
      amount: typeof v.actAmount === 'number' ? v.actAmount : undefined,
    },
    subjectArea: v.subjectArea || undefined,
    partiesAgreeSimple: v.partiesAgreeSimple === true,
    request: v.request.trim(),
    reasons: v.reasons.trim(),
  };
}
