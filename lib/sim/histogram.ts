/**
 * Log-bucketed latency histogram (HdrHistogram-style). Values are recorded in microseconds and
 * bucketed by their IEEE-754 exponent plus the top 6 mantissa bits, i.e. 64 linear sub-buckets
 * per power of two: a bucket is at most 1/64 = 1.6% wide, and a quantile read with linear
 * interpolation inside the bucket is well within ±1% of the exact order statistic. No logarithm
 * is computed per sample. Range: 1 µs … 2^40 µs; values below 1 µs share bucket 0, values above the last bucket
 * (counted in `overflow`, reported as a warning).
 */

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
const OCTAVES = 40;
const NB = OCTAVES * SUB + 1;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[1] holds sign, exponent, top mantissa bits
// Below 2^(31 - SUB_BITS) µs (≈ 33.6 s) the bucket is computed in int32 arithmetic (bucketOf).
const INT_US = 2 ** (31 - SUB_BITS);

/**
 * The bucket of a latency in ms: 0 below 1 µs, else from the float's exponent and top mantissa
 * bits; values past the last bucket give an index ≥ the bucket count (`recordBucket` clamps them
 * and counts an overflow).
 */
export function bucketOf(ms: number): number {
  const us = ms * 1000;
  if (!(us >= 1)) return 0;
  if (us < INT_US) {
    // The same bucket in integers: x = floor(us · 2^SUB_BITS) < 2^31 keeps every bit it needs
    // (us's leading bit e = floor(log2 us) is x's bit e + SUB_BITS, the sub-bucket the SUB_BITS
    // bits below it), with no round trip through the float's words in memory.
    const x = (us * SUB) >>> 0;
    const e = 31 - SUB_BITS - Math.clz32(x);
    return 1 + (e << SUB_BITS) + ((x >>> e) & (SUB - 1));
  }
  f64[0] = us;
  const hi = u32[1]!;
  return 1 + (((hi >>> 20) - 1023) << SUB_BITS) + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
}

/** A fixed-size log histogram plus an exact sum (for the mean) and count. */
export class LogHistogram {
  /** Per-bucket counts. */
  readonly counts = new Float64Array(NB);
  /** Number of recorded values. */
  count = 0;
  /** Sum of recorded values in ms (exact mean = sum / count). */
  sumMs = 0;
  /** Largest recorded value in ms. */
  maxMs = 0;
  /** Values beyond the range (≥ 2^40 µs); they share the last bucket, so high quantiles clamp. */
  overflow = 0;

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    // bucketOf + recordBucket, written out: this is the general event loop's hot path.
    const us = ms * 1000;
    let i = 0;
    if (us >= 1) {
      f64[0] = us;
      const hi = u32[1]!;
      i = 1 + (((hi >>> 20) - 1023) << SUB_BITS) + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
      if (i >= NB) {
        i = NB - 1;
        this.overflow++;
      }
    }
    this.counts[i]! += 1;
    this.count++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /**
   * Records one latency whose bucket `bucketOf(ms)` is already known (a value recorded into
   * several histograms computes its bucket once).
   */
  recordBucket(bucket: number, ms: number): void {
    let i = bucket;
    if (i >= NB) {
      i = NB - 1;
      this.overflow++;
    }
    this.counts[i]! += 1;
    this.count++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** Mean in ms (0 when empty). */
  meanMs(): number {
    return this.count === 0 ? 0 : this.sumMs / this.count;
  }

  /** The q-quantile (0 < q < 1) in ms, linearly interpolated inside the bucket; 0 when empty. */
  quantileMs(q: number): number {
    if (this.count === 0) return 0;
    const target = q * this.count;
    let cum = 0;
    // cum < target holds before every bucket, so an empty bucket never stops the scan (no
    // branch on empty buckets, which are many and mispredict).
    for (let i = 0; i < NB; i++) {
      const c = this.counts[i]!;
      if (cum + c >= target) return this.valueIn(i, target, cum, c);
      cum += c;
    }
    return this.maxMs;
  }

  /**
   * Two quantiles qa ≤ qb in one pass (the same numbers as two quantileMs calls): out[0] gets
   * the qa-quantile, out[1] the qb-quantile.
   */
  quantilePairMs(qa: number, qb: number, out: Float64Array): void {
    if (this.count === 0) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    const ta = qa * this.count;
    const tb = qb * this.count;
    let cum = 0;
    let haveA = false;
    for (let i = 0; i < NB; i++) {
      const c = this.counts[i]!; // empty buckets never stop the scan (see quantileMs)
      if (!haveA && cum + c >= ta) {
        out[0] = this.valueIn(i, ta, cum, c);
        haveA = true;
      }
      if (cum + c >= tb) {
        out[1] = this.valueIn(i, tb, cum, c);
        return;
      }
      cum += c;
    }
    if (!haveA) out[0] = this.maxMs;
    out[1] = this.maxMs;
  }

  /** The value at rank `target` inside bucket i (holding c values above `cum`), interpolated. */
  private valueIn(i: number, target: number, cum: number, c: number): number {
    if (i === 0) return 0.0005;
    const frac = (target - cum) / c;
    const octave = (i - 1) >> SUB_BITS;
    const sub = (i - 1) & (SUB - 1);
    const v = (2 ** octave * (1 + (sub + frac) / SUB)) / 1000;
    return v > this.maxMs ? this.maxMs : v;
  }

  /** Empties the histogram. */
  reset(): void {
    // Every value is at most maxMs, so no bucket past maxMs's own is in use (maxMs may be an
    // upper bound, see since(), which only clears more).
    if (this.count > 0) {
      const top = bucketOf(this.maxMs);
      this.counts.fill(0, 0, top >= NB ? NB : top + 1);
    }
    this.count = 0;
    this.sumMs = 0;
    this.maxMs = 0;
    this.overflow = 0;
  }

  /** A copy of this histogram's state. */
  clone(): LogHistogram {
    const h = new LogHistogram();
    h.counts.set(this.counts);
    h.count = this.count;
    h.sumMs = this.sumMs;
    h.maxMs = this.maxMs;
    h.overflow = this.overflow;
    return h;
  }

  /**
   * What was recorded since `base` (an earlier clone of this histogram). The largest value of
   * the difference is not known exactly; the overall maximum is kept as its upper bound.
   */
  since(base: LogHistogram): LogHistogram {
    const h = new LogHistogram();
    const c = h.counts;
    const a = this.counts;
    const b = base.counts;
    for (let i = 0; i < NB; i++) c[i] = a[i]! - b[i]!;
    h.count = this.count - base.count;
    h.sumMs = this.sumMs - base.sumMs;
    h.maxMs = this.maxMs;
    h.overflow = this.overflow - base.overflow;
    return h;
  }
}

/** Mantissa bits per octave (64 linear sub-buckets), for code that computes `bucketOf` inline. */
export const HISTOGRAM_SUB_BITS = SUB_BITS;

/** Number of buckets; `bucketOf` values at or past it are overflows (the last bucket). */
export const HISTOGRAM_BUCKETS = NB;

/** The largest latency the histogram resolves, ms (2^40 µs ≈ 12.7 days). */
export const HISTOGRAM_MAX_MS = 2 ** OCTAVES / 1000;
