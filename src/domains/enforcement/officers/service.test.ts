import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { testEngines } from '../../../test/db.js';
import type { DemoOrgs } from '../../org/seed.js';
import { exportOfficerLedger } from './export.js';
import { certificateState } from './rules.js';
import { CertificateState } from './schema.js';
import {
  addCertificate,
  createBody,
  createOfficer,
  getOfficer,
  searchBodies,
  searchOfficers,
  setCertificateStatus,
  updateOfficer,
} from './service.js';
import { searchCases } from '../cases/service.js';
import { searchPublications } from '../publications/service.js';
import { CaseCategory } from '../cases/schema.js';
import { seedEnforcement } from '../seed.js';
import { ctxAt, TODAY, userCtx, withOrgs } from '../test/fixtures.js';
import { errorCodeOf } from '../../../test/ctx.js';

const all = { offset: 0, limit: 5000 };

describe.each(testEngines())('officers and certificates on $name', (engine) => {
  let h: DatabaseHandle;
  let orgs: DemoOrgs;
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    await seedEnforcement(ctxAt(h), { year: 2024, today: TODAY, log: () => {}, scale: 0.05 });
  });
  afterAll(() => h.close());

  it('seeds about 900 officers over the enforcing departments and township teams', async () => {
    const ctx = ctxAt(h);
    const officers = await searchOfficers(ctx, {}, all);
    expect(officers.total).toBeGreaterThanOrEqual(850);
    expect(officers.total).toBeLessThanOrEqual(950);
    const bodies = await searchBodies(ctx, {}, all);
    expect(bodies.items.filter((b) => b.name.endsWith('综合行政执法队'))).toHaveLength(7);
    expect(
      bodies.items.some((b) => b.kind === 'entrusted' && b.entrustedByOrgName === '开远市综合行政执法局'),
    ).toBe(true);
    const scjg = bodies.items.find((b) => b.orgName === '开远市市场监督管理局');
    expect(scjg?.officerCount).toBeGreaterThan(50);
    // a spread of certificate states for the 90/30-day lists
    const states = new Set(officers.items.map((o) => o.certificateState));
    for (const s of ['valid', 'expiring90', 'expiring30', 'expired', 'none'] as const)
      expect(states).toContain(s);
  });

  it('the body ledger filters by name, kind and unit, its total counting the same rows', async () => {
    const ctx = ctxAt(h);
    const every = (await searchBodies(ctx, {}, all)).items;
    const filters = [
      { q: '综合行政执法队' },
      { kind: 'entrusted' as const },
      { orgId: every.find((b) => b.orgName === '开远市市场监督管理局')?.orgId ?? '' },
      { q: '执法', kind: 'statutory' as const },
    ];
    for (const f of filters) {
      const want = every.filter(
        (b) =>
          (!f.q || b.name.includes(f.q)) &&
          (!('kind' in f) || b.kind === f.kind) &&
          (!('orgId' in f) || b.orgId === f.orgId),
      );
      expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
      const got = await searchBodies(ctx, f, { offset: 0, limit: 2 });
      expect({ f, total: got.total, ids: got.items.map((b) => b.id) }).toEqual({
        f,
        total: want.length,
        ids: want.slice(0, 2).map((b) => b.id),
      });
    }
  });

  it('seeds cases of every category through the services (small scale): major ones reviewed, some overdue', async () => {
    const ctx = ctxAt(h);
    const page = { offset: 0, limit: 1 };
    const total = (await searchCases(ctx, {}, page)).total;
    expect(total).toBeGreaterThan(400);
    expect((await searchCases(ctx, { procedure: 'summary' }, page)).total).toBeGreaterThan(50);
    for (const category of CaseCategory.options)
      expect((await searchCases(ctx, { category }, page)).total, category).toBeGreaterThan(0);
    expect((await searchCases(ctx, { category: 'license' }, page)).total).toBeGreaterThan(
      (await searchCases(ctx, { category: 'inspection' }, page)).total,
    );
    const major = await searchCases(ctx, { major: true, status: 'closed' }, { offset: 0, limit: 200 });
    expect(major.total).toBeGreaterThan(0);
    expect(major.items.every((c) => c.reviewed)).toBe(true);
    expect((await searchCases(ctx, { due: 'overdue' }, page)).total).toBeGreaterThan(0);
    expect((await searchPublications(ctx, { status: 'published' }, page)).total).toBeGreaterThan(total / 2);
  });

  it('filters each certificate state in SQL exactly as the rule computes it', async () => {
    const ctx = ctxAt(h);
    const everyone = (await searchOfficers(ctx, {}, all)).items;
    for (const state of CertificateState.options) {
      const listed = await searchOfficers(ctx, { certificateState: state }, all);
      const expected = everyone
        .filter((o) => certificateState(o.certificate, TODAY) === state)
        .map((o) => o.id)
        .sort();
      expect(listed.items.map((o) => o.id).sort(), state).toEqual(expected);
    }
    const within30 = await searchOfficers(ctx, { expiresWithin: 30 }, all);
    expect(within30.items.every((o) => o.certificateState === 'expiring30')).toBe(true);
    const within90 = await searchOfficers(ctx, { expiresWithin: 90 }, all);
    expect(within90.total).toBe(
      everyone.filter((o) => o.certificateState === 'expiring30' || o.certificateState === 'expiring90')
        .length,
    );
    const uncertified = await searchOfficers(ctx, { uncertified: true }, all);
    expect(uncertified.total).toBe(
      everyone.filter((o) => !['valid', 'expiring90', 'expiring30'].includes(o.certificateState)).length,
    );
  });

  it('shows a department handler only their own bureau’s officers', async () => {
    const ctx = await userCtx(h, 'scjg');
    const mine = await searchOfficers(ctx, {}, all);
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((o) => o.orgName))).toEqual(new Set(['开远市市场监督管理局']));
    expect(mine.items.some((o) => o.name === '张明' && o.userId !== null)).toBe(true);
    const other = (await searchOfficers(ctxAt(h), { q: '' }, all)).items.find(
      (o) => o.orgName !== '开远市市场监督管理局',
    );
    expect(await errorCodeOf(getOfficer(ctx, other?.id ?? ''))).toBe('enforcement.officerNotFound');
  });

  it('creates an officer with a certificate, renews it and suspends it', async () => {
    const ctx = ctxAt(h);
    const body = (await searchBodies(ctx, { q: '交通运输' }, all)).items[0];
    const created = await createOfficer(ctx, {
      bodyId: body?.id,
      name: '普文华',
      gender: 'male',
      certificate: {
        number: 'TEST-0001',
        field: '交通运输',
        issuedOn: '2020-07-01',
        validUntil: '2025-06-30',
      },
    });
    expect(created.certificateState).toBe('expiring30');
    const renewed = await addCertificate(ctx, created.id, {
      number: 'TEST-0002',
      field: '交通运输',
      issuedOn: '2025-06-10',
      validUntil: '2030-06-09',
    });
    expect(renewed.certificate?.number).toBe('TEST-0002');
    expect(renewed.certificateState).toBe('valid');
    const detail = await getOfficer(ctx, created.id);
    expect(detail.certificates.map((c) => c.number)).toEqual(['TEST-0002', 'TEST-0001']);
    const cert = detail.certificates[0];
    const suspended = await setCertificateStatus(ctx, cert?.id ?? '', {
      version: cert?.version ?? 0,
      status: 'suspended',
    });
    expect(suspended.status).toBe('suspended');
    expect((await getOfficer(ctx, created.id)).certificateState).toBe('suspended');
  });

  it('refuses bad input and writes nothing', async () => {
    const ctx = ctxAt(h);
    const body = (await searchBodies(ctx, { q: '水务' }, all)).items[0];
    const before = (await searchOfficers(ctx, { bodyId: body?.id }, all)).total;
    const base = { bodyId: body?.id, name: '李春梅', gender: 'female' };
    expect(
      await errorCodeOf(
        createOfficer(ctx, {
          ...base,
          certificate: {
            number: 'TEST-0100',
            field: '水行政',
            issuedOn: '2025-01-01',
            validUntil: '2024-01-01',
          },
        }),
      ),
    ).toBe('enforcement.certificateDates');
    expect(
      await errorCodeOf(
        createOfficer(ctx, {
          ...base,
          certificate: {
            number: 'TEST-0001',
            field: '水行政',
            issuedOn: '2024-01-01',
            validUntil: '2029-01-01',
          },
        }),
      ),
    ).toBe('db.duplicate');
    expect((await searchOfficers(ctx, { bodyId: body?.id }, all)).total).toBe(before);
    const officer = (await searchOfficers(ctx, { bodyId: body?.id }, all)).items[0];
    await updateOfficer(ctx, officer?.id ?? '', { version: officer?.version ?? 0, trainingHours: 40 });
    expect(
      await errorCodeOf(
        updateOfficer(ctx, officer?.id ?? '', { version: officer?.version ?? 0, trainingHours: 41 }),
      ),
    ).toBe('conflict.stale');
  });

  it('requires the entrusting org for an entrusted body and only for it', async () => {
    const ctx = ctxAt(h);
    const sfs = [...orgs.townships.values()][0]?.justiceOfficeId;
    expect(await errorCodeOf(createBody(ctx, { orgId: sfs, kind: 'entrusted' }))).toBe(
      'enforcement.entrustorRequired',
    );
    expect(
      await errorCodeOf(createBody(ctx, { orgId: sfs, kind: 'statutory', entrustedByOrgId: orgs.rootId })),
    ).toBe('enforcement.entrustorNotAllowed');
  });

  it('exports the officer ledger to Excel with one row per officer', async () => {
    const ctx = ctxAt(h);
    const filter = { expiresWithin: 90 };
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        cb();
      },
    });
    const { rows } = await exportOfficerLedger(ctx, filter, out);
    expect(rows).toBe((await searchOfficers(ctx, filter, all)).total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('执法人员台账');
    expect(sheet?.getRow(1).getCell(3).value).toBe('姓名');
    expect(sheet?.getRow(2).getCell(10).value).toMatch(/日内到期/);
    expect(sheet?.actualRowCount).toBe(rows + 1);
  });
});
