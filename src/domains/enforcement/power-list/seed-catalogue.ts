import { z } from 'zod';
import { PowerCategory } from './schema.js';
import catalogue from './seed-catalogue.json' with { type: 'json' };

/**
 * The demo 权责清单 as data (seed-catalogue.json): the full titles of the laws it cites, and per
 * department (by short name) its items as `[category, name, law, article, clause?]`, the law by
 * its short name. Demo data: the article numbers follow the current texts as far as known but
 * were not each checked against 国家法律法规数据库.
 */
export interface CatalogueItem {
  category: PowerCategory;
  name: string;
  lawName: string;
  article: number;
  clause?: number;
}

const Row = z.tuple([PowerCategory, z.string(), z.string(), z.number().int(), z.number().int().optional()]);
const Catalogue = z.object({
  laws: z.record(z.string(), z.string()),
  departments: z.record(z.string(), z.array(Row)),
  townshipOnly: z.array(Row),
});
const data = Catalogue.parse(catalogue);

/** One row of the data file as an item; a row citing a law the file does not list is a bug in the file. */
function item([category, name, law, article, clause]: z.infer<typeof Row>): CatalogueItem {
  const lawName = data.laws[law];
  if (lawName === undefined) throw new Error(`演示权责清单引用了未列出的法律:${law}`);
  return { category, name, lawName, article, ...(clause ? { clause } : {}) };
}

/** A plausible 权责清单 for the demo county's departments (by short name). */
export const DEPARTMENT_POWERS: Record<string, CatalogueItem[]> = Object.fromEntries(
  Object.entries(data.departments).map(([department, rows]) => [department, rows.map(item)]),
);

/** Powers granted to township 综合行政执法队 (a subset of the county bureaus' items). */
export const TOWNSHIP_POWERS: CatalogueItem[] = [
  ...(DEPARTMENT_POWERS.综合执法局 ?? []),
  ...(DEPARTMENT_POWERS.市场监管局 ?? []).filter((p) => p.category === 'penalty').slice(0, 5),
  ...data.townshipOnly.map(item),
];
