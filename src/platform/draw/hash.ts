import { createHash } from 'node:crypto';

/**
 * Canonical JSON, so that anyone can recompute a hash from the same data: object keys sorted
 * by UTF-16 code unit (JavaScript's default sort), no whitespace, strings escaped as
 * JSON.stringify does, numbers must be safe integers (no floating point formatting to argue
 * about), keys with undefined values are left out, arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw new Error(`canonical JSON takes safe integers only, got ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) {
        // fast path, same bytes: JSON.stringify writes strings and safe integers exactly as above
        if (value.every((v) => typeof v === 'string' || Number.isSafeInteger(v)))
          return JSON.stringify(value);
        return `[${value.map(canonicalJson).join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** SHA-256 of a UTF-8 string, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the canonical JSON of a value. */
export function hashOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * A deterministic pseudo-random stream from a seed: SHA-256 in counter mode. Block i is
 * SHA-256(seed bytes ‖ i as 8-byte big-endian), read as eight big-endian 32-bit words, used in
 * order. No Math.random: the same seed gives the same stream on every machine, forever.
 */
export class HashPrng {
  private readonly seed: Buffer;
  private counter = 0n;
  private block: Buffer = Buffer.alloc(0);
  private offset = 32;
  /** 32-bit words consumed so far (the verifier reports it; tests use it). */
  used = 0;

  constructor(seedHex: string) {
    if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('seed must be 64 lower-case hex digits');
    this.seed = Buffer.from(seedHex, 'hex');
  }

  nextUint32(): number {
    if (this.offset >= 32) {
      const ctr = Buffer.alloc(8);
      ctr.writeBigUInt64BE(this.counter);
      this.counter += 1n;
      this.block = createHash('sha256').update(this.seed).update(ctr).digest();
      this.offset = 0;
    }
    const word = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    this.used++;
    return word;
  }

  /**
   * A uniform integer in [0, n) by rejection sampling (no modulo bias): words at or above the
   * largest multiple of n below 2^32 are discarded. n = 1 consumes nothing and returns 0.
   */
  uniformInt(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1 || n > 0x1_0000_0000) throw new Error(`uniformInt range ${n}`);
    if (n === 1) return 0;
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

/** The reveal of a commit–reveal draw: the instant and 32 random bytes the server fixed at draw time. */
export interface CommitReveal {
  drawnAt: string;
  serverRandom: string;
}

/** seed = SHA-256(commitment ‖ "|" ‖ canonical(reveal)) — the same for the 双随机 draw and the 评查 sample. */
export function commitRevealSeed(commitment: string, reveal: CommitReveal): string {
  return sha256Hex(`${commitment}|${canonicalJson(reveal)}`);
}

/**
 * A uniform k-subset of 0..n−1 in draw order: partial Fisher–Yates (for i in 0..k−1,
 * j = i + uniformInt(n − i), swap i and j; the first k). Every k-subset is equally likely.
 */
export function partialShuffle(prng: HashPrng, n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + prng.uniformInt(n - i);
    const a = idx[i] as number;
    idx[i] = idx[j] as number;
    idx[j] = a;
  }
  return idx.slice(0, take);
}
