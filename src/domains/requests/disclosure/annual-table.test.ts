import { describe, expect, it } from 'vitest';
import { type ApplicationFacts, applicationTable } from './annual-table.js';

const app = (
  applicantKind: string,
  receivedOn: string,
  outcome: string | null,
  concludedOn: string | null,
): ApplicationFacts => ({
  applicantKind,
  receivedOn,
  outcome,
  concludedOn,
});

describe('国办公开办函〔2021〕30号 表三: applications by applicant kind × result', () => {
  const apps = [
    app('person', '2024-12-20', 'disclosed', '2025-01-10'), // carried in, answered this year
    app('person', '2025-03-01', 'partial', '2025-03-20'),
    app('business', '2025-04-01', 'withheld.thirdParty', '2025-04-25'),
    app('legalService', '2025-05-01', 'unable.notOurs', '2025-05-10'),
    app('person', '2025-06-01', 'other.withdrawn', '2025-06-03'),
    app('research', '2025-12-20', null, null), // carried out
    app('person', '2024-05-01', 'disclosed', '2024-05-20'), // last year's, not counted
  ];
  const table = applicationTable(2025, apps);
  const get = (key: string, col = 'total') => table.find((r) => r.key === key)?.counts[col];

  it.each([
    ['new', 'total', 5],
    ['new', 'person', 2],
    ['carriedIn', 'person', 1],
    ['disclosed', 'person', 1],
    ['partial', 'total', 1],
    ['withheld.thirdParty', 'business', 1],
    ['unable.notHeld', 'legalService', 1],
    ['other.other', 'person', 1],
    ['handled', 'total', 5],
    ['carriedOut', 'research', 1],
  ] as const)('%s / %s = %i', (row, col, n) => {
    expect(get(row, col)).toBe(n);
  });

  it('balances: new + carried in = handled + carried out', () => {
    expect((get('new') ?? 0) + (get('carriedIn') ?? 0)).toBe(
      (get('handled') ?? 0) + (get('carriedOut') ?? 0),
    );
  });
});
