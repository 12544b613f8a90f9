"""M/M/c in SimPy for `npm run bench:sim`: the same model as the engine's plain-queue case.

Poisson arrivals at `rps`, exponential service with mean `mean_ms`, `c` FIFO servers (a
Resource). Runs on SimPy 3/4 (`import simpy`; Debian's python3-simpy3 is 3.0.11, the peer issue
#12 names) or on the SimPy 2 API (`SimPy.Simulation`; Debian's python3-simpy, 2.3.1), chosen
with `--api=3` / `--api=2` (default: 3 when installed, else 2). Times only the run, not the
interpreter start.

Modes: `mean` (default) keeps only the running mean of the latency; `full` also records every
latency, at its departure, into three log-bucketed histograms with the engine's bucketing
(end-to-end, per service, current window) and closes windows of `window_ms` with p50 / p99 /
mean / throughput, like the engine's time series (what scripts/bench/mm-loop.c `full` does).
Usage: mm-simpy.py [--api=3|2] <requests> <rps> <c> <mean_ms> <seed> [mean|full] [window_ms];
prints JSON (`version` is the SimPy that ran).
"""
import json
import math
import random
import sys
import time

api = next((a[6:] for a in sys.argv[1:] if a.startswith("--api=")), None)
argv = [sys.argv[0]] + [a for a in sys.argv[1:] if not a.startswith("--api=")]
if api not in (None, "2", "3"):
    sys.exit("mm-simpy.py: --api must be 2 or 3")
n, rps, c, mean, seed = int(argv[1]), float(argv[2]), int(argv[3]), float(argv[4]), int(argv[5])
full = len(argv) > 6 and argv[6] == "full"
window_ms = float(argv[7]) if len(argv) > 7 else 1000.0
rng = random.Random(seed)
gap = 1000.0 / rps
total = [0.0]

# ---- full mode: histograms (64 sub-buckets per power of two of µs) and windows.
NB = 40 * 64 + 1


class Hist:
    __slots__ = ("counts", "count", "sum", "max")

    def __init__(self):
        self.counts = [0] * NB
        self.count = 0
        self.sum = 0.0
        self.max = 0.0

    def record(self, b, ms):
        self.counts[b] += 1
        self.count += 1
        self.sum += ms
        if ms > self.max:
            self.max = ms

    def quantile(self, q):
        if self.count == 0:
            return 0.0
        target, cum = q * self.count, 0
        for i, k in enumerate(self.counts):
            if cum + k >= target:
                if i == 0:
                    return 0.0005
                frac = (target - cum) / k
                v = (2 ** ((i - 1) >> 6) * (1 + (((i - 1) & 63) + frac) / 64)) / 1000
                return min(v, self.max)
            cum += k
        return self.max


def bucket_of(ms):
    us = ms * 1000
    if not us >= 1:
        return 0
    m, e = math.frexp(us)  # us = m * 2**e, 0.5 <= m < 1
    return min(NB - 1, 1 + ((e - 1) << 6) + int((m * 2 - 1) * 64))


e2e, svc, win = Hist(), Hist(), Hist()
series = []
win_start = [0.0]


def depart(now, start):
    lat = now - start
    b = bucket_of(lat)
    svc.record(b, lat)
    global win
    while now >= win_start[0] + window_ms:
        k = win.count
        series.append((win_start[0], k * 1000 / window_ms, win.quantile(0.5), win.quantile(0.99), win.sum / k if k else 0))
        win = Hist()
        win_start[0] += window_ms
    win.record(b, lat)
    e2e.record(b, lat)

try:
    if api == "2":
        raise ImportError("SimPy 2 API requested")
    import simpy

    version = getattr(simpy, "__version__", "3+")

    def run():
        env = simpy.Environment()
        server = simpy.Resource(env, capacity=c)

        def customer(env):
            t = env.now
            with server.request() as req:
                yield req
                yield env.timeout(rng.expovariate(1.0 / mean))
            total[0] += env.now - t
            if full:
                depart(env.now, t)

        def source(env):
            for _ in range(n):
                yield env.timeout(rng.expovariate(1.0 / gap))
                env.process(customer(env))

        env.process(source(env))
        env.run()

except ImportError:
    if api == "3":
        raise
    import SimPy
    from SimPy import Simulation as S

    version = getattr(SimPy, "__version__", "2.x")

    class Customer(S.Process):
        def visit(self, server):
            t = S.now()
            yield S.request, self, server
            yield S.hold, self, rng.expovariate(1.0 / mean)
            yield S.release, self, server
            total[0] += S.now() - t
            if full:
                depart(S.now(), t)

    class Source(S.Process):
        def generate(self, server):
            for _ in range(n):
                yield S.hold, self, rng.expovariate(1.0 / gap)
                cust = Customer()
                S.activate(cust, cust.visit(server))

    def run():
        S.initialize()
        server = S.Resource(capacity=c)
        src = Source()
        S.activate(src, src.generate(server))
        S.simulate(until=1e18)

t0 = time.perf_counter()
c0 = time.process_time()
run()
cpu = time.process_time() - c0
secs = time.perf_counter() - t0
out = {"requests": n, "seconds": secs, "cpuSeconds": cpu, "meanMs": total[0] / n, "version": version, "mode": "full" if full else "mean"}
if full:
    out.update(p50Ms=e2e.quantile(0.5), p99Ms=e2e.quantile(0.99), windows=len(series))
print(json.dumps(out))
