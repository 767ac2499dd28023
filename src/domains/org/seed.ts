import { updateSite } from './site-service.js';
import type { Ctx } from '../../platform/context.js';
import { writeTx } from '../../platform/db/tx.js';
import { generateUscc } from '../../platform/ids/index.js';
import { knownPermissionCodes } from '../index.js';
import { COUNTY_CODE, COUNTY_GOVERNMENT, demoDepartments, demoRegions, demoRoles } from './demo-county.js';
import { createOrg, insertOrg } from './org-service.js';
import { caseNoAbbreviation } from './rules.js';
import { createRole } from './role-service.js';
import { createUser } from './user-service.js';

/** Regions are reference data; loaded once, audited as one entry. */
export async function ensureRegions(
  ctx: Ctx,
  regions: readonly { code: string; name: string; level: number; parent: string | null }[],
): Promise<void> {
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    for (const r of regions) {
      await trx
        .insertInto('region')
        .values({ code: r.code, name: r.name, level: r.level, parent_code: r.parent })
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({ name: r.name, level: r.level, parent_code: r.parent }),
        )
        .execute();
    }
    audit({ action: 'region.load', entity: 'region', change: { codes: regions.map((r) => r.code) } });
  });
}

/** The root of the org tree (the deployment's government); only the system actor creates it. */
export async function createRootOrg(
  ctx: Ctx,
  input: { name: string; regionCode: string; uscc?: string },
): Promise<string> {
  return insertOrg(ctx, null, {
    region_code: input.regionCode,
    name: input.name,
    short_name: null,
    kind: 'government',
    uscc: input.uscc ?? null,
  });
}

/** Valid codes for the demo's government bodies: 登记管理部门 1 (机构编制), 类别 1 (机关), 开远市. */
export const demoUscc = (n: number): string =>
  generateUscc(n, { regionCode: '532502', department: '1', category: '1' });

export interface DemoOrgs {
  rootId: string;
  departments: Map<string, string>; // short name → id
  townships: Map<string, { id: string; justiceOfficeId: string }>;
  users: { username: string; displayName: string; role: string; orgName: string }[];
}

/**
 * The demo county's org tree, roles and one user per role, built through the services.
 * Passwords: every demo user gets `password`.
 */
export async function seedOrgs(ctx: Ctx, password: string, uscc: (n: number) => string): Promise<DemoOrgs> {
  await ensureRegions(ctx, demoRegions);
  const rootId = await createRootOrg(ctx, {
    name: COUNTY_GOVERNMENT,
    regionCode: COUNTY_CODE,
    uscc: uscc(1),
  });
  const departments = new Map<string, string>();
  let n = 2;
  for (const [i, d] of demoDepartments.entries()) {
    const org = await createOrg(ctx, {
      parentId: rootId,
      name: d.name,
      shortName: d.short,
      docPrefix: demoDocPrefix(d.name),
      kind: 'department',
      sort: i + 1,
      uscc: uscc(n++),
    });
    departments.set(d.short, org.id);
  }
  const townships = new Map<string, { id: string; justiceOfficeId: string }>();
  for (const [i, r] of demoRegions.filter((x) => x.level === 4).entries()) {
    const kind = r.name.endsWith('街道') ? 'subdistrict' : 'township';
    const gov = r.name.endsWith('街道') ? `开远市${r.name}办事处` : `开远市${r.name}人民政府`;
    const t = await createOrg(ctx, {
      parentId: rootId,
      name: gov,
      shortName: r.name,
      kind,
      regionCode: r.code,
      sort: 100 + i,
      uscc: uscc(n++),
    });
    const sfs = await createOrg(ctx, {
      parentId: t.id,
      name: `开远市司法局${r.name.replace(/(街道|回族乡|乡|镇)$/, '')}司法所`,
      shortName: `${r.name}司法所`,
      kind: 'justiceOffice',
      regionCode: r.code,
    });
    await createOrg(ctx, {
      parentId: t.id,
      name: `${r.name}综合行政执法队`,
      docPrefix: demoDocPrefix(`${r.name}综合行政执法队`),
      kind: 'agency',
      regionCode: r.code,
    });
    townships.set(r.name, { id: t.id, justiceOfficeId: sfs.id });
  }
  const known = knownPermissionCodes();
  const roleIds = new Map<string, string>();
  for (const r of demoRoles) {
    const role = await createRole(
      ctx,
      {
        code: r.code,
        name: r.name,
        dataScope: r.dataScope,
        permissions: [...r.permissions].filter((p) => p === '*' || known.has(p)),
      },
      known,
      true,
    );
    roleIds.set(r.code, role.id);
  }
  const sfj = departments.get('司法局') ?? rootId;
  const scjg = departments.get('市场监管局') ?? rootId;
  const firstTownship = [...townships.values()][0]?.id ?? rootId;
  const plan = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', orgId: sfj },
    { username: 'yfzs', displayName: '李建华', role: 'supervisor', orgId: sfj },
    { username: 'leader', displayName: '王志强', role: 'leader', orgId: rootId },
    { username: 'scjg', displayName: '张明', role: 'handler', orgId: scjg },
    { username: 'fzsh', displayName: '赵丽', role: 'reviewer', orgId: scjg },
    { username: 'township', displayName: '杨海燕', role: 'township', orgId: firstTownship },
    { username: 'clerk', displayName: '陈静', role: 'clerk', orgId: scjg },
  ];
  const users: DemoOrgs['users'] = [];
  for (const u of plan) {
    const roleId = roleIds.get(u.role);
    const created = await createUser(ctx, {
      username: u.username,
      displayName: u.displayName,
      orgId: u.orgId,
      roleIds: roleId ? [roleId] : [],
      password,
    });
    users.push({
      username: u.username,
      displayName: u.displayName,
      role: demoRoles.find((r) => r.code === u.role)?.name ?? u.role,
      orgName: created.orgName,
    });
  }
  // the demo county's public site: masthead and footer (a deployment sets its own in 系统管理 › 网站设置)
  await updateSite(ctx, {
    version: 0,
    siteName: `${COUNTY_GOVERNMENT.replace(/人民政府$/, '')}法治政府建设信息公开`,
    sponsor: `${COUNTY_GOVERNMENT}办公室`,
    siteCode: '5325020000',
    icp: '滇ICP备00000000号(演示)',
    policeRecord: '滇公网安备00000000000000号(演示)',
    contact: `${COUNTY_GOVERNMENT}法治政府建设工作领导小组办公室(设在司法局)`,
  });
  return { rootId, departments, townships, users };
}

/** The demo county's 文书编号前缀: 开 + the department's usual abbreviation (开市监, 开环, 开住建…). */
export function demoDocPrefix(name: string): string {
  return `开${caseNoAbbreviation(name.replace(/^(开远市|红河州)/, '').replace(/开远分局$/, ''))}`;
}
