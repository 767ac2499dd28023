import { describe, expect, it } from 'vitest';
import { defaultIssuer, IssuerInput } from '../../../report/issuer.js';
import { type IssuerSettings, issuerBody, issuerValues, mastheadPreview } from './issuer-bodies.js';

/** An org that has not yet saved its settings, as the route answers it. */
const saved: IssuerSettings = defaultIssuer('0b6f7c1e-3a52-4f0e-9a51-2f1f3c4d5e6f', '某县人民政府');

/** What the 发文设置 form sends passes the route's strict schema, and the preview shows what Word prints. */
describe('发文设置 form', () => {
  it('a single issue as first shown saves as it is (version 0 = first save)', () => {
    const body = issuerBody(0, issuerValues(saved));
    expect(body).toEqual({
      version: 0,
      headerNames: ['某县人民政府'],
      headerSuffix: '文件',
      docCode: '',
      docNumber: null,
      addressees: '',
      signers: [],
      printedBy: '',
    });
    expect(IssuerInput.safeParse(body).error).toBeUndefined();
  });

  it('a joint issue by 党委 and 政府 with its 文号, 主送机关, own 署名 and 印发机关', () => {
    const values = {
      ...issuerValues(saved),
      joint: true,
      headerNames: [{ name: ' 中共某县委员会 ' }, { name: '某县人民政府' }, { name: '' }],
      docCode: '某发',
      docNumber: 3,
      addressees: '市委、市人民政府',
      signAsHeader: false,
      signers: [{ name: '中共某县委员会' }, { name: '某县人民政府' }],
      printedBy: '某县人民政府办公室',
    };
    const body = issuerBody(4, values);
    expect(body.headerNames).toEqual(['中共某县委员会', '某县人民政府']);
    expect(IssuerInput.safeParse(body).error).toBeUndefined();
    const p = mastheadPreview(values, '某县人民政府', 2026);
    expect(p).toEqual({
      names: ['中共某县委员会', '某县人民政府'],
      suffix: '文件',
      docNumber: '某发〔2026〕3号',
      addressees: '市委、市人民政府：',
      signers: ['中共某县委员会', '某县人民政府'],
      imprint: { by: '某县人民政府办公室', date: '（成文日期）' },
    });
    // switching back to a single issue keeps the first name only
    expect(issuerBody(4, { ...values, joint: false }).headerNames).toEqual(['中共某县委员会']);
  });

  it('a saved joint issue opens as joint; a 文号 without its number leaves the number blank', () => {
    const v = issuerValues({ ...saved, headerNames: ['中共某县委员会', '某县人民政府'], docCode: '某发' });
    expect(v.joint).toBe(true);
    expect(mastheadPreview(v, '某县人民政府', 2026).docNumber).toBe('某发〔2026〕 号');
    expect(mastheadPreview({ ...v, docCode: '' }, '某县人民政府', 2026).docNumber).toBeNull();
  });

  it('what the server refuses is refused with the field named: a blank 发文机关, four names, a zero number', () => {
    const blank = IssuerInput.safeParse(
      issuerBody(1, { ...issuerValues(saved), headerNames: [{ name: ' ' }] }),
    );
    expect(blank.error?.issues[0]?.path).toEqual(['headerNames']);
    const four = issuerBody(1, {
      ...issuerValues(saved),
      joint: true,
      headerNames: ['甲', '乙', '丙', '丁'].map((name) => ({ name })),
    });
    expect(IssuerInput.safeParse(four).error?.issues[0]?.message).toBe('联合发文机关最多三个');
    const zero = issuerBody(1, { ...issuerValues(saved), docNumber: 0 });
    expect(IssuerInput.safeParse(zero).error?.issues[0]?.path).toEqual(['docNumber']);
  });
});
