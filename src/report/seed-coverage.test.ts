import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportedCatalogue } from '../domains/planning/catalogue.js';
import { createRegistry, moduleMetrics } from './registry.js';
import recordDomains from './record-domains.json' with { type: 'json' };
import seedFactMap from './seed-fact-map.json' with { type: 'json' };

interface SeedFact {
  doc: string;
  quote: string;
  domain: string;
  metric: string;
  value: number;
  unit: string;
  period: string;
}

// A copy of the team's shared/domain/seed-facts.jsonl, so a clone of this repository tests alone.
const factsFile = path.resolve(import.meta.dirname, 'fixtures/seed-facts.jsonl');
const sharedFile = path.resolve(import.meta.dirname, '../../../shared/domain/seed-facts.jsonl');
const facts: SeedFact[] = fs
  .readFileSync(factsFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as SeedFact);

const key = (x: { doc: string; metric: string }) => `${x.doc}|${x.metric}`;
const mapping = new Map(seedFactMap.map((m) => [key(m), m]));

describe('seed coverage: every figure the five seed reports state has a registry metric', () => {
  it.runIf(fs.existsSync(sharedFile))('uses the same facts as the shared list it was copied from', () => {
    expect(fs.readFileSync(factsFile, 'utf8')).toBe(fs.readFileSync(sharedFile, 'utf8'));
  });

  const registry = createRegistry(moduleMetrics());

  it('reads all 324 seed facts', () => {
    expect(facts).toHaveLength(324);
  });

  it('maps each fact (doc + metric) to a registered metric of the same unit', () => {
    const unmapped = facts.filter((f) => !mapping.has(key(f))).map((f) => `${f.doc} ${f.metric}`);
    expect(unmapped).toEqual([]);
    const problems: string[] = [];
    for (const f of facts) {
      const m = mapping.get(key(f));
      const def = m ? registry.find(m.registryId) : undefined;
      if (!m || !def) {
        problems.push(`${f.metric} → ${m?.registryId ?? '?'}: 未注册`);
        continue;
      }
      const aliases = reportedCatalogue.find((c) => c.id === def.id)?.unitAliases ?? def.unitAliases ?? [];
      if (def.unit !== f.unit && !aliases.includes(f.unit))
        problems.push(`${f.metric}: 单位 ${f.unit} ≠ ${def.unit}`);
      if (def.source !== m.source) problems.push(`${f.metric}: 来源 ${m.source} ≠ ${def.source}`);
    }
    expect(problems).toEqual([]);
  });

  it('maps every fact of a domain with records to a record metric (typed-in only where another system owns it)', () => {
    const domains = new Set(recordDomains.domains);
    const allowed = new Set(recordDomains.typedIn.map((t) => t.metric));
    const typedIn = facts
      .filter((f) => domains.has(f.domain) && !allowed.has(f.metric))
      .filter((f) => mapping.get(key(f))?.source !== 'computed')
      .map((f) => `${f.domain} ${f.metric} → ${mapping.get(key(f))?.registryId}`);
    expect(typedIn).toEqual([]);
    // an exception names the system that owns the figure, and is still a fact of a record domain
    for (const t of recordDomains.typedIn) {
      expect(t.reason.length, t.metric).toBeGreaterThan(6);
      expect(
        facts.some((f) => f.metric === t.metric && domains.has(f.domain)),
        t.metric,
      ).toBe(true);
    }
  });

  it('keeps no mapping for a fact that does not exist', () => {
    const known = new Set(facts.map(key));
    expect(seedFactMap.filter((m) => !known.has(key(m)))).toEqual([]);
  });

  it('gives every reported catalogue metric a Chinese name, a unit and a definition', () => {
    for (const c of reportedCatalogue) {
      expect(c.id).toMatch(/^rpt\.[a-zA-Z]+\.[a-zA-Z0-9]+$/);
      expect(c.name).toMatch(/[\u4e00-\u9fa5]/);
      expect(c.unit.length).toBeGreaterThan(0);
      expect(c.definition.length).toBeGreaterThan(10);
      // a percentage or a ratio never adds up; other non-additive fields (days, norms) may be declared so
      if (c.unit === '%' || c.unit === ':1') expect(c.additive, c.id).toBe(false);
      if (c.kind === 'ratio') expect(c.additive, c.id).toBe(false);
    }
  });
});
