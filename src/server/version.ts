import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VERSION = JSON.parse(
  fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
).version as string;
