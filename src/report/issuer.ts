import { z } from 'zod';
import type { Ctx } from '../platform/context.js';
import { staleVersion, writeTx } from '../platform/db/tx.js';
import type { Db } from '../platform/db/types.js';
import { Int32, RequiredText, Text } from '../platform/validation.js';
import { authorize } from '../domains/org/policy.js';
import { orgSubtree } from './registry.js';
import './issuer-tables.js';

/**
 * How an org issues its annual report as a 公文 (GB/T 9704-2012 §7.2): the 发文机关标志 (红头),
 * the 发文字号, the 主送机关 and the 署名. A 县委县政府 joint issue names both bodies.
 */
export interface Issuer {
  orgId: string;
  /** 发文机关: one name, or the names of a joint issue in order (党委 first) */
  headerNames: string[];
  /** printed after the name(s) in the 红头: "文件" (or empty for a 信函格式) */
  headerSuffix: string;
  /** 机关代字 of the 文号, e.g. 某政发; empty = no 文号 line */
  docCode: string;
  /** the report's number in the year of issue; null = 〔年份〕 号 left for the office to fill */
  docNumber: number | null;
  /** 主送机关, e.g. 市委、市人民政府 */
  addressees: string;
  /** 署名 under the text; empty = the 发文机关 */
  signers: string[];
  /** 印发机关 of the 版记 (GB/T 9704 §7.4.3), e.g. 某县人民政府办公室; empty = no 版记 */
  printedBy: string;
  /** 0 while the org has not saved its own settings */
  version: number;
}

export const IssuerInput = z.strictObject({
  version: Int32.min(0),
  headerNames: z.array(RequiredText(40)).min(1, '请填写发文机关名称').max(3, '联合发文机关最多三个'),
  headerSuffix: Text(10).optional(),
  docCode: Text(20).optional(),
  docNumber: Int32.min(1, '序号应为正整数').max(9999, '序号过大').nullable().optional(),
  addressees: Text(200).optional(),
  signers: z.array(RequiredText(40)).max(3, '署名最多三个机关').optional(),
  printedBy: Text(40).optional(),
});

/** The 文号 as printed: 代字〔年份〕序号号, e.g. 某政发〔2026〕3号 (GB/T 9704-2012 §7.2.4). */
export function docNumberText(
  issuer: Pick<Issuer, 'docCode' | 'docNumber'>,
  issueYear: number,
): string | null {
  if (!issuer.docCode) return null;
  return `${issuer.docCode}〔${issueYear}〕${issuer.docNumber ?? ' '}号`;
}

/** An org that has not set its 版头: its own name over 文件, no 发文字号, signed by the org. */
export function defaultIssuer(orgId: string, orgName: string): Issuer {
  return {
    orgId,
    headerNames: [orgName],
    headerSuffix: '文件',
    docCode: '',
    docNumber: null,
    addressees: '',
    signers: [],
    printedBy: '',
    version: 0,
  };
}

export async function readIssuer(db: Db, orgId: string, orgName: string): Promise<Issuer> {
  const row = await db.selectFrom('report_issuer').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return defaultIssuer(orgId, orgName);
  return {
    orgId,
    headerNames: row.header_names,
    headerSuffix: row.header_suffix,
    docCode: row.doc_code,
    docNumber: row.doc_number,
    addressees: row.addressees,
    signers: row.signers,
    printedBy: row.printed_by,
    version: row.version,
  };
}

/** The org's issuing settings (the defaults before it saves its own); foreign orgs answer 404. */
export async function getIssuer(ctx: Ctx, orgId: string): Promise<Issuer> {
  authorize(ctx.actor, 'planning:report:list');
  const sub = await orgSubtree(ctx, orgId);
  return readIssuer(ctx.db, orgId, sub.orgName);
}

/** Saves the settings (optimistic version; 0 = the first save), with an audit entry. */
export async function saveIssuer(ctx: Ctx, orgId: string, raw: unknown): Promise<Issuer> {
  authorize(ctx.actor, 'planning:report:edit');
  const input = IssuerInput.parse(raw);
  const sub = await orgSubtree(ctx, orgId);
  const org = await ctx.db
    .selectFrom('org')
    .select('region_code')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const row = {
    header_names: input.headerNames,
    header_suffix: input.headerSuffix ?? '文件',
    doc_code: input.docCode ?? '',
    doc_number: input.docNumber ?? null,
    addressees: input.addressees ?? '',
    signers: input.signers ?? [],
    printed_by: input.printedBy ?? '',
    updated_by: ctx.actor.userId,
    updated_at: ctx.now(),
  };
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const before = await readIssuer(trx, orgId, sub.orgName);
    if (before.version !== input.version) throw staleVersion();
    if (before.version === 0)
      await trx
        .insertInto('report_issuer')
        .values({ org_id: orgId, region_code: org.region_code, ...row, version: 1 })
        .execute();
    else {
      const r = await trx
        .updateTable('report_issuer')
        .set({ ...row, version: before.version + 1 })
        .where('org_id', '=', orgId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    }
    audit({
      action: 'report.issuer.update',
      entity: 'report_issuer',
      entityId: orgId,
      change: { before, after: input },
    });
  });
  return readIssuer(ctx.db, orgId, sub.orgName);
}
