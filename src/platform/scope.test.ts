import { describe, expect, it } from 'vitest';
import type { Scope } from './context.js';
import { rowInScope, scopeRegions } from './scope.js';

const scope = (s: Partial<Scope>): Scope => ({
  all: false,
  orgIds: [],
  selfUserId: null,
  regionCodes: [],
  ...s,
});
const county = ['000100', '000100001', '000100002'];

describe('scopeRegions: the regions a scoped query is bounded to', () => {
  it.each([
    [
      'an all-scope over every region bounds none',
      scope({ all: true, regionCodes: county, everyRegion: true }),
      undefined,
    ],
    [
      'an all-scope narrowed to a county is bounded to its regions',
      scope({ all: true, regionCodes: county }),
      county,
    ],
    ['an org scope with regions is bounded to them', scope({ orgIds: ['o1'], regionCodes: county }), county],
    ['an org scope without regions bounds none', scope({ orgIds: ['o1'] }), undefined],
    ['the system scope bounds none', scope({ all: true }), undefined],
  ])('%s', (_, s, regions) => {
    expect(scopeRegions(s)).toEqual(regions);
  });

  it('never bounds out a row the scope lets through', () => {
    const scopes = [
      scope({ all: true, regionCodes: county }),
      scope({ orgIds: ['o1'], regionCodes: county }),
      scope({ orgIds: ['o1'], regionCodes: county, selfUserId: 'u1' }),
    ];
    const rows = ['000100', '000100002', '000200'].flatMap((region_code) =>
      ['o1', 'o2'].map((org_id) => ({ region_code, org_id, created_by: 'u1' })),
    );
    for (const s of scopes)
      for (const row of rows) if (rowInScope(s, row)) expect(scopeRegions(s)).toContain(row.region_code);
  });
});
