/*
 * M/M/c reference loops for `npm run bench:sim` (compiled with the system cc at bench time).
 * The same model as the engine's plain-queue case: Poisson arrivals at `rps`, exponential
 * service with mean `mean_ms`, `c` FIFO servers solved with per-server "free at" times (the
 * server that frees first takes the next arrival), sfc32 PRNG with splitmix32 seeding as
 * lib/sim/rng.ts, uniforms (x + 0.5) * 2^-32 and -log(u) * mean as the engine draws them.
 *
 * Two modes:
 *   full  (default) the engine's per-request work: departures are processed in time order (one
 *         FIFO lane per server, the lane whose head is due first goes next, as the engine's
 *         fast path merges its lanes), every latency is recorded into three log-bucketed
 *         histograms with the engine's bucketing (64 sub-buckets per power of two of µs:
 *         end-to-end, per service, current window) with count, sum and maximum, and each
 *         window of `window_ms` closes with its p50 / p99 / mean / throughput like the engine's
 *         time series. Prints the end-to-end mean, p50 and p99 (interpolated as the engine).
 *   mean  only the running mean of the latency, in arrival order (no departure order, no
 *         histogram, no windows): what the loop did before it was made like-for-like; kept
 *         as a floor.
 * Usage: mm-loop <requests> <rps> <c> <mean_ms> <seed> [full|mean] [window_ms]; prints JSON.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t a, b, cc, d;

static uint32_t next_u32(void) {
  uint32_t t = a + b + d;
  d += 1;
  a = b ^ (b >> 9);
  b = cc + (cc << 3);
  cc = (cc << 21) | (cc >> 11);
  cc += t;
  return t;
}

static double uniform01(void) { return ((double)next_u32() + 0.5) * (1.0 / 4294967296.0); }

static void seed_rng(uint32_t seed) {
  uint32_t s = seed;
  uint32_t out[3];
  for (int i = 0; i < 3; i++) {
    s += 0x9e3779b9u;
    uint32_t z = s;
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    out[i] = z ^ (z >> 16);
  }
  a = out[0];
  b = out[1];
  cc = out[2];
  d = 1;
  for (int i = 0; i < 12; i++) next_u32();
}

/* ---- log histogram, as lib/sim/histogram.ts */
#define SUB_BITS 6
#define SUB (1 << SUB_BITS)
#define NB (40 * SUB + 1)

typedef struct {
  double counts[NB];
  double count, sum, max, overflow;
} hist_t;

static int bucket_of(double ms) {
  double us = ms * 1000;
  if (!(us >= 1)) return 0;
  uint64_t bits;
  memcpy(&bits, &us, sizeof bits);
  uint32_t hi = (uint32_t)(bits >> 32);
  return 1 + ((int)((hi >> 20) - 1023) << SUB_BITS) + (int)((hi >> (20 - SUB_BITS)) & (SUB - 1));
}

static void record(hist_t *h, int bucket, double ms) {
  int i = bucket;
  if (i >= NB) {
    i = NB - 1;
    h->overflow++;
  }
  h->counts[i] += 1;
  h->count++;
  h->sum += ms;
  if (ms > h->max) h->max = ms;
}

static double value_in(const hist_t *h, int i, double target, double cum, double c) {
  if (i == 0) return 0.0005;
  double frac = (target - cum) / c;
  int octave = (i - 1) >> SUB_BITS;
  int sub = (i - 1) & (SUB - 1);
  double v = (ldexp(1.0, octave) * (1 + (sub + frac) / SUB)) / 1000;
  return v > h->max ? h->max : v;
}

/* Two quantiles in one pass, as LogHistogram.quantilePairMs. */
static void quantile_pair(const hist_t *h, double qa, double qb, double *out) {
  if (h->count == 0) {
    out[0] = out[1] = 0;
    return;
  }
  double ta = qa * h->count, tb = qb * h->count, cum = 0;
  int have_a = 0;
  for (int i = 0; i < NB; i++) {
    double c = h->counts[i];
    if (!have_a && cum + c >= ta) {
      out[0] = value_in(h, i, ta, cum, c);
      have_a = 1;
    }
    if (cum + c >= tb) {
      out[1] = value_in(h, i, tb, cum, c);
      return;
    }
    cum += c;
  }
  if (!have_a) out[0] = h->max;
  out[1] = h->max;
}

static void reset(hist_t *h) {
  if (h->count > 0) {
    int top = bucket_of(h->max);
    memset(h->counts, 0, sizeof(double) * (size_t)(top >= NB ? NB : top + 1));
  }
  h->count = h->sum = h->max = h->overflow = 0;
}

/* ---- the time series (windows), as the engine's rollWindows */
typedef struct {
  double t, rps, p50, p99, mean;
} point_t;

static hist_t e2e, svc, win;
static point_t *series;
static long n_series, cap_series;
static double win_start, window_ms;

static void roll_windows(double now) {
  double q[2];
  while (now >= win_start + window_ms) {
    double n = win.count;
    quantile_pair(&win, 0.5, 0.99, q);
    if (n_series == cap_series) {
      cap_series = cap_series ? cap_series * 2 : 1024;
      series = realloc(series, sizeof(point_t) * (size_t)cap_series);
    }
    series[n_series++] = (point_t){win_start, n * 1000 / window_ms, n ? q[0] : 0, n ? q[1] : 0,
                                   n ? win.sum / n : 0};
    reset(&win);
    win_start += window_ms;
  }
}

/* One departure at time `t` of a request that arrived at `start`. */
static void depart(double t, double start) {
  double lat = t - start;
  int bk = bucket_of(lat);
  record(&svc, bk, lat);
  if (t >= win_start + window_ms) roll_windows(t);
  record(&win, bk, lat);
  record(&e2e, bk, lat);
}

#define MAX_C 256
#define LANE_CAP 65536 /* per-server FIFO ring of pending departures (time, arrival time) */

int main(int argc, char **argv) {
  if (argc < 6 || argc > 8) {
    fprintf(stderr, "usage: mm-loop <requests> <rps> <c> <mean_ms> <seed> [full|mean] [window_ms]\n");
    return 1;
  }
  long n = atol(argv[1]);
  double rps = atof(argv[2]);
  int c = atoi(argv[3]);
  double mean = atof(argv[4]);
  seed_rng((uint32_t)atol(argv[5]));
  int full = argc < 7 || strcmp(argv[6], "mean") != 0;
  window_ms = argc == 8 ? atof(argv[7]) : 1000;
  if (n < 1 || rps <= 0 || c < 1 || c > MAX_C || mean <= 0 || !(window_ms > 0)) return 1;
  double gap = 1000.0 / rps;
  double free_at[MAX_C] = {0};
  struct timespec t0, t1;
  clock_t c0 = clock();
  clock_gettime(CLOCK_MONOTONIC, &t0);
  double now = 0, sum = 0;
  if (!full) {
    for (long i = 0; i < n; i++) {
      now += -log(uniform01()) * gap;
      int best = 0;
      for (int w = 1; w < c; w++)
        if (free_at[w] < free_at[best]) best = w;
      double start = free_at[best] > now ? free_at[best] : now;
      double done = start + -log(uniform01()) * mean;
      free_at[best] = done;
      sum += done - now;
    }
  } else {
    /* Lanes: a server's departures leave in the order it served them. */
    double(*lane_t)[LANE_CAP] = calloc((size_t)c, sizeof *lane_t);
    double(*lane_s)[LANE_CAP] = calloc((size_t)c, sizeof *lane_s);
    unsigned head[MAX_C] = {0}, tail[MAX_C] = {0};
    double next = -log(uniform01()) * gap; /* the first arrival, drawn up front as the engine */
    for (long i = 0; i < n; i++) {
      now = next;
      if (i + 1 < n) next = now + -log(uniform01()) * gap;
      else next = INFINITY;
      int best = 0;
      for (int w = 1; w < c; w++)
        if (free_at[w] < free_at[best]) best = w;
      double start = free_at[best] > now ? free_at[best] : now;
      double done = start + -log(uniform01()) * mean;
      free_at[best] = done;
      if (tail[best] - head[best] == LANE_CAP) return 3; /* queue deeper than the ring */
      lane_t[best][tail[best] % LANE_CAP] = done;
      lane_s[best][tail[best] % LANE_CAP] = now;
      tail[best]++;
      /* Departures due before the next arrival, earliest lane head first. */
      for (;;) {
        int lw = -1;
        double lt = next;
        for (int w = 0; w < c; w++)
          if (head[w] != tail[w] && lane_t[w][head[w] % LANE_CAP] < lt) {
            lt = lane_t[w][head[w] % LANE_CAP];
            lw = w;
          }
        if (lw < 0) break;
        depart(lt, lane_s[lw][head[lw] % LANE_CAP]);
        head[lw]++;
      }
    }
    roll_windows(now);
    free(lane_t);
    free(lane_s);
    sum = e2e.sum;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
  double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  double q[2] = {0, 0};
  if (full) quantile_pair(&e2e, 0.5, 0.99, q);
  printf("{\"requests\": %ld, \"seconds\": %.6f, \"cpuSeconds\": %.6f, \"meanMs\": %.6f, "
         "\"p50Ms\": %.6f, \"p99Ms\": %.6f, \"windows\": %ld, \"mode\": \"%s\"}\n",
         n, secs, cpu, sum / n, q[0], q[1], n_series, full ? "full" : "mean");
  return 0;
}
