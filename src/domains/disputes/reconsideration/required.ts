/** Kept apart from rules.ts with nothing but types imported: the web's action form reads the same table. */
import type { ReconAction, ReconActionRecord } from './schema.js';

/** The facts each act must carry (the web forms ask for exactly these). */
export const REQUIRED: Partial<Record<ReconAction, readonly (keyof ReconActionRecord['data'])[]>> = {
  requestCorrection: ['items'],
  // 第三十条: 不予受理 with the reason in writing
  reject: ['reason'],
  recordMediation: ['mediationResult'],
  requestNormReview: ['normTitle', 'normIssuer'],
  noticeHearing: ['hearingOn'],
  suspend: ['suspensionGround'],
  terminate: ['terminationGround'],
  extend: ['days', 'approver'],
  decide: ['outcome', 'documentNo'],
  issueOpinion: ['opinionKind', 'recipient', 'text'],
};
