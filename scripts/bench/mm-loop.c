/*
 * M/M/c reference loop for `npm run bench:sim` (compiled with the system cc at bench time).
 * The same model as the engine's plain-queue case: Poisson arrivals at `rps`, exponential
 * service with mean `mean_ms`, `c` FIFO servers solved with per-server "free at" times, sfc32
 * PRNG (splitmix32 seeding, as lib/sim/rng.ts), latency recorded per request (mean only).
 * Usage: mm-loop <requests> <rps> <c> <mean_ms> <seed>; prints one JSON line.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: mm-loop <requests> <rps> <c> <mean_ms> <seed>\n");
    return 1;
  }
  long n = atol(argv[1]);
  double rps = atof(argv[2]);
  int c = atoi(argv[3]);
  double mean = atof(argv[4]);
  seed_rng((uint32_t)atol(argv[5]));
  if (n < 1 || rps <= 0 || c < 1 || c > 256 || mean <= 0) return 1;
  double gap = 1000.0 / rps;
  double free_at[256] = {0};
  struct timespec t0, t1;
  clock_t c0 = clock();
  clock_gettime(CLOCK_MONOTONIC, &t0);
  double now = 0, sum = 0;
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
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
  double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"requests\": %ld, \"seconds\": %.6f, \"cpuSeconds\": %.6f, \"meanMs\": %.6f}\n", n, secs,
         cpu, sum / n);
  return 0;
}
