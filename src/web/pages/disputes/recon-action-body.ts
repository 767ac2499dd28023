import type { Dayjs } from 'dayjs';
import { REQUIRED } from '../../../domains/disputes/reconsideration/required.js';

/** The facts each 复议 act asks for (行政复议法; the server's `checkReconAction` checks them again). */
export type ReconField =
  | 'items'
  | 'procedure'
  | 'reason'
  | 'mediated'
  | 'mediationResult'
  | 'normTitle'
  | 'normIssuer'
  | 'hearingOn'
  | 'suspensionGround'
  | 'terminationGround'
  | 'days'
  | 'approver'
  | 'outcome'
  | 'documentNo'
  | 'text'
  | 'opinionKind'
  | 'recipient'
  | 'note';

export const RECON_FIELDS: Record<string, readonly ReconField[]> = {
  requestCorrection: ['items'],
  accept: ['procedure'],
  reject: ['reason'],
  withdraw: ['reason', 'mediated'],
  recordMediation: ['mediationResult', 'note'],
  requestNormReview: ['normTitle', 'normIssuer'],
  noticeHearing: ['hearingOn'],
  suspend: ['suspensionGround', 'note'],
  terminate: ['terminationGround', 'note'],
  extend: ['days', 'approver'],
  decide: ['outcome', 'documentNo', 'text'],
  issueOpinion: ['opinionKind', 'recipient', 'text'],
};

/** Required by the server for the act: its own REQUIRED table (a zod-free module, read as a value). */
export const RECON_REQUIRED: Readonly<Record<string, readonly string[] | undefined>> = REQUIRED;

export interface ReconActionValues {
  date: Dayjs;
  items?: string;
  procedure?: string;
  reason?: string;
  mediated?: boolean;
  mediationResult?: string;
  normTitle?: string;
  normIssuer?: string;
  hearingOn?: Dayjs;
  suspensionGround?: string;
  terminationGround?: string;
  days?: number;
  approver?: string;
  outcome?: string;
  documentNo?: string;
  text?: string;
  opinionKind?: string;
  recipient?: string;
  note?: string;
}

/** The request body of POST /api/disputes/reconsiderations/:id/actions: only the act's fields, none empty. */
export function reconActionBody(action: string, version: number, v: ReconActionValues) {
  const data: Record<string, unknown> = {};
  for (const f of RECON_FIELDS[action] ?? ['note']) {
    const value = v[f];
    if (value === undefined || value === null) continue;
    if (f === 'items') {
      const items = String(value)
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length) data.items = items;
    } else if (f === 'hearingOn') data.hearingOn = (value as Dayjs).format('YYYY-MM-DD');
    else if (f === 'days') data.days = Number(value);
    else if (f === 'mediated') {
      if (value === true) data.mediated = true;
    } else if (typeof value === 'string') {
      if (value.trim()) data[f] = value.trim();
    }
  }
  return { version, action, date: v.date.format('YYYY-MM-DD'), data };
}
