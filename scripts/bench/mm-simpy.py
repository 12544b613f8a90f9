"""M/M/c in SimPy for `npm run bench:sim`: the same model as the engine's plain-queue case.

Poisson arrivals at `rps`, exponential service with mean `mean_ms`, `c` FIFO servers (a
Resource), latency recorded per request (mean only). Works with SimPy 3/4 (`import simpy`) and
the SimPy 2 API that Debian's python3-simpy ships (`SimPy.Simulation`). Times only the run, not
the interpreter start. Usage: mm-simpy.py <requests> <rps> <c> <mean_ms> <seed>; prints JSON.
"""
import json
import random
import sys
import time

n, rps, c, mean, seed = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
rng = random.Random(seed)
gap = 1000.0 / rps
total = [0.0]

try:
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

        def source(env):
            for _ in range(n):
                yield env.timeout(rng.expovariate(1.0 / gap))
                env.process(customer(env))

        env.process(source(env))
        env.run()

except ImportError:
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
print(json.dumps({"requests": n, "seconds": secs, "cpuSeconds": cpu, "meanMs": total[0] / n, "version": version}))
