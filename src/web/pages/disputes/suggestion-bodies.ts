import type { Dayjs } from 'dayjs';

export interface SuggestionCreateValues {
  kind: string;
  orgId: string;
  issuer: string;
  documentNo: string;
  issuedOn: Dayjs;
  receivedOn: Dayjs;
  urgent?: boolean;
  summary: string;
}

export function suggestionCreateBody(v: SuggestionCreateValues) {
  return {
    kind: v.kind,
    orgId: v.orgId,
    issuer: v.issuer.trim(),
    documentNo: v.documentNo.trim(),
    issuedOn: v.issuedOn.format('YYYY-MM-DD'),
    receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    // 15 days apply only to 公益诉讼诉前 (两高解释 第二十一条)
    urgent: v.kind === 'publicInterest' && v.urgent === true,
    summary: v.summary.trim(),
  };
}

export interface ReplyValues {
  repliedOn: Dayjs;
  reply: string;
  rectification?: string;
}

export function replyBody(version: number, v: ReplyValues) {
  return {
    version,
    repliedOn: v.repliedOn.format('YYYY-MM-DD'),
    reply: v.reply.trim(),
    rectification: v.rectification?.trim() || undefined,
  };
}
