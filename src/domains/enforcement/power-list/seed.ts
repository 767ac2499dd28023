import type { Ctx } from '../../../platform/context.js';
import { articleName, chineseNumber } from './schema.js';
import { createPowerItems } from './service.js';
import { DEPARTMENT_POWERS, type CatalogueItem, TOWNSHIP_POWERS } from './seed-catalogue.js';
import type { SeededBody } from '../officers/seed.js';

export interface SeededPowerItem {
  id: string;
  orgId: string;
  category: CatalogueItem['category'];
  name: string;
}

const ACCOUNTABILITY =
  '因不履行或不正确履行行政职责,有下列情形的,行政机关及相关工作人员应承担相应责任:1.没有法律和事实依据实施的;2.未按法定程序实施的;3.应当依法移送追究刑事责任,而未依法移送的;4.其他违反法律法规规章规定的行为。';

/** The 权责清单 of every enforcement body: a few hundred items with their legal basis. */
export async function seedPowers(ctx: Ctx, bodies: readonly SeededBody[]): Promise<SeededPowerItem[]> {
  const rows: {
    orgId: string;
    code: string;
    category: CatalogueItem['category'];
    name: string;
    lawName: string;
    article: string;
    accountability: string;
  }[] = [];
  for (const [b, body] of bodies.entries()) {
    const catalogue = body.shortName.endsWith('综合行政执法队')
      ? TOWNSHIP_POWERS
      : (DEPARTMENT_POWERS[body.shortName] ?? []);
    catalogue.forEach((item, i) => {
      rows.push({
        orgId: body.orgId,
        code: `532502-${String(b + 1).padStart(3, '0')}-${String(i + 1).padStart(4, '0')}`,
        category: item.category,
        name: item.name,
        lawName: item.lawName,
        article: articleName(item.article) + (item.clause ? `第${chineseNumber(item.clause)}款` : ''),
        accountability: ACCOUNTABILITY,
      });
    });
  }
  const ids = await createPowerItems(ctx, rows);
  return rows.map((r, i) => ({ id: ids[i] ?? '', orgId: r.orgId, category: r.category, name: r.name }));
}
