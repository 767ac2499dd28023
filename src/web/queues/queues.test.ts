import { describe, expect, it } from 'vitest';
import { demoRoles } from '../../domains/org/demo-county.js';
import { readsOnly } from '../pages/home-page.js';
import { disputesQueues } from './disputes.js';
import { enforcementQueues } from './enforcement.js';
import { inspectionQueues } from './inspection.js';
import { legalityQueues } from './legality.js';
import { oversightQueues } from './oversight.js';
import { reportQueues } from './report.js';
import { requestsQueues } from './requests.js';

const queues = [
  ...disputesQueues,
  ...enforcementQueues,
  ...inspectionQueues,
  ...legalityQueues,
  ...oversightQueues,
  ...reportQueues,
  ...requestsQueues,
];

/** 我的待办 is work: a queue is offered to whoever acts on its records, never to whoever only reads them. */
describe('home queues', () => {
  it('are each gated by a permission to act, not to read', () => {
    expect(
      queues.filter((q) => q.permission.endsWith(':list')).map((q) => `${q.key} ${q.permission}`),
    ).toEqual([]);
  });

  it('give the leader, who reads and approves, only what there is to approve', () => {
    const leader = demoRoles.find((r) => r.code === 'leader');
    expect(leader && readsOnly({ permissions: [...leader.permissions] })).toBe(true);
    const held = new Set<string>(leader?.permissions ?? []);
    expect(queues.filter((q) => held.has(q.permission)).map((q) => q.key)).toEqual(['reports-review']);
  });
});
