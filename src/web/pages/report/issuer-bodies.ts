import type { Issuer } from '../../../report/issuer.js';

/**
 * What the 发文设置 form sends (PUT /api/report-issuers/:orgId) and what its 红头 preview shows;
 * issuer-bodies.test.ts checks the body against the route's schema.
 */

/** The org's saved settings as GET /api/report-issuers/:orgId answers them. */
export type IssuerSettings = Issuer;

export interface IssuerValues {
  /** 单独发文 or 联合发文 (党委 and 政府) */
  joint: boolean;
  headerNames: { name?: string | undefined }[];
  headerSuffix?: string | undefined;
  docCode?: string | undefined;
  docNumber?: number | null | undefined;
  addressees?: string | undefined;
  /** 署名 the same as the 发文机关 (the usual case) */
  signAsHeader: boolean;
  signers?: { name?: string | undefined }[] | undefined;
  printedBy?: string | undefined;
}

const names = (xs: readonly { name?: string | undefined }[] | undefined) =>
  (xs ?? []).map((x) => (x.name ?? '').trim()).filter((x) => x !== '');

/** The form's starting values from the saved settings. */
export function issuerValues(s: IssuerSettings): IssuerValues {
  const joint = s.headerNames.length > 1;
  return {
    joint,
    headerNames: (joint ? s.headerNames : [s.headerNames[0] ?? '', '']).map((name) => ({ name })),
    headerSuffix: s.headerSuffix,
    docCode: s.docCode,
    docNumber: s.docNumber,
    addressees: s.addressees,
    signAsHeader: s.signers.length === 0,
    signers: (s.signers.length ? s.signers : ['']).map((name) => ({ name })),
    printedBy: s.printedBy,
  };
}

/** The request body: a single issue keeps only the first name; blank lines are left out. */
export function issuerBody(version: number, v: IssuerValues) {
  const header = names(v.headerNames);
  return {
    version,
    headerNames: v.joint ? header : header.slice(0, 1),
    headerSuffix: (v.headerSuffix ?? '').trim(),
    docCode: (v.docCode ?? '').trim(),
    docNumber: v.docNumber ?? null,
    addressees: (v.addressees ?? '').trim(),
    signers: v.signAsHeader ? [] : names(v.signers),
    printedBy: (v.printedBy ?? '').trim(),
  };
}

export interface MastheadPreview {
  /** the 发文机关 lines of the 红头, in order */
  names: string[];
  /** 文件 beside the stacked names (joint issue), or after the single name */
  suffix: string;
  /** "某政发〔2026〕3号", or null without a 机关代字 */
  docNumber: string | null;
  /** "市委、市人民政府:" or null */
  addressees: string | null;
  /** the 署名 lines */
  signers: string[];
  /** "某县人民政府办公室  2026年3月1日印发" parts, or null */
  imprint: { by: string; date: string } | null;
}

/**
 * What the Word file's 版头 and 版记 will show for these values, issued in `issueYear` (the
 * year after the report's): the same rules as docx-renderer (GB/T 9704-2012 §7.2, §7.4.3).
 */
export function mastheadPreview(v: IssuerValues, orgName: string, issueYear: number): MastheadPreview {
  const b = issuerBody(0, v);
  const header = b.headerNames.length ? b.headerNames : [orgName];
  const code = b.docCode;
  return {
    names: header,
    suffix: b.headerSuffix,
    docNumber: code ? `${code}〔${issueYear}〕${b.docNumber ?? ' '}号` : null,
    addressees: b.addressees ? `${b.addressees.replace(/[:：]$/, '')}：` : null,
    signers: b.signers.length ? b.signers : header,
    imprint: b.printedBy ? { by: b.printedBy, date: '（成文日期）' } : null,
  };
}
