import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildTemplates, dropTemplates } from './db.js';

/** Where failed browser tests leave their evidence (src/test/failure-evidence.ts). */
const FAILURES = path.resolve('.tmp/failures');

export default async function setup(): Promise<() => Promise<void>> {
  rmSync(FAILURES, { recursive: true, force: true });
  await buildTemplates();
  return async () => {
    await dropTemplates();
    // repeated after the run's summary, where a CI log's tail shows it
    const summary = path.join(FAILURES, 'summary.txt');
    if (existsSync(summary))
      process.stdout.write(`\nEvidence of the failed browser tests:\n${readFileSync(summary, 'utf8')}`);
  };
}
