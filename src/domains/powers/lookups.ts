import { enforcementError } from '../enforcement/errors.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findBody } from '../enforcement/officers/store.js';
import type { EnforcementBody } from '../enforcement/officers/schema.js';
import { findPowerItem } from '../enforcement/power-list/store.js';
import type { PowerItem } from '../enforcement/power-list/schema.js';
import { findOrg } from '../org/org-store.js';
import type { Org } from '../org/schema.js';

/**
 * The records a list entry refers to, looked up inside the caller's scope once per batch (an
 * import of hundreds of rows names the same few orgs and items again and again).
 */
export class Lookups {
  private readonly orgs = new Map<string, Promise<Org | undefined>>();
  private readonly items = new Map<string, Promise<PowerItem | undefined>>();
  private readonly bodies = new Map<string, Promise<EnforcementBody | undefined>>();

  constructor(private readonly ctx: Ctx) {}

  private memo<T>(map: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
    let p = map.get(id);
    if (!p) {
      p = load();
      map.set(id, p);
    }
    return p;
  }

  async org(id: string): Promise<Org> {
    const org = await this.memo(this.orgs, id, () => findOrg(this.ctx.db, this.ctx.scope, id));
    if (!org) throw notFound('org.notFound', '所属单位不存在或不在您的权限范围内');
    return org;
  }

  async powerItem(id: string): Promise<PowerItem> {
    const item = await this.memo(this.items, id, () => findPowerItem(this.ctx.db, this.ctx.scope, id));
    if (!item) throw notFound('enforcement.powerItemNotFound', '关联的权责事项不存在或不在您的权限范围内');
    return item;
  }

  async body(id: string): Promise<EnforcementBody> {
    const body = await this.memo(this.bodies, id, () => findBody(this.ctx.db, this.ctx.scope, id));
    if (!body) throw enforcementError('enforcement.bodyNotFound');
    return body;
  }
}
