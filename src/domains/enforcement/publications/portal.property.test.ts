import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { generateIdNumber } from '../../../platform/ids/index.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, type Session } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { penaltyCreditColumns } from './credit-export.js';
import { decide, type PortalWorld, portalWorld } from '../test/portal-fixtures.js';
import { withOrgs } from '../test/fixtures.js';

const REGIONS = ['532502', '530102', '110101', '330106', '440305'] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'] as const;
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Full-width digits, as some staff type them (the scrubber reads them as digits). */
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** A text as a reader would copy digits out of it: full-width folded, spaces and dashes gone. */
const digitsView = (s: string) =>
  s
    .replace(/[\uFF10-\uFF19\uFF38]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '');

const idNumber = fc
  .record({
    regionCode: fc.constantFrom(...REGIONS),
    birth: fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2006-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map((p) =>
    generateIdNumber({
      regionCode: p.regionCode,
      birthDate: p.birth.toISOString().slice(0, 10),
      sequence: p.sequence,
    }),
  );
const mobile = fc
  .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
  .map(([a, b]) => a + b);
const bankAccount = fc.stringMatching(/^62\d{14,17}$/);
const address = fc
  .tuple(fc.constantFrom('灵泉街道', '乐白道街道', '小龙潭街道'), fc.integer({ min: 1, max: 999 }))
  .map(([s, n]) => `云南省开远市${s}人民路${n}号`);

/** How a number is written into the facts: plain, grouped with spaces or dashes, full-width, +86. */
const written = (kind: 'id' | 'phone' | 'bank') =>
  fc.constantFrom('plain', 'spaced', 'full', 'prefixed').map((style) => (n: string) => {
    if (style === 'full') return fullWidth(n);
    if (style === 'prefixed') return kind === 'phone' ? `+86 ${n}` : n;
    if (style === 'spaced')
      return kind === 'id'
        ? `${n.slice(0, 6)} ${n.slice(6, 14)} ${n.slice(14)}`
        : kind === 'phone'
          ? `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`
          : (n.match(/.{1,4}/g) ?? []).join(' ');
    return n;
  });

const caseArb = fc.record({
  surname: fc.constantFrom(...SURNAMES),
  id: idNumber,
  phone: mobile,
  otherPhone: mobile,
  bank: bankAccount,
  address,
  witness: fc.constantFrom(...SURNAMES).map((s) => `${s}某某`),
  idStyle: written('id'),
  phoneStyle: written('phone'),
  bankStyle: written('bank'),
  minor: fc.boolean(),
  /** whether the handler also typed the address into its own field (else the pattern must find it) */
  addressField: fc.boolean(),
  amount: fc.integer({ min: 0, max: 200 }),
});

describe.each(testEngines())('no personal data on any public surface ($name)', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let w: PortalWorld;
  let admin: Session;
  let n = 0;
  const secrets: string[] = [];
  beforeAll(async () => {
    h = await engine.open();
    await withOrgs(h);
    w = await portalWorld(h);
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    admin = await loginAs(app, 'admin');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it("portal pages, portal JSON, the preview and the 双公示 export never carry an ID or phone number, an address or another person's name; minors appear nowhere", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const i = n++;
        secrets.push(c.id, c.phone, c.otherPhone, c.bank);
        // unique per run, so "appears nowhere" cannot be confused with another run's party
        const name = `${c.surname}${STEMS[i % 10]}${BRANCHES[Math.floor(i / 10) % 12]}`;
        const facts = `当事人${name}(身份证号码${c.idStyle(c.id)},住${c.address},手机${c.phoneStyle(c.phone)})于店内销售过期食品,证人${c.witness}(电话${c.otherPhone})在场,违法所得转入其银行账号${c.bankStyle(c.bank)}`;
        const made = await decide(w.sys, {
          body: w.scjg,
          partyKind: 'person',
          partyName: name,
          partyIdNumber: c.id,
          partyMinor: c.minor,
          ...(c.addressField ? { partyAddress: c.address } : {}),
          privateNames: [c.witness],
          facts,
          decidedOn: '2025-06-02',
          penalties: c.amount > 0 ? ['fine'] : ['warning'],
          amount: c.amount,
          publishOn: '2025-06-04',
        });
        const q = encodeURIComponent(name);
        const pubId = made.publicationId ?? '00000000-0000-4000-8000-000000000000';
        const surfaces = {
          listHtml: (await app.inject({ url: `/portal/publications?q=${q}` })).body,
          listJson: (await app.inject({ url: `/api/portal/publications?q=${q}` })).body,
          detailHtml: await app.inject({ url: `/portal/publications/${pubId}` }),
          detailJson: await app.inject({ url: `/api/portal/publications/${pubId}` }),
          preview: (
            await app.inject({
              url: `/api/enforcement/cases/${made.caseId}/publication-preview`,
              headers: admin.headers,
            })
          ).json() as { publishable: boolean; html: string; fields: unknown[] },
          csv: (
            await app.inject({
              url: '/api/enforcement/credit-export.csv?kind=penalty',
              headers: admin.headers,
            })
          ).body,
        };
        const texts = [
          surfaces.listHtml,
          surfaces.listJson,
          surfaces.detailHtml.body,
          surfaces.detailJson.body,
          JSON.stringify(surfaces.preview),
          surfaces.csv,
        ];
        for (const t of texts) {
          const view = digitsView(t);
          for (const secret of [c.id, c.phone, c.otherPhone, c.bank]) expect(view).not.toContain(secret);
          // RULES.md §2.4: the natural person's address and other persons' names are hidden too
          expect(t).not.toContain(c.address.slice(3));
          expect(t).not.toContain(c.witness);
        }
        if (c.minor) {
          // the list page echoes the search box; the results follow the form
          const results = surfaces.listHtml.slice(surfaces.listHtml.indexOf('</form>'));
          for (const t of [results, surfaces.listJson, surfaces.csv]) expect(t).not.toContain(name);
          expect(surfaces.detailHtml.statusCode).toBe(404);
          expect(surfaces.detailJson.statusCode).toBe(404);
          expect(surfaces.preview).toMatchObject({ publishable: false, html: '', fields: [] });
        } else {
          // the person is there, by name, with the facts' other words intact
          expect(surfaces.listJson).toContain(name);
          expect(surfaces.detailHtml.body).toContain('销售过期食品');
          expect(surfaces.csv).toContain(name);
          expect(surfaces.preview.publishable).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
    // the .xlsx of everything generated, read back cell by cell
    const r = await app.inject({
      url: '/api/enforcement/credit-export.xlsx?kind=penalty',
      headers: admin.headers,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells.length).toBeGreaterThan(penaltyCreditColumns.length);
    const view = digitsView(cells.join('|'));
    for (const secret of secrets) expect(view).not.toContain(secret);
  }, 300_000);
});
