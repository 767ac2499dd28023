import { describe, expect, it } from 'vitest';
import {
  CatalogueActionInput,
  CreateCatalogueInput,
  DecisionActionInput,
  ListDecisionInput,
} from '../../../domains/legality/decisions/schema.js';
import { CreateDocumentInput, DocumentActionInput } from '../../../domains/legality/documents/schema.js';
import {
  AnswerInput,
  ReviewActionInput,
  SubmitReviewInput,
} from '../../../domains/legality/review/schema.js';
import {
  answerBody,
  catalogueActionForms,
  createCatalogueForm,
  createDocumentForm,
  decisionActionForms,
  documentActionForms,
  type FormSpec,
  listDecisionForm,
  reviewActionForms,
  submitReviewForm,
} from './action-specs.js';

/** What a reader types into every field of a form, required and optional alike. */
function filled(spec: FormSpec, only?: 'required'): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (only && !f.required) continue;
    v[f.name] =
      f.kind === 'date'
        ? '2025-06-16'
        : f.kind === 'number'
          ? f.name === 'year'
            ? 2025
            : 3
          : f.kind === 'bool'
            ? true
            : f.kind === 'select'
              ? f.options?.[0]?.value
              : f.kind === 'lines'
                ? '张三\n李四'
                : f.kind === 'checks'
                  ? ['决策草案及起草说明']
                  : '测试填写内容';
  }
  return v;
}

type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } };
type Case = [string, FormSpec, Schema, Record<string, unknown>];
/** Each record's acts, posted to /api/legality/<records>/:id/actions with the record's version. */
const acts: [string, Record<string, FormSpec>, Schema][] = [
  ['reviews', reviewActionForms, ReviewActionInput],
  ['documents', documentActionForms, DocumentActionInput],
  ['catalogues', catalogueActionForms, CatalogueActionInput],
  ['decisions', decisionActionForms, DecisionActionInput],
];
const cases: Case[] = [
  ['POST /api/legality/reviews', submitReviewForm, SubmitReviewInput, {}],
  ['POST /api/legality/documents', createDocumentForm, CreateDocumentInput, {}],
  ['POST /api/legality/catalogues', createCatalogueForm, CreateCatalogueInput, {}],
  ['POST /api/legality/catalogues/:id/decisions', listDecisionForm, ListDecisionInput, {}],
  ...acts.flatMap(([records, forms, schema]) =>
    Object.values(forms).map(
      (s): Case => [`POST /api/legality/${records}/:id/actions ${s.key}`, s, schema, { version: 1 }],
    ),
  ),
];

describe('the legality forms send what the routes take', () => {
  it.each(cases)('%s: every field filled', (_route, spec, schema, extra) => {
    const r = schema.safeParse({ ...spec.body(filled(spec)), ...extra });
    expect(r.error?.issues ?? []).toEqual([]);
  });
  it.each(cases)('%s: only the required fields', (_route, spec, schema, extra) => {
    const r = schema.safeParse({ ...spec.body(filled(spec, 'required')), ...extra });
    expect(r.error?.issues ?? []).toEqual([]);
  });
  it('answers each opinion of a review', () => {
    const ids = ['0d6f0bd1-5b8e-4c3b-9d52-0f3a9d1b2c10', '3c2a3e0e-8f0b-4a55-9a51-7c0a1c2b3d4e'];
    const body = answerBody(ids, {
      date: '2025-06-16',
      [`a_${ids[0]}`]: 'adopted',
      [`a_${ids[1]}`]: 'notAdopted',
      [`r_${ids[1]}`]: '上位法另有规定',
    });
    expect(AnswerInput.safeParse({ ...body, version: 2 }).success).toBe(true);
    expect(body.answers).toEqual([
      { opinionId: ids[0], adoption: 'adopted' },
      { opinionId: ids[1], adoption: 'notAdopted', reason: '上位法另有规定' },
    ]);
  });
  it('puts the head of government last in the discussion record', () => {
    const body = decisionActionForms.discuss?.body({
      date: '2025-06-16',
      meeting: '第5次常务会议',
      head: '张志远',
      present: '李文华\n王建明',
      opinions: '李文华:同意\n王建明:不同意:建议暂缓',
      headStance: '同意',
      result: 'approved',
    });
    expect(body?.opinions).toEqual([
      { speaker: '李文华', stance: 'agree' },
      { speaker: '王建明', stance: 'disagree', text: '建议暂缓' },
      { speaker: '张志远', stance: 'agree' },
    ]);
  });
});
