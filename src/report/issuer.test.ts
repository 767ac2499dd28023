import { describe, expect, it } from 'vitest';
import { seedDemoOrgs, userCtx } from './planning/test-fixtures.js';
import { testEngines } from '../test/db.js';
import { databaseSetup } from '../test/suite.js';
import { docNumberText, getIssuer, saveIssuer } from './issuer.js';

describe('docNumberText', () => {
  it.each([
    [{ docCode: '某发', docNumber: 3 }, '某发〔2026〕3号'],
    [{ docCode: '某政发', docNumber: null }, '某政发〔2026〕 号'],
    [{ docCode: '', docNumber: 3 }, null],
  ])('%o → %s (GB/T 9704-2012 §7.2.4: 代字〔年份〕序号)', (issuer, text) => {
    expect(docNumberText(issuer, 2026)).toBe(text);
  });
});

describe.each(testEngines())('report issuing settings on $name', (engine) => {
  const t = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    return { orgs };
  });

  it('defaults to the org’s own name, then saves a joint issue with its 文号 and 主送机关, audited', async () => {
    const ctx = await userCtx(t.h, 'yfzs');
    const before = await getIssuer(ctx, t.orgs.rootId);
    expect(before).toMatchObject({ headerNames: ['开远市人民政府'], docCode: '', version: 0 });
    const saved = await saveIssuer(ctx, t.orgs.rootId, {
      version: 0,
      headerNames: ['中共开远市委员会', '开远市人民政府'],
      docCode: '开发',
      docNumber: 3,
      addressees: '红河州委、州人民政府',
    });
    expect(saved).toMatchObject({
      headerNames: ['中共开远市委员会', '开远市人民政府'],
      docNumber: 3,
      version: 1,
    });
    const audit = await t.h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'report_issuer')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['report.issuer.update']);
    // a stale version is refused, nothing written
    await expect(saveIssuer(ctx, t.orgs.rootId, { version: 0, headerNames: ['某'] })).rejects.toThrow();
    expect((await getIssuer(ctx, t.orgs.rootId)).version).toBe(1);
  });

  it('names the field of bad input and hides foreign orgs', async () => {
    const ctx = await userCtx(t.h, 'yfzs');
    await expect(saveIssuer(ctx, t.orgs.rootId, { version: 1, headerNames: [] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['headerNames'], message: '请填写发文机关名称' })],
    });
    await expect(getIssuer(ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      kind: 'notFound',
    });
    // a township account may not read the county's settings
    const township = await userCtx(t.h, 'township');
    await expect(getIssuer(township, t.orgs.rootId)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
