import { addDays, compareDates, daysBetween, type LocalDate } from '../../../platform/calendar/index.js';
import { type DomainError, invalid } from '../../../platform/errors.js';
import type { CertificateState, CertificateStatus } from './schema.js';

export interface CertificateFacts {
  issuedOn: LocalDate;
  validUntil: LocalDate;
  status: CertificateStatus;
}

/** Days ahead in which an expiring certificate is listed (the ledger's two warning bands). */
export const EXPIRY_WARNING_DAYS = [90, 30] as const;

/**
 * 行政处罚法 art. 42 (执法人员应当具有行政执法资格): a certificate qualifies on `date` when its
 * issuer has not suspended or revoked it and the date lies within [issuedOn, validUntil].
 */
export function certificateValidOn(cert: CertificateFacts | null | undefined, date: LocalDate): boolean {
  if (cert?.status !== 'valid') return false;
  return compareDates(cert.issuedOn, date) <= 0 && compareDates(date, cert.validUntil) <= 0;
}

/** A certificate's state on `today`: expiring bands are "valid until within N days, inclusive". */
export function certificateState(
  cert: CertificateFacts | null | undefined,
  today: LocalDate,
): CertificateState {
  if (!cert) return 'none';
  if (cert.status === 'revoked') return 'revoked';
  if (cert.status === 'suspended') return 'suspended';
  if (compareDates(today, cert.issuedOn) < 0) return 'notYetValid';
  const left = daysBetween(today, cert.validUntil);
  if (left < 0) return 'expired';
  if (left <= 30) return 'expiring30';
  if (left <= 90) return 'expiring90';
  return 'valid';
}

/** The valid-until window of certificates expiring within `days` of `today` (both ends inclusive). */
export function expiryWindow(today: LocalDate, days: number): { from: LocalDate; to: LocalDate } {
  return { from: today, to: addDays(today, days) };
}

export function checkCertificateDates(issuedOn: LocalDate, validUntil: LocalDate): void {
  if (compareDates(validUntil, issuedOn) < 0) {
    throw invalid(
      'enforcement.certificateDates',
      '执法证有效期截止日不能早于发证日期',
      'certificate.validUntil',
    );
  }
}

export interface HandlerFacts {
  id: string;
  name: string;
  active: boolean;
  certificate: CertificateFacts | null;
}

/**
 * The distinct officers of a team the law wants of two or more (处罚法 art. 42 for handlers, 移送规定
 * art. 5 for a referral's 专案组); fewer than two throws `tooFew()`.
 */
export function twoOrMoreOfficers(team: readonly HandlerFacts[], tooFew: () => DomainError): HandlerFacts[] {
  const distinct = new Map(team.map((h) => [h.id, h]));
  if (distinct.size < 2) throw tooFew();
  return [...distinct.values()];
}

/**
 * 行政处罚法 art. 42: 执法人员不得少于两人, each holding a valid 执法证 on the day of the act.
 * Throws a Chinese explanation naming the officer at fault.
 */
export function checkHandlers(
  handlers: readonly HandlerFacts[],
  date: LocalDate,
  field = 'handlerIds',
): void {
  const distinct = twoOrMoreOfficers(handlers, () =>
    invalid(
      'enforcement.handlersTooFew',
      '执法人员不得少于两人(《中华人民共和国行政处罚法》第四十二条)',
      field,
    ),
  );
  for (const h of distinct) {
    if (!h.active)
      throw invalid('enforcement.handlerInactive', `执法人员${h.name}已停用,不能承办案件`, field);
    if (!certificateValidOn(h.certificate, date)) {
      throw invalid(
        'enforcement.handlerUncertified',
        `执法人员${h.name}在 ${date} 没有有效的行政执法证,不能承办案件(《中华人民共和国行政处罚法》第四十二条)`,
        field,
      );
    }
  }
}
