import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import { DomainError } from '../../../platform/errors.js';
import {
  coercionActions,
  coercionAfter,
  deriveStatus,
  flowOf,
  flows,
  genericActions,
  genericAfter,
  licenseActions,
  licenseAfter,
  procedureOf,
} from './procedures.js';
import { type CaseFacts, checkAction, DEFAULT_MAJOR_THRESHOLDS } from './rules.js';
import {
  type ActionRecord,
  type CaseAction,
  CaseAction as CaseActionEnum,
  type Procedure,
} from './schema.js';
import { errorCodeOfCall } from '../../../test/ctx.js';
import { act } from '../test/log.js';

const calendar = createWorkCalendar();
const change = { reason: '复议撤销', decisionNo: '开复〔2025〕1号' };

/** A log reaching each status of each procedure. */
const paths: Record<'license' | 'coercion' | 'generic', Record<string, ActionRecord[]>> = {
  license: (() => {
    const apply = act('apply', '2025-03-03');
    const accept = act('accept', '2025-03-04');
    const submit = act('submitReview', '2025-03-10');
    const pass = act('passReview', '2025-03-11');
    const grant = act('grant', '2025-03-12');
    const issue = act('issue', '2025-03-13');
    return {
      applied: [apply],
      correcting: [apply, act('requestCorrection', '2025-03-04')],
      examining: [apply, accept],
      reviewing: [apply, accept, submit],
      reviewPassed: [apply, accept, submit, pass],
      decided: [apply, accept, submit, pass, grant],
      served: [apply, accept, submit, pass, grant, issue],
      closed: [apply, accept, submit, pass, grant, issue, act('close', '2025-03-14')],
      revoked: [apply, accept, grant, act('revokeDecision', '2025-03-20', change)],
    };
  })(),
  coercion: (() => {
    const open = act('open', '2025-03-03');
    const seize = act('seize', '2025-03-04');
    const submit = act('submitReview', '2025-03-10');
    const pass = act('passReview', '2025-03-11');
    const dispose = act('dispose', '2025-03-12', { disposal: 'confiscate' });
    const serve = act('serve', '2025-03-13');
    return {
      investigating: [open],
      seized: [open, seize],
      reviewing: [open, seize, submit],
      reviewPassed: [open, seize, submit, pass],
      decided: [open, seize, submit, pass, dispose],
      served: [open, seize, submit, pass, dispose, serve],
      executed: [open, seize, dispose, serve, act('execute', '2025-03-14')],
      closed: [open, seize, dispose, serve, act('close', '2025-03-14')],
      revoked: [open, seize, dispose, act('revokeDecision', '2025-03-20', change)],
    };
  })(),
  generic: (() => {
    const open = act('open', '2025-03-03');
    const submit = act('submitReview', '2025-03-10');
    const decide = act('decide', '2025-03-12');
    const serve = act('serve', '2025-03-13');
    return {
      investigating: [open],
      notified: [open, act('notify', '2025-03-05')],
      reviewing: [open, submit],
      reviewPassed: [open, submit, act('passReview', '2025-03-11')],
      decided: [open, decide],
      served: [open, decide, serve],
      executed: [open, decide, serve, act('execute', '2025-03-14')],
      closed: [open, decide, serve, act('close', '2025-03-14')],
      revoked: [
        open,
        decide,
        act('amendDecision', '2025-03-15', change),
        act('revokeDecision', '2025-03-20', change),
      ],
    };
  })(),
};
const tables = {
  license: { allowed: licenseActions, after: licenseAfter },
  coercion: { allowed: coercionActions, after: coercionAfter },
  generic: { allowed: genericActions, after: genericAfter },
} as const;

describe.each(['license', 'coercion', 'generic'] as const)(
  'the %s procedure table (every status, every action)',
  (proc) => {
    const allowed = tables[proc].allowed as Record<string, readonly CaseAction[]>;
    const after = tables[proc].after as Partial<Record<CaseAction, string | null>>;
    it.each(Object.keys(allowed))('%s: exactly the listed actions are accepted after it', (status) => {
      const log = paths[proc][status] ?? [];
      expect(deriveStatus(log, proc)).toBe(status);
      for (const action of CaseActionEnum.options) {
        const ok = allowed[status]?.includes(action) ?? false;
        const extended = [...log, act(action, '2025-05-20')];
        expect(errorCodeOfCall(() => deriveStatus(extended, proc)) === 'ok', `${status} + ${action}`).toBe(
          ok,
        );
        if (ok) expect(deriveStatus(extended, proc)).toBe(after[action] ?? status);
      }
    });
    it('a revoked decision accepts nothing more', () => {
      expect(allowed.revoked).toEqual([]);
    });
  },
);

it.each([
  ['license', 'license'],
  ['penalty', 'ordinary'],
  ['coercion', 'coercion'],
  ['inspection', 'generic'],
  ['levy', 'generic'],
  ['benefit', 'generic'],
] as const)('a %s case follows the %s procedure', (category, procedure) => {
  expect(procedureOf(category)).toBe(procedure);
});

it('a license case opens with 申请, not 立案', () => {
  expect(errorCodeOfCall(() => deriveStatus([act('open', '2025-03-03')], 'license'))).toBe(
    'enforcement.caseNotOpened',
  );
  expect(deriveStatus([act('apply', '2025-03-03')], 'license')).toBe('applied');
});

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

describe('property: every log the table accepts folds to a status; every refused act says why in Chinese', () => {
  it.each(['ordinary', 'license', 'coercion', 'generic'] as const)('%s', (procedure: Procedure) => {
    const flow = flows[flowOf(procedure)];
    const facts: CaseFacts = {
      procedure,
      partyKind: 'organisation',
      openedOn: '2025-01-02',
      majorReason: null,
    };
    const data: ActionRecord['data'] = {
      sanction: { penalties: ['fine'], amount: 500 },
      disposal: 'release',
      workdays: 3,
      days: 10,
      noticedOn: '2025-01-02',
      reason: '纠错',
      decisionNo: '开〔2025〕1号',
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CaseActionEnum.options), { maxLength: 25 }), (acts) => {
        const log: ActionRecord[] = [act(flow.opening[0] as CaseAction, '2025-01-02')];
        for (const a of acts) {
          const next = act(a, '2025-03-31', data);
          let refused: unknown = null;
          try {
            checkAction(facts, log, next, {
              today: '2025-12-31',
              thresholds: DEFAULT_MAJOR_THRESHOLDS,
              calendar,
              archive: true,
            });
          } catch (e) {
            refused = e;
          }
          if (refused === null) {
            log.push(next);
            expect(() => deriveStatus(log, procedure)).not.toThrow();
          } else {
            expect(refused).toBeInstanceOf(DomainError);
            expect(hasChinese((refused as DomainError).message)).toBe(true);
          }
        }
        expect(Object.keys(flow.allowed)).toContain(deriveStatus(log, procedure));
      }),
      { numRuns: 150 },
    );
  });
});
