import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { decideOnTheSpot } from '../cases/service.js';
import type { PenaltyKind } from '../cases/schema.js';
import { publishPublications } from '../publications/service.js';
import { type SeededBody, seedOfficers } from '../officers/seed.js';
import { type SeededPowerItem, seedPowers } from '../power-list/seed.js';
import { ctxAt, TODAY } from './fixtures.js';

export interface PortalWorld {
  sys: Ctx;
  bodies: SeededBody[];
  powers: SeededPowerItem[];
  /** the 市场监管局 body and its first penalty power item */
  scjg: SeededBody;
  scjgPower: SeededPowerItem;
  /** another department's body (outside the demo handler scjg's scope) */
  other: SeededBody;
}

/** Officers and the 权责清单 of every body, through their services (orgs seeded by the caller). */
export async function portalWorld(h: DatabaseHandle): Promise<PortalWorld> {
  const sys = ctxAt(h);
  const bodies = await seedOfficers(sys, TODAY);
  const powers = await seedPowers(sys, bodies);
  const scjg = bodies.find((b) => b.shortName === '市场监管局');
  const other = bodies.find(
    (b) => b !== scjg && b.officerIds.length >= 2 && !b.shortName.includes('综合行政执法队'),
  );
  const scjgPower = powers.find((p) => p.orgId === scjg?.orgId && p.category === 'penalty');
  if (!scjg || !other || !scjgPower) throw new Error('demo bodies or power items missing');
  return { sys, bodies, powers, scjg, scjgPower, other };
}

export interface DecisionInput {
  body: SeededBody;
  powerItemId?: string;
  partyKind: 'person' | 'organisation';
  partyName: string;
  partyIdNumber?: string;
  partyUscc?: string;
  partyMinor?: boolean;
  partyAddress?: string;
  privateNames?: string[];
  facts: string;
  decidedOn: string;
  penalties: PenaltyKind[];
  amount: number;
  decisionNo?: string;
  /** publish on this date (omitted: stays pending) */
  publishOn?: string;
}

/** A 当场处罚 decision through the case service, published when asked; returns ids. */
export async function decide(
  sys: Ctx,
  d: DecisionInput,
): Promise<{ caseId: string; caseNo: string; publicationId: string | null }> {
  const c = await decideOnTheSpot(sys, {
    bodyId: d.body.bodyId,
    ...(d.powerItemId ? { powerItemId: d.powerItemId } : {}),
    partyKind: d.partyKind,
    partyName: d.partyName,
    ...(d.partyIdNumber ? { partyIdNumber: d.partyIdNumber } : {}),
    ...(d.partyUscc ? { partyUscc: d.partyUscc } : {}),
    ...(d.partyMinor ? { partyMinor: true } : {}),
    ...(d.partyAddress ? { partyAddress: d.partyAddress } : {}),
    ...(d.privateNames ? { privateNames: d.privateNames } : {}),
    facts: d.facts,
    handlerIds: d.body.officerIds.slice(0, 2),
    decidedOn: d.decidedOn,
    sanction: { penalties: d.penalties, amount: d.amount },
    ...(d.decisionNo ? { decisionNo: d.decisionNo } : {}),
  });
  const pub = c.publication;
  if (pub && d.publishOn && pub.status === 'pending')
    await publishPublications(sys, [{ id: pub.id, date: d.publishOn }]);
  return { caseId: c.id, caseNo: c.caseNo, publicationId: pub?.id ?? null };
}

/**
 * Marks a published item withdrawn as the withdrawal service does (行政处罚法 第四十八条). The
 * withdrawal workflow belongs to the case module; the portal only reads its result.
 */
export async function markWithdrawn(sys: Ctx, publicationId: string, on: string): Promise<void> {
  await sys.db
    .updateTable('enforcement_publication')
    .set({ status: 'withdrawn', withdrawn_on: on })
    .where('id', '=', publicationId)
    .execute();
}

/**
 * Recategorises a decided case as a 行政许可 (the license workflow lives in the case module):
 * enough for the 双公示 export to list it under 行政许可.
 */
export async function markLicense(sys: Ctx, caseId: string): Promise<void> {
  await sql`update enforcement_case set category = 'license' where id = ${caseId}`.execute(sys.db);
}
