import type { FileStore } from '../platform/files/index.js';

/** What each domain's demo builder is given (DomainModule.seed), and the helpers they share. */
export interface SeedOptions {
  /** the demo's full year (the one before `today`) */
  year: number;
  today: string;
  log: (msg: string) => void;
  /** where demo attachments go; without one the demo records are paper archives */
  files?: FileStore | undefined;
  /** fraction of the full demo volume (tests seed a small county) */
  scale?: number | undefined;
}

/** A demo volume at the seed's scale: `full` scaled and rounded, never below `min`. */
export function scaled(full: number, scale: number, min = 1): number {
  return Math.max(min, Math.round(full * scale));
}
