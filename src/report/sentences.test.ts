import { describe, expect, it } from 'vitest';
import { FigureBook, sentence } from './sentences.js';
import { groupTemplates } from './templates.js';
import type { Figure } from './types.js';

const fig = (metricId: string, value: number | null, unit = '件', qualifier?: string): Figure => ({
  metricId,
  name: metricId,
  unit,
  definition: '',
  domain: 'litigation',
  domainName: '行政应诉',
  source: 'reported',
  value,
  ...(qualifier ? { qualifier } : {}),
  orgId: 'o',
  orgName: '某县',
  from: '2025-01-01',
  to: '2025-12-31',
});

describe('sentences', () => {
  it('states a meaningful zero (无败诉案件) and keeps it traceable', () => {
    const b = new FigureBook([
      fig('rpt.litigation.cases', 12),
      fig('rpt.litigation.closed', 10),
      fig('rpt.litigation.lost', 0),
    ]);
    const t = groupTemplates.litigation?.[0];
    if (!t) throw new Error('no template');
    const s = sentence(b, t);
    expect(s?.text).toBe('全年办理行政诉讼案件12件,审结10件,无败诉案件。');
    expect(s?.metricIds).toContain('rpt.litigation.lost');
  });

  it('prints no zero when nothing was filed (null is "no data", not 0)', () => {
    const b = new FigureBook([fig('rpt.litigation.cases', 12), fig('rpt.litigation.lost', null)]);
    expect(b.zero('rpt.litigation.lost', '无败诉案件')).toBeNull();
  });

  it('prints a filed qualifier with the number', () => {
    const b = new FigureBook([fig('rpt.x', 300, '人', 'over'), fig('rpt.y', 300, '人', 'about')]);
    expect(b.q('rpt.x')).toBe('300余人');
    expect(b.q('rpt.y')).toBe('约300人');
  });
});
