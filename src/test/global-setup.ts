import { buildTemplates, dropTemplates } from './db.js';

export default async function setup(): Promise<() => Promise<void>> {
  await buildTemplates();
  return dropTemplates;
}
