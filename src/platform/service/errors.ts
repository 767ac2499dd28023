import { DomainError, type DomainErrorDetails, type DomainErrorKind } from '../errors.js';

/** One error a domain throws: its kind (HTTP status by platform/http/errors.ts) and Chinese message. */
export interface ErrorEntry {
  kind: DomainErrorKind;
  message: string;
}

/**
 * A domain's error catalogue: each code written once with its kind and message, and a function
 * that builds the DomainError of a code — so a throw names a typed code and cannot retype the
 * message differently at another place.
 */
export function errorCatalogue<const K extends string>(catalogue: Readonly<Record<K, ErrorEntry>>) {
  return (code: K, details: DomainErrorDetails = {}): DomainError => {
    const { kind, message } = catalogue[code];
    return new DomainError(code, message, kind, details);
  };
}
