/** Test fixtures shared by the oversight service tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { storeAttachment } from '../../platform/files/index.js';
import { LocalFileStore } from '../../platform/files/store.js';
import { seedDemoOrgsAt } from '../../test/ctx.js';
import type { TestEngine } from '../../test/db.js';
import { userCtx } from '../enforcement/test/fixtures.js';

/**
 * What an oversight service test starts from, on a fresh database of `engine` at `now`: the demo
 * org tree, the contexts of the 依法治县办 (yfzs) and 市场监管局 (scjg) users, 市场监管局's id, and
 * a scratch folder for stored files named after `prefix`; `close` closes the one and removes the other.
 */
export async function openOversightBed(engine: TestEngine, now: Date, prefix: string) {
  const h = await engine.open();
  const orgs = await seedDemoOrgsAt(h, now);
  const office = await userCtx(h, 'yfzs', now);
  const unit = await userCtx(h, 'scjg', now);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const close = async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { h, orgs, office, unit, scjg: orgs.departments.get('市场监管局') ?? '', dir, close };
}

/** A one-line PDF `${title}.pdf` stored in `dir` as uploaded by `by`: the evidence a test cites. */
export function storedPdf(h: DatabaseHandle, dir: string, title: string, by: Ctx) {
  return storeAttachment(h.db, new LocalFileStore(dir), {
    bytes: new TextEncoder().encode(`%PDF-1.4\n${title}\n%%EOF`),
    originalName: `${title}.pdf`,
    createdBy: by.actor.userId,
  });
}
