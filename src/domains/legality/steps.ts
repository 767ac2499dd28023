import type { Ctx } from '../../platform/context.js';
import { recordCatalogueAction, recordDecisionAction } from './decisions/service.js';
import { recordDocumentAction } from './documents/service.js';
import { recordReviewAction } from './review/service.js';

/** A ledger's step service (`record…Action`): one step on the record `id`. */
type StepService<T> = (ctx: Ctx, id: string, raw: unknown) => Promise<T>;

/** Sends a step on a record at the version the caller last read, as the ledger's form does. */
const stepAt =
  <T>(service: StepService<T>) =>
  (ctx: Ctx, record: { id: string; version: number }, step: Record<string, unknown>): Promise<T> =>
    service(ctx, record.id, { ...step, version: record.version });

/* The steps of each ledger as the demo data and the tests walk a record through its procedure. */
export const catalogueStep = stepAt(recordCatalogueAction);
export const decisionStep = stepAt(recordDecisionAction);
export const documentStep = stepAt(recordDocumentAction);
export const reviewStep = stepAt(recordReviewAction);
