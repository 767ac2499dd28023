import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';
import { systemCtx } from '../../platform/context.js';
import { TEST_PASSWORD } from '../../test/app.js';
import { createUser } from '../org/user-service.js';
import { foodChecklistItem, inspectorInputs, restaurantRows } from './test-fixtures.js';

/** 抽查计划 and 抽查任务 can be corrected or withdrawn until a list is sealed; after that they are record. */
describe.each(testEngines())('editing and deleting plans and tasks on $name', (engine) => {
  const t = appSetup(engine, { users: ['scjg'] });
  let other: Session;
  let itemId = '';
  const api = '/api/inspection';
  const year = new Date().getUTCFullYear();
  const call = (s: Session, method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url: `${api}${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  const audits = async (entityId: string) =>
    (
      await t.h.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);

  const planWithTask = async (name: string) => {
    const plan = (await call(t.as.scjg, 'POST', '/plans', { year, name, kind: 'department' })).json();
    const task = await call(t.as.scjg, 'POST', '/tasks', {
      planId: plan.id,
      name: `${name}任务`,
      checklistItemIds: [itemId],
      allIndustries: true,
      mode: 'count',
      count: 2,
      startOn: `${year}-01-01`,
      endOn: `${year}-12-31`,
    });
    expect(task.statusCode).toBe(201);
    return { plan, task: task.json() };
  };

  beforeAll(async () => {
    // a handler of another department: the same rights, a scope without 市场监管局's plans
    const role = await t.h.db
      .selectFrom('role')
      .select('id')
      .where('code', '=', 'handler')
      .executeTakeFirstOrThrow();
    const otherOrg = [...t.orgs.departments.entries()].find(([short]) => short !== '市场监管局')?.[1] ?? '';
    await createUser(systemCtx(t.h.db), {
      username: 'otherhandler',
      displayName: '孙强',
      orgId: otherOrg,
      roleIds: [role.id],
      password: TEST_PASSWORD,
    });
    other = await loginAs(t.app, 'otherhandler');
    const orgId = t.orgs.departments.get('市场监管局');
    itemId = (
      await call(t.as.scjg, 'POST', '/checklist-items', foodChecklistItem(orgId, '食品经营的检查'))
    ).json().id;
    const rows = restaurantRows(10, 8100, () => 'B');
    await call(t.as.scjg, 'POST', '/inspectees/batch', { orgId, rows });
    for (const inspector of inspectorInputs(orgId, 3, {
      name: '检查员',
      certificate: 'E',
      validUntil: '2099-12-31',
    }))
      await call(t.as.scjg, 'POST', '/inspectors', inspector);
    // a shared, busy machine can take minutes to migrate and seed the org tree
  }, 300_000);

  it('renames a plan and deletes a task and a plan before a draw, each audited', async () => {
    const { plan, task } = await planWithTask('年度计划');
    const renamed = await call(t.as.scjg, 'PATCH', `/plans/${plan.id}`, {
      version: plan.version,
      year,
      name: '年度双随机抽查计划',
      note: '按省局要求调整',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '年度双随机抽查计划', note: '按省局要求调整' });
    // the version seen before the rename is stale now
    const stale = await call(t.as.scjg, 'DELETE', `/plans/${plan.id}?version=${plan.version}`);
    expect(stale.statusCode).toBe(409);

    const gone = await call(t.as.scjg, 'DELETE', `/tasks/${task.id}?version=${task.version}`);
    expect(gone.statusCode).toBe(204);
    expect((await call(t.as.scjg, 'GET', `/tasks/${task.id}`)).statusCode).toBe(404);
    expect(
      (await call(t.as.scjg, 'DELETE', `/plans/${plan.id}?version=${plan.version + 1}`)).statusCode,
    ).toBe(204);
    expect((await call(t.as.scjg, 'GET', `/plans/${plan.id}`)).statusCode).toBe(404);
    expect(await audits(plan.id)).toEqual([
      'inspection.plan.create',
      'inspection.plan.update',
      'inspection.plan.delete',
    ]);
    expect(await audits(task.id)).toEqual(['inspection.task.create', 'inspection.task.delete']);
  });

  it('refuses a plan year its tasks fall outside of, naming the field', async () => {
    const { plan } = await planWithTask('跨年计划');
    const res = await call(t.as.scjg, 'PATCH', `/plans/${plan.id}`, {
      version: plan.version,
      year: year + 1,
      name: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'year' });
    expect(res.json().detail).toContain('请先修改任务期间');
  });

  it('refuses a task that names no 行业 unless it says 全部行业, naming the field', async () => {
    const { plan, task } = await planWithTask('行业计划');
    const body = {
      planId: plan.id,
      name: '未写行业的任务',
      checklistItemIds: [itemId],
      mode: 'count',
      count: 2,
      startOn: `${year}-01-01`,
      endOn: `${year}-12-31`,
    };
    for (const extra of [{}, { industries: [] }, { industries: ['餐饮'], allIndustries: true }]) {
      const res = await call(t.as.scjg, 'POST', '/tasks', { ...body, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(JSON.stringify(res.json()), JSON.stringify(extra)).toContain('industries');
      expect(JSON.stringify(res.json())).toMatch(/全部行业/);
    }
    expect((await call(t.as.scjg, 'POST', '/tasks', { ...body, industries: ['餐饮'] })).statusCode).toBe(201);
    // a correction that clears the 行业 is refused the same way
    const { planId: _p, ...fields } = body;
    const patched = await call(t.as.scjg, 'PATCH', `/tasks/${task.id}`, { version: task.version, ...fields });
    expect(patched.statusCode).toBe(400);
    expect(task.allIndustries).toBe(true);
  });

  it('once a list is sealed, neither the task nor its plan can be changed or deleted', async () => {
    const { plan, task } = await planWithTask('已封存计划');
    expect((await call(t.as.scjg, 'POST', `/tasks/${task.id}/commit`, {})).statusCode).toBe(201);
    const delTask = await call(t.as.scjg, 'DELETE', `/tasks/${task.id}?version=${task.version}`);
    expect(delTask.statusCode).toBe(409);
    expect(delTask.json().detail).toContain('不能删除');
    const edit = await call(t.as.scjg, 'PATCH', `/plans/${plan.id}`, {
      version: plan.version,
      year,
      name: '改名',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('计划不能再修改或删除');
    const delPlan = await call(t.as.scjg, 'DELETE', `/plans/${plan.id}?version=${plan.version}`);
    expect(delPlan.statusCode).toBe(409);
    expect((await call(t.as.scjg, 'GET', `/plans/${plan.id}`)).json()).toMatchObject({ name: '已封存计划' });
  });

  it('answers 404 to a user whose scope does not hold the plan, and 403 without the permission', async () => {
    const { plan, task } = await planWithTask('他人计划');
    const township = await loginAs(t.app, 'township');
    const yfzs = await loginAs(t.app, 'yfzs');
    // the township has no plan rights at all; the office reads plans but does not make them
    expect((await call(township, 'DELETE', `/plans/${plan.id}?version=1`)).statusCode).toBe(403);
    expect((await call(yfzs, 'DELETE', `/tasks/${task.id}?version=1`)).statusCode).toBe(403);
    // another department's handler: as if the plan did not exist
    expect((await call(other, 'DELETE', `/plans/${plan.id}?version=${plan.version}`)).statusCode).toBe(404);
    expect((await call(other, 'DELETE', `/tasks/${task.id}?version=${task.version}`)).statusCode).toBe(404);
    const edit = await call(other, 'PATCH', `/plans/${plan.id}`, {
      version: plan.version,
      year,
      name: '改名',
    });
    expect(edit.statusCode).toBe(404);
    expect((await call(t.as.scjg, 'GET', `/plans/${plan.id}`)).json()).toMatchObject({
      name: '他人计划',
      taskCount: 1,
    });
    expect((await call(t.as.scjg, 'DELETE', `/plans/${plan.id}?version=x`)).statusCode).toBe(400);
  });
});
