/**
 * Seeded PRNG (sfc32, Chris Doty-Humphrey's "small fast counting" generator, as used by
 * PractRand). Its whole state is four uint32 numbers, so it can be copied, stored in JSON
 * and resumed bit for bit in Node, the browser or a Web Worker.
 */

/** Plain-data PRNG state: four uint32 words. */
export type RngState = { a: number; b: number; c: number; d: number };

/** Seeds an sfc32 state from an integer seed (splitmix32 expansion, 12 warm-up draws). */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RngState = { a: next(), b: next(), c: next(), d: 1 };
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Next uint32 in [0, 2^32); mutates `st`. */
export function nextUint32(st: RngState): number {
  const t = (((st.a + st.b) | 0) + st.d) | 0;
  st.d = (st.d + 1) | 0;
  st.a = st.b ^ (st.b >>> 9);
  st.b = (st.c + (st.c << 3)) | 0;
  st.c = (st.c << 21) | (st.c >>> 11);
  st.c = (st.c + t) | 0;
  return t >>> 0;
}

/** Uniform double in the open interval (0, 1): never exactly 0 or 1, so -ln(u) is finite. */
export function nextUniform(st: RngState): number {
  return (nextUint32(st) + 0.5) / 4294967296;
}

/** Copies a state (for snapshots / compare mode). */
export function cloneRng(st: RngState): RngState {
  return { a: st.a, b: st.b, c: st.c, d: st.d };
}
