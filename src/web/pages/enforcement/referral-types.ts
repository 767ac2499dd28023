/**
 * The 两法衔接 API shapes the web app reads: the server's own (referrals/present.ts), imported
 * type-only, so the screens read what the server writes and the bundle carries none of its code.
 */
export type { ReferralDetail, ReferralSummary } from '../../../domains/enforcement/referrals/present.js';
export type { ReferralDueState } from '../../../domains/enforcement/referrals/rules.js';
