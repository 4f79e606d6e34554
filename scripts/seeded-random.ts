/** One seeded generator for the scripts whose figures must come out the same on every run. */

/**
 * Floats in [0, 1) from `seed`: mulberry32, small, fast, and the same sequence everywhere for one
 * seed (the placement corpus and the rotation simulation both depend on that).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
