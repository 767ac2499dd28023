/** The hashing of the draw lives in platform/draw (the 评查 sample uses it too); re-exported for this domain's files. */
export { canonicalJson, commitRevealSeed, HashPrng, hashOf, sha256Hex } from '../../platform/draw/hash.js';
