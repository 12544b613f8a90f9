/**
 * Discrete-event mesh simulator. Pure and deterministic: time is virtual (ms), randomness comes
 * from a seeded sfc32 state kept as plain data, and the same config + seed + intents give the
 * same numbers bit for bit.
 *
 * Performance notes: events live in typed arrays ordered by (time, insertion seq), kept as a
 * short sorted run while few are pending and as a binary heap otherwise; calls and attempts are pooled records in typed arrays with free
 * lists; FIFO multi-server stations (services and proxies) are solved with per-worker
 * "free at" times, so a station costs no event of its own; there are no per-event closures.
 * Plain queues (no proxies, callers making one call to a leaf service) run on a fast path with
 * bit-identical results (runFast; docs/simulator.md "Speed"). In the general loop, calls on
 * sidecar routes with nothing to check run through lean handlers that fuse the general ones
 * (leanStartCall, leanHop, leanResponse), again with bit-identical results.
 */
import type { SimConfig } from './config';
import { HISTOGRAM_BUCKETS, HISTOGRAM_MAX_MS, HISTOGRAM_SUB_BITS, LogHistogram } from './histogram';
import {
  DEBOUNCE_MS,
  EBPF_COST,
  SIDECAR_COSTS,
  WAYPOINT_COST,
  ZTUNNEL_COST,
  convergenceMs,
} from './profiles';
import type { RngState } from './rng';
import { seedRng } from './rng';
import type { Decision, Intent } from './intents';
import { applyIntent, explainIntent, validateIntent } from './control-plane';
import { edgeSecurity } from './topology';

// ---- event types
const EV_ARRIVAL = 0;
const EV_HOP = 1;
const EV_SERVICE_DONE = 2;
const EV_RESPONSE = 3;
const EV_RETRY = 4;
const EV_TRY_TIMEOUT = 5;
const EV_ROUTE_TIMEOUT = 6;
const EV_APPLY = 7;

// ---- failure kinds as seen by the client proxy
const K_OK = 0;
const K_500 = 1;
const K_503 = 2;
const K_CONNECT = 3;
const K_RESET = 4;
const K_403 = 5;
const K_TIMEOUT = 6;
const K_UO = 7;
const K_UH = 8;
const K_FI = 9;

/** Error causes reported in metrics (index = cause code). */
export const CAUSES = [
  'ok',
  'upstream',
  'timeout',
  'overflow',
  'denied',
  'mtls',
  'injected',
  'noHealthy',
] as const;
/** An error cause name. */
export type Cause = (typeof CAUSES)[number];
const C_OK = 0;
const C_UPSTREAM = 1;
const C_TIMEOUT = 2;
const C_OVERFLOW = 3;
const C_DENIED = 4;
const C_MTLS = 5;
const C_INJECTED = 6;
const C_NOHEALTHY = 7;
const NCAUSE = 8;

// Which kinds each retryOn condition covers (Envoy router docs, S19/S20): `5xx` also covers
// connect failures, resets and per-try timeouts; `gateway-error` covers 502/503/504.
const RETRY_BITS: Record<string, number> = {
  '5xx': (1 << K_500) | (1 << K_503) | (1 << K_CONNECT) | (1 << K_RESET) | (1 << K_TIMEOUT),
  'gateway-error': (1 << K_503) | (1 << K_TIMEOUT),
  'connect-failure': 1 << K_CONNECT,
  reset: (1 << K_RESET) | (1 << K_TIMEOUT),
  unavailable: 1 << K_503,
};
// Kinds that count as a 5xx for outlier detection (locally originated errors included, S22).
const OUTLIER_BITS =
  (1 << K_500) | (1 << K_503) | (1 << K_CONNECT) | (1 << K_RESET) | (1 << K_TIMEOUT);

// ---- hop steps (proxies on the request path)
const S_CLIENT_SC = 0;
const S_SERVER_SC = 1;
const S_SRC_ZT = 2;
const S_DST_ZT = 3;
const S_WAYPOINT = 4;
const S_NODE_ENVOY = 5;
const S_EBPF = 6;
// Templates: [steps...] with a network segment before the step (+N) and enforcement (!).
// t0 none: (net) node · t1 sidecar: client-sc, +net server-sc! · t2 sidecar from un-meshed: +net server-sc!
// t3 ambient L4: src-zt, +net dst-zt! · t4 ambient L7: src-zt, +net waypoint, +net dst-zt!
// t5 ambient from un-meshed: +net dst-zt! · t6 eBPF: +net ebpf! · t7 eBPF + node Envoy: envoy, +net ebpf!
const TPL_STEPS: number[][] = [
  [],
  [S_CLIENT_SC, S_SERVER_SC],
  [S_SERVER_SC],
  [S_SRC_ZT, S_DST_ZT],
  [S_SRC_ZT, S_WAYPOINT, S_DST_ZT],
  [S_DST_ZT],
  [S_EBPF],
  [S_NODE_ENVOY, S_EBPF],
];
const TPL_NET: number[][] = [[], [0, 1], [1], [0, 1], [0, 1, 1], [1], [1], [0, 1]];
const TPL_FINAL_NET = [1, 0, 0, 0, 0, 0, 0, 0];
const MAX_TPL_LEN = 3;
const tplStep = new Int8Array(8 * MAX_TPL_LEN);
const tplNet = new Int8Array(8 * MAX_TPL_LEN);
const tplLen = new Int8Array(8);
for (let t = 0; t < 8; t++) {
  const steps = TPL_STEPS[t]!;
  tplLen[t] = steps.length;
  steps.forEach((s, i) => {
    tplStep[t * MAX_TPL_LEN + i] = s;
    tplNet[t * MAX_TPL_LEN + i] = TPL_NET[t]![i]!;
  });
}

// Local copies of histogram.ts's bucket layout for the hot loops. An imported binding is live:
// ESM reads it through the exporting module's cell, and a CommonJS build of these files (tsx or
// ts-node outside a "type": "module" package) through a getter call on every use, which made
// the fast path 1.3× slower there; a module's own const is neither.
const SUB_BITS = 6;
const NBUCKETS = 40 * 64 + 1;
if (SUB_BITS !== HISTOGRAM_SUB_BITS || NBUCKETS !== HISTOGRAM_BUCKETS)
  throw new Error('lib/sim/engine.ts: the histogram layout changed; update SUB_BITS and NBUCKETS');
const REPLICA_SLOTS = 32; // v1 replica slots reserved per service so set-replicas needs no re-layout
const TWO_POW_M32 = 1 / 4294967296;
// A float's words, for the histogram bucket of a latency (histogram.ts bucketOf, inlined).
const bits = new Float64Array(1);
const bitsHi = new Uint32Array(bits.buffer);
// The same bucket in integer arithmetic for 1 ≤ us < 2^(31 - SUB_BITS) (2^25 µs ≈ 33.6 s):
// x = floor(us · 2^SUB_BITS) fits an int32 and keeps every bit the bucket needs (bit e of us,
// e = floor(log2 us), is bit e + SUB_BITS of x, and the sub-bucket is the SUB_BITS bits below
// it), so e = 31 - SUB_BITS - clz32(x) and the sub-bucket is (x >>> e) & SUB_MASK. Checked
// against bucketOf on 23 M values (every octave's edges and sub-bucket edges ± 1 ulp, random
// values over the whole range).
const SUB_SCALE = 1 << SUB_BITS;
const SUB_MASK = SUB_SCALE - 1;
const INT_BUCKET_US = 2 ** (31 - SUB_BITS);
const INT_BUCKET_TOP = 31 - SUB_BITS;
// Event queue layout: sorted while at most SORTED_MAX events are pending, a heap above, and
// sorted again once a heap pops down to SORTED_MIN (the gap avoids flapping at the edge).
const SORTED_MAX = 32;
const SORTED_MIN = 16;
// Most arrivals the fast path solves before it turns to the responses due meanwhile.
const FAST_BATCH = 1024;
// PRNG draws the fast path computes (with their logs) in one tight loop.
const DRAW_BLOCK = 512;

/**
 * The FIFO worker that frees first: the lowest index i in [base, base + n) with the smallest
 * free-at time f[i] (the same one as a left-to-right scan with `<`). Up to four workers it is a
 * branch-free tournament (the comparisons are random, so a scan's branches mispredict often).
 */
function firstFree(f: Float64Array, base: number, n: number): number {
  if (n === 1) return base;
  const i01 = base + +(f[base + 1]! < f[base]!);
  if (n === 2) return i01;
  if (n === 3) return i01 + ((base + 2 - i01) & -+(f[base + 2]! < f[i01]!));
  if (n === 4) {
    const i23 = base + 2 + +(f[base + 3]! < f[base + 2]!);
    return i01 + ((i23 - i01) & -+(f[i23]! < f[i01]!));
  }
  let best = base;
  let bestT = f[base]!;
  for (let w = 1; w < n; w++) {
    const t = f[base + w]!;
    if (t < bestT) {
      bestT = t;
      best = base + w;
    }
  }
  return best;
}

/** Runtime route policy of one destination (rebuilt whenever an intent is applied). */
type RoutePolicy = {
  retries: number;
  retryMask: number;
  perTryMs: number;
  backoffBase: number;
  budgetRatio: number;
  budgetMin: number;
  budgetTtl: number;
  timeoutMs: number;
  cbInflight: number;
  cbRetries: number;
  od: SimConfig['services'][number]['policy']['outlierDetection'];
  canaryW: number;
  hasFault: boolean;
  abortP: number;
  delayP: number;
  delayMs: number;
};

/** A point of the time series (one window of simulated time). */
export type SeriesPoint = {
  /** Window start, simulated ms. */
  tMs: number;
  /** Completed root requests per second. */
  throughputRps: number;
  /** Failed share of completed root requests (0..1). */
  errorRate: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Retries started per second (all hops). */
  retriesPerS: number;
};

/** Latency and error summary of a stream of requests. */
export type LatencyStats = {
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Failed share (0..1). */
  errorRate: number;
  /** Completed per simulated second. */
  throughputRps: number;
  /** Completed requests. */
  count: number;
  /** Failures by cause. */
  errorsByCause: Partial<Record<Cause, number>>;
};

/** Per-service summary (latency is as seen by its callers, retries included). */
export type ServiceStats = LatencyStats & {
  /** Busy share of the service's workers over the period (0..1): time a worker was serving. */
  utilization: number;
  /**
   * Offered load: service work that arrived per unit of capacity (λ·E[S] / servers). Can exceed
   * 1 (overload: the queue grows); `utilization` then stays at ≤ 1.
   */
  offeredLoad: number;
  /** Attempts that reached the service's route (first tries + retries). */
  attempts: number;
  /** Retries sent to the service. */
  retries: number;
  /** Attempts per root request (retry amplification at this service). */
  attemptsPerRequest: number;
  /** Proxy CPU attributed to this service's proxies, vCPU. */
  cpuVcpu: number;
  /** Memory of this service's proxies, MiB. */
  memoryMiB: number;
  /** Share of calls routed to the canary (0..1). */
  canaryShare: number;
  /** Outlier ejections so far. */
  ejections: number;
};

/** The JSON-safe result of a run (CLI `--json` contract, UI tables and charts). */
export type SimSummary = {
  nowMs: number;
  /** What the numbers cover: the whole run (after warm-up) or the current window only. */
  scope: SummaryScope;
  /** Simulated start of the covered period, ms. */
  fromMs: number;
  /** Conditions the reader should know about (e.g. latencies beyond the histogram's range). */
  warnings: string[];
  endToEnd: LatencyStats;
  services: Record<string, ServiceStats>;
  security: {
    /** Share of calls sent over mTLS (0..1). */
    encryptedShare: number;
    /** Share of calls admitted by an explicit ALLOW rule for a verified identity (0..1). */
    authorizedShare: number;
  };
  dataPlane: {
    mode: string;
    profile: string;
    l7: boolean;
    proxies: number;
    cpuVcpu: number;
    memoryMiB: number;
  };
  decisions: Decision[];
  series: SeriesPoint[];
};

/** `total`: since the start of the run (after warm-up); `window`: since the last step began. */
export type SummaryScope = 'total' | 'window';

/** Options for creating a simulation. */
export type SimOptions = {
  /** PRNG seed (uint32). */
  seed: number;
  /** Override config.requests; Infinity = open-ended (UI). */
  requests?: number;
  /** Most events the run may process; past it the run stops with a SimBudgetError. */
  maxEvents?: number;
  /**
   * Use the fast path and the lean sidecar handlers where the config allows them (default true).
   * Results are bit-identical either way; false forces the general event loop with the general
   * handlers only (equivalence tests, diagnostics).
   */
  fastPath?: boolean;
};

/** Thrown when a run reaches its event budget (see lib/sim/budget.ts for the estimate up front). */
export class SimBudgetError extends Error {
  readonly events: number;
  constructor(events: number, message?: string) {
    super(
      message ??
        `the run reached its budget of ${events.toLocaleString('en-US')} simulated events and was stopped; ` +
          'lower the request rate, the number of requests or steps, or simplify the call graph',
    );
    this.name = 'SimBudgetError';
    this.events = events;
  }
}

/** Cumulative counters at a point in time (the start of the current window). */
type MetricsMark = {
  t: number;
  e2e: LogHistogram;
  e2eErr: Float64Array;
  svcHist: LogHistogram[];
  svcErr: Float64Array;
  svcAttempts: Float64Array;
  svcRetries: Float64Array;
  svcBusy: Float64Array;
  svcWork: Float64Array;
  svcProxyCpu: Float64Array;
  svcCanary: Float64Array;
  svcEjections: Float64Array;
  secCalls: number;
  secEnc: number;
  secAuthz: number;
};

/** Most events that may be pending at once (bounds memory when requests queue up without end). */
export const MAX_PENDING_EVENTS = 4_194_304;

/** Most windows kept in the time series. */
const MAX_SERIES = 5000;

function emptyPolicy(): RoutePolicy {
  return {
    retries: 0,
    retryMask: 0,
    perTryMs: 0,
    backoffBase: 25,
    budgetRatio: -1,
    budgetMin: 0,
    budgetTtl: 10,
    timeoutMs: 0,
    cbInflight: -1,
    cbRetries: -1,
    od: null,
    canaryW: 0,
    hasFault: false,
    abortP: 0,
    delayP: 0,
    delayMs: 0,
  };
}

type PoolArray = Int32Array | Uint8Array | Float64Array;

/** A copy of a pool column with capacity n (pools only grow, by doubling, off the hot path). */
function grown<T extends PoolArray>(arr: T, ctor: new (n: number) => T, n: number): T {
  const x = new ctor(n);
  x.set(arr);
  return x;
}

/** The free-slot stack for a pool grown from oldCap to n: existing free slots, then the new ones. */
function grownFreeList(
  free: Int32Array,
  top: number,
  oldCap: number,
  n: number,
): [Int32Array<ArrayBuffer>, number] {
  const next = new Int32Array(n);
  next.set(free.subarray(0, top));
  let t = top;
  for (let i = n - 1; i >= oldCap; i--) next[t++] = i;
  return [next, t];
}

/** A running simulation. Create with `new Simulation(config, { seed })`. */
export class Simulation {
  /** Current config (replaced when an intent is applied). */
  config: SimConfig;
  // sfc32 state in an Int32Array: storing int32 values into object fields would box the ones
  // outside V8's small-integer range and allocate on every draw.
  private readonly rs = new Int32Array(4);
  /** Current simulated time, ms. */
  now = 0;
  /** Processed events. */
  events = 0;
  /** Intents waiting for the next control-loop step. */
  readonly pendingIntents: Intent[] = [];
  /** Decisions made so far. */
  readonly decisions: Decision[] = [];
  /** Control-loop steps taken. */
  steps = 0;
  /** Root requests sent but not finished yet (for Little's law checks). */
  inFlight = 0;
  /** Event budget: the run stops with a SimBudgetError once `events` reaches it (Infinity = none). */
  maxEvents: number;
  private mark: MetricsMark | null = null;

  // ---- event queue
  // Pending events, ordered by (time, insertion seq). The queue holds only (time, slot) pairs;
  // an event's seq, kind + record and generation live in its slot, so a move shifts two words.
  // Positions ≥ hSize of hI hold the free slot ids (a free list with no storage of its own).
  // While few events are pending (the common case) the pairs are kept sorted latest-first:
  // popping is O(1) and inserting shifts the few events due earlier, with predictable
  // branches. Past SORTED_MAX events the same arrays become a binary heap, and back below
  // SORTED_MIN. Keys are unique, so both layouts pop the exact same sequence.
  private hT = new Float64Array(1024);
  private hI = Int32Array.from({ length: 1024 }, (_, i) => i);
  private vS = new Float64Array(1024);
  private vA = new Int32Array(1024);
  private vB = new Int32Array(1024);
  private hSize = 0;
  private hHeap = false;
  private seq = 0;

  // ---- topology
  private readonly nNodes: number;
  private readonly nCallers: number;
  private readonly names: string[];
  private readonly nodeStageStart: Int32Array;
  private readonly nodeStageCount: Int32Array;
  private readonly stageStart: Int32Array;
  private readonly stageLen: Int32Array;
  private readonly stageTargets: Int32Array;
  private readonly nodeRepBase: Int32Array;
  private readonly nodeRepActive: Int32Array;
  private readonly nodeCanaryBase: Int32Array;
  private readonly nodeCanaryCount: Int32Array;
  private readonly nodeWorkers: Int32Array;
  private readonly nodeMeshed: Uint8Array;
  private readonly nodeEjected: Int32Array;
  private readonly callerGap: Float64Array; // mean time between arrivals, ms

  // ---- replicas
  private readonly nRep: number;
  private readonly rNode: Int32Array;
  private readonly rWBase: Int32Array;
  private readonly rActive: Int32Array;
  private readonly rConsec: Int32Array;
  private readonly rEjected: Uint8Array;
  private readonly rEjCount: Int32Array;
  private readonly rEjUntil: Float64Array;
  private readonly rCluster: Int32Array;
  private readonly rIsCanary: Uint8Array;
  private readonly rDist: Uint8Array; // 0 exp, 1 const, 2 lognormal
  private readonly rMean: Float64Array;
  private readonly rMu: Float64Array;
  private readonly rSigma: Float64Array;
  private readonly rFailP: Float64Array;
  private readonly rFailKind: Uint8Array;
  private readonly wFree: Float64Array;

  // ---- proxies: sidecar per replica slot, ztunnel + node Envoy per cluster node, waypoint per node
  private readonly pZt: number;
  private readonly pWp: number;
  private readonly pNe: number;
  private readonly pWorkers: number;
  private readonly pFree: Float64Array;
  private readonly stepPath = new Float64Array(7);
  private readonly stepCpu = new Float64Array(7);
  private tplMeshed = 0;
  private tplUnmeshed = 0;
  private l7Mode = false;

  // ---- policy + security tables
  private pol: RoutePolicy[] = [];
  private sec: Uint8Array; // per src*N+dst: bit0 encrypted, bit1 explicit allow, bits2-4 reject cause
  private netMs = 0;
  private handshakeMs = 0;

  // ---- breaker / budget counters
  private readonly inflight: Int32Array; // per srcReplica*N + dst
  private readonly activeRetries: Int32Array;
  private readonly budReq: Float64Array; // per (srcNode*N+dst)*60 + second%60
  private readonly budRet: Float64Array;
  private readonly budStamp: Float64Array;

  // ---- attempts pool
  private aCap = 0;
  private aFreeTop = 0;
  private aFree = new Int32Array(0);
  private aGen = new Int32Array(0);
  private aNode = new Int32Array(0);
  private aRep = new Int32Array(0);
  private aCall = new Int32Array(0);
  private aCallGen = new Int32Array(0);
  private aSrcRep = new Int32Array(0);
  private aStage = new Int32Array(0);
  private aPending = new Int32Array(0);
  private aChildCause = new Uint8Array(0);
  private aTpl = new Uint8Array(0);
  private aStep = new Uint8Array(0);
  private aReject = new Uint8Array(0);
  private aResKind = new Uint8Array(0);
  private aResCause = new Uint8Array(0);
  private aCounted = new Uint8Array(0);
  private aIsRetry = new Uint8Array(0);
  private aL7 = new Uint8Array(0);
  private aStartT = new Float64Array(0);

  // ---- calls pool
  private cCap = 0;
  private cFreeTop = 0;
  private cFree = new Int32Array(0);
  private cGen = new Int32Array(0);
  private cParent = new Int32Array(0);
  private cDst = new Int32Array(0);
  private cSrcRep = new Int32Array(0);
  private cTries = new Int32Array(0);
  private cCur = new Int32Array(0);
  private cL7 = new Uint8Array(0);
  private cFault = new Uint8Array(0);
  private cStartT = new Float64Array(0);

  // ---- arrivals / measurement
  private arrivalsLeft: number;
  private readonly measureFrom: number;
  private lastArrivalT = 0;
  private firstArrivalT = -1;

  // ---- metrics
  private readonly e2e = new LogHistogram();
  private readonly e2eErr = new Float64Array(NCAUSE);
  private readonly svcHist: LogHistogram[];
  private readonly svcErr: Float64Array;
  private readonly svcAttempts: Float64Array;
  private readonly svcRetries: Float64Array;
  private readonly svcBusy: Float64Array; // service work that arrived (offered load)
  private readonly svcServed: Float64Array; // service work done inside the measured period
  private readonly svcProxyCpu: Float64Array;
  private readonly svcCanary: Float64Array;
  private readonly svcEjections: Float64Array;
  private secCalls = 0;
  private secEnc = 0;
  private secAuthz = 0;
  private retriesTotal = 0;
  private readonly win = new LogHistogram();
  private winStart = 0;
  private winErr = 0;
  private winRetries0 = 0;
  private readonly series: SeriesPoint[] = [];

  // ---- fast path (see runFast): plain requests from callers to one leaf service, no proxies
  private readonly fastAllowed: boolean;
  private fastOn = false;
  private readonly fTarget: Int32Array; // per caller: the leaf service it calls, or -1
  private readonly fArrT: Float64Array; // per caller: its pending arrival (time, seq)
  private readonly fArrSeq: Float64Array;
  private readonly fArrHas: Uint8Array;
  private fArrN = 0;
  // Responses in flight, one FIFO lane per worker (+ one for refused connections), merged by a
  // binary heap of lane heads ordered by (time, seq); job records pooled in typed arrays.
  private laneHead = new Int32Array(0);
  private laneTail = new Int32Array(0);
  private lhL = new Int32Array(0);
  private lhT = new Float64Array(0);
  private lhN = 0;
  private jobsN = 0;
  private jCap = 0;
  private jFreeTop = 0;
  private jFree = new Int32Array(0);
  private jT = new Float64Array(0);
  private jSeq = new Float64Array(0);
  private jStart = new Float64Array(0);
  private jNext = new Int32Array(0);
  // kind | counted << 4 | caller << 5 | service << 8 | replica << 13 (see fastArrivals)
  private jMeta = new Int32Array(0);
  // Whether fast-path calls count in rActive / inflight: only while calls from an earlier data
  // plane are still in flight (they may balance by least request or check a circuit breaker).
  private fCount = false;
  // PRNG draws computed ahead, each as its uniform and the uniform's log (see
  // refillDraws); the state of record is dS advanced by dI draws while any are buffered.
  // A double passed to a method that V8 does not inline is boxed (one allocation per call), so the
  // hot handlers pass times and latencies here instead (see arriveAtService, addLatency).
  private readonly argT = new Float64Array(1);
  private readonly argQ = new Float64Array(2); // a window's p50 and p99 (rollWindows)
  private readonly dU = new Float64Array(DRAW_BLOCK);
  private readonly dL = new Float64Array(DRAW_BLOCK);
  private readonly dS = new Int32Array(4);
  private dI = 0;
  private dN = 0;

  // ---- lean sidecar handlers (leanStartCall, leanHop, leanResponse), declared last so the
  // fields above keep their places in the object.
  // Per destination node: 1 when calls to it take the lean handlers: sidecar data plane with
  // pooled connections and a route policy that starts no timer, draws nothing and checks
  // nothing before the replica is picked (see rebuild).
  private readonly leanDst: Uint8Array;
  // Whether the lean call handlers may run (SimOptions.fastPath; false = general handlers only).
  private readonly leanAllowed: boolean;

  /** Builds a simulation from a validated config. */
  constructor(config: SimConfig, options: SimOptions) {
    this.config = config;
    this.maxEvents = options.maxEvents ?? Infinity;
    const seeded = seedRng(options.seed);
    this.rs[0] = seeded.a;
    this.rs[1] = seeded.b;
    this.rs[2] = seeded.c;
    this.rs[3] = seeded.d;
    const C = config.callers.length;
    const S = config.services.length;
    const N = C + S;
    this.nNodes = N;
    this.nCallers = C;
    this.names = [...config.callers.map((c) => c.name), ...config.services.map((s) => s.name)];
    const idx = new Map(this.names.map((n, i) => [n, i]));

    // Call graph, flattened.
    const stagesOf = (i: number) =>
      i < C ? config.callers[i]!.calls : config.services[i - C]!.calls;
    let nStages = 0;
    let nTargets = 0;
    for (let i = 0; i < N; i++)
      for (const st of stagesOf(i)) {
        nStages++;
        nTargets += st.length;
      }
    this.nodeStageStart = new Int32Array(N);
    this.nodeStageCount = new Int32Array(N);
    this.stageStart = new Int32Array(nStages);
    this.stageLen = new Int32Array(nStages);
    this.stageTargets = new Int32Array(nTargets);
    let si = 0;
    let ti = 0;
    for (let i = 0; i < N; i++) {
      this.nodeStageStart[i] = si;
      for (const st of stagesOf(i)) {
        this.stageStart[si] = ti;
        this.stageLen[si] = st.length;
        for (const t of st) this.stageTargets[ti++] = idx.get(t)!;
        si++;
      }
      this.nodeStageCount[i] = si - this.nodeStageStart[i]!;
    }

    // Replica slots: callers get 1; services get REPLICA_SLOTS v1 slots + their canary replicas.
    this.nodeRepBase = new Int32Array(N);
    this.nodeRepActive = new Int32Array(N);
    this.nodeCanaryBase = new Int32Array(N);
    this.nodeCanaryCount = new Int32Array(N);
    this.nodeWorkers = new Int32Array(N);
    this.nodeMeshed = new Uint8Array(N);
    this.nodeEjected = new Int32Array(N);
    this.leanDst = new Uint8Array(N);
    this.callerGap = new Float64Array(N);
    let r = 0;
    let w = 0;
    for (let i = 0; i < N; i++) {
      this.nodeRepBase[i] = r;
      if (i < C) {
        this.nodeRepActive[i] = 1;
        this.nodeWorkers[i] = 1;
        this.nodeCanaryBase[i] = r + 1;
        r += 1;
        w += 1;
      } else {
        const s = config.services[i - C]!;
        this.nodeWorkers[i] = s.workers;
        this.nodeCanaryBase[i] = r + REPLICA_SLOTS;
        this.nodeCanaryCount[i] = s.canary ? s.canary.replicas : 0;
        const slots = REPLICA_SLOTS + this.nodeCanaryCount[i]!;
        r += slots;
        w += slots * s.workers;
      }
    }
    this.nRep = r;
    this.rNode = new Int32Array(r);
    this.rWBase = new Int32Array(r);
    this.rActive = new Int32Array(r);
    this.rConsec = new Int32Array(r);
    this.rEjected = new Uint8Array(r);
    this.rEjCount = new Int32Array(r);
    this.rEjUntil = new Float64Array(r);
    this.rCluster = new Int32Array(r);
    this.rIsCanary = new Uint8Array(r);
    this.rDist = new Uint8Array(r);
    this.rMean = new Float64Array(r);
    this.rMu = new Float64Array(r);
    this.rSigma = new Float64Array(r);
    this.rFailP = new Float64Array(r);
    this.rFailKind = new Uint8Array(r);
    this.wFree = new Float64Array(w);
    w = 0;
    for (let i = 0; i < N; i++) {
      const base = this.nodeRepBase[i]!;
      const slots = i < C ? 1 : REPLICA_SLOTS + this.nodeCanaryCount[i]!;
      for (let k = 0; k < slots; k++) {
        this.rNode[base + k] = i;
        this.rWBase[base + k] = w;
        this.rIsCanary[base + k] = i >= C && k >= REPLICA_SLOTS ? 1 : 0;
        w += this.nodeWorkers[i]!;
      }
    }

    // Proxies.
    const K = config.clusterNodes;
    this.pZt = r;
    this.pWp = r + K;
    this.pNe = r + K + N;
    this.pWorkers = config.dataPlane.proxyWorkers;
    this.pFree = new Float64Array((r + K + N + K) * this.pWorkers);

    this.sec = new Uint8Array(N * N);
    this.inflight = new Int32Array(r * N);
    this.activeRetries = new Int32Array(r * N);
    this.budReq = new Float64Array(N * N * 60);
    this.budRet = new Float64Array(N * N * 60);
    this.budStamp = new Float64Array(N * N * 60).fill(-1);

    this.svcHist = this.names.map(() => new LogHistogram());
    this.svcErr = new Float64Array(N * NCAUSE);
    this.svcAttempts = new Float64Array(N);
    this.svcRetries = new Float64Array(N);
    this.svcBusy = new Float64Array(N);
    this.svcServed = new Float64Array(N);
    this.svcProxyCpu = new Float64Array(N);
    this.svcCanary = new Float64Array(N);
    this.svcEjections = new Float64Array(N);

    this.growAttempts(256);
    this.growCalls(256);

    const requests = options.requests ?? config.requests;
    this.arrivalsLeft = requests;
    let totalRate = 0;
    for (const c of config.callers) totalRate += c.rps;
    this.measureFrom = Number.isFinite(requests)
      ? ((config.warmupFraction * requests) / totalRate) * 1000
      : 0;

    this.leanAllowed = options.fastPath ?? true;
    this.rebuild();
    for (let c = 0; c < C; c++) this.push(this.expSample(this.callerGap[c]!), EV_ARRIVAL, c, 0);

    // Fast path: callers that make exactly one call, to a service that calls nothing further.
    this.fTarget = new Int32Array(C).fill(-1);
    let plain = options.fastPath ?? true;
    for (let c = 0; c < C; c++) {
      const st = this.nodeStageStart[c]!;
      if (this.nodeStageCount[c] !== 1 || this.stageLen[st] !== 1) plain = false;
      else {
        const dst = this.stageTargets[this.stageStart[st]!]!;
        if (this.nodeStageCount[dst] !== 0) plain = false;
        this.fTarget[c] = dst;
      }
    }
    this.fastAllowed = plain;
    this.fArrT = new Float64Array(C);
    this.fArrSeq = new Float64Array(C);
    this.fArrHas = new Uint8Array(C);
    this.syncFast();
  }

  // ================================================================ public API

  /** Runs events up to and including simulated time `tMs`; the clock ends at `tMs`. */
  runUntil(tMs: number): void {
    this.drive(tMs);
    if (tMs > this.now && Number.isFinite(tMs)) this.now = tMs;
  }

  /** Runs until every arrival is generated and every request has finished (batch mode). */
  runToCompletion(): void {
    this.drive(Infinity);
  }

  /** Whether the fast path is running the current config (see runFast). */
  get fastPathActive(): boolean {
    return this.fastOn;
  }

  /** Processes events due at or before `tMs`, on the fast path while the config allows it. */
  private drive(tMs: number): void {
    for (;;) {
      if (this.fastOn) {
        if (!this.runFast(tMs)) return;
        continue; // an intent switched the fast path off
      }
      this.runGeneral(tMs);
      if (!this.fastOn) return;
    }
  }

  /**
   * The general event loop: takes the earliest event off the queue while it is due by tMs (as
   * next(), written out), until the queue is empty or an intent makes the fast path possible.
   */
  private runGeneral(tMs: number): void {
    const limit = this.maxEvents;
    for (;;) {
      const n = this.hSize - 1;
      if (n < 0) return;
      let slot: number;
      if (!this.hHeap) {
        // The earliest is last; its slot id stays at position n, i.e. on the free list.
        const t = this.hT[n]!;
        if (!(t <= tMs)) return;
        if (this.events >= limit) throw new SimBudgetError(limit);
        this.hSize = n;
        slot = this.hI[n]!;
        this.now = t;
      } else {
        const t = this.hT[0]!;
        if (!(t <= tMs)) return;
        if (this.events >= limit) throw new SimBudgetError(limit);
        this.hSize = n;
        slot = this.hI[0]!;
        this.now = t;
        this.heapRemoveRoot(n, slot);
      }
      // Read the slot before any handler pushes (a push may reuse it). The lean handlers are
      // called from here (dispatch() would choose the same ones; one call less per event).
      const ka = this.vA[slot]!;
      const kind = ka & 7;
      const a = ka >> 3;
      if (kind === EV_HOP && this.leanDst[this.aNode[a]!] === 1) {
        this.events++;
        if (this.aGen[a] === this.vB[slot]) this.leanHop(a);
      } else if (
        kind === EV_RESPONSE &&
        this.aResKind[a] === K_OK &&
        this.leanDst[this.aNode[a]!] === 1
      ) {
        this.events++;
        this.leanResponse(a);
      } else if (kind === EV_SERVICE_DONE && this.rFailP[this.aRep[a]!] === 0) {
        this.events++;
        this.startStage(a, 0); // onServiceDone for a replica that never fails
      } else this.dispatch(kind, a, this.vB[slot]!);
      if (this.fastOn) return; // an intent made the fast path possible
    }
  }

  /** Starts a new current window: `summarize('window')` covers what happens from now on. */
  markWindow(): void {
    const N = this.nNodes;
    const busy = new Float64Array(N);
    for (let i = 0; i < N; i++) busy[i] = this.busyUntilNow(i);
    this.mark = {
      t: this.now,
      e2e: this.e2e.clone(),
      e2eErr: this.e2eErr.slice(),
      svcHist: this.svcHist.map((h) => h.clone()),
      svcErr: this.svcErr.slice(),
      svcAttempts: this.svcAttempts.slice(),
      svcRetries: this.svcRetries.slice(),
      svcBusy: busy,
      svcWork: this.svcBusy.slice(),
      svcProxyCpu: this.svcProxyCpu.slice(),
      svcCanary: this.svcCanary.slice(),
      svcEjections: this.svcEjections.slice(),
      secCalls: this.secCalls,
      secEnc: this.secEnc,
      secAuthz: this.secAuthz,
    };
  }

  /** Service work of node i done by now: assigned work minus the part scheduled after now. */
  private busyUntilNow(i: number): number {
    if (i < this.nCallers) return 0;
    const workers = this.nodeWorkers[i]!;
    const slots = REPLICA_SLOTS + this.nodeCanaryCount[i]!;
    const base = this.nodeRepBase[i]!;
    let ahead = 0;
    for (let k = 0; k < slots; k++) {
      const wb = this.rWBase[base + k]!;
      for (let w = 0; w < workers; w++) {
        const f = this.wFree[wb + w]!;
        if (f > this.now) ahead += f - this.now;
      }
    }
    return this.svcServed[i]! - ahead;
  }

  /** Adds an intent to the control-plane queue. */
  enqueueIntent(intent: Intent): void {
    this.pendingIntents.push(intent);
  }

  /**
   * One control-loop step: takes the next intent (if any), validates it, schedules it to apply
   * after debounce + convergence and records a decision; then advances `stepIntervalMs` of
   * simulated time. Returns the decision, or null when the queue was empty.
   */
  step(): Decision | null {
    this.markWindow();
    const decision = this.takeIntent();
    this.steps++;
    this.runUntil(this.now + this.config.stepIntervalMs);
    return decision;
  }

  /** Takes the next intent without advancing time; null when the queue is empty. */
  takeIntent(): Decision | null {
    const intent = this.pendingIntents.shift();
    if (!intent) return null;
    const index = this.decisions.length + 1;
    const error = validateIntent(this.config, intent);
    if (error) {
      const d: Decision = {
        index,
        atMs: this.now,
        intent,
        status: 'rejected',
        applyAtMs: null,
        what: 'Rejected: nothing changed',
        predicted: 'No effect; the simulation keeps running with the current config.',
        why: error,
      };
      this.decisions.push(d);
      return d;
    }
    const text = explainIntent(this.config, intent);
    const delay = DEBOUNCE_MS + convergenceMs(this.proxyCount());
    const d: Decision = {
      index,
      atMs: this.now,
      intent,
      status: 'scheduled',
      applyAtMs: this.now + delay,
      ...text,
    };
    this.decisions.push(d);
    this.push(this.now + delay, EV_APPLY, index - 1, 0);
    return d;
  }

  /** Proxy instances in the current data-plane mode. */
  proxyCount(): number {
    const dp = this.config.dataPlane;
    if (dp.mode === 'sidecar') {
      let n = 0;
      for (let i = 0; i < this.nNodes; i++)
        if (this.nodeMeshed[i]) n += this.nodeRepActive[i]! + this.nodeCanaryCount[i]!;
      return n;
    }
    if (dp.mode === 'ambient')
      return this.config.clusterNodes + (dp.l7 ? this.config.services.length : 0);
    if (dp.mode === 'ebpf') return dp.l7 ? this.config.clusterNodes : 0;
    return 0;
  }

  // ================================================================ fast path

  /** Whether the current config can run on the fast path. */
  private fastEligible(): boolean {
    return this.fastAllowed && this.config.dataPlane.mode === 'none';
  }

  /** Switches the fast path on or off after the config changed (construction, an intent). */
  private syncFast(): void {
    const want = this.fastEligible();
    if (want && !this.fastOn) this.enterFast();
    else if (!want && this.fastOn) this.leaveFast();
  }

  /** Takes the callers' pending arrivals off the general queue; the fast path owns them now. */
  private enterFast(): void {
    const n = this.hSize;
    let kept = 0;
    const freed: number[] = [];
    for (let i = 0; i < n; i++) {
      const slot = this.hI[i]!;
      const ka = this.vA[slot]!;
      if ((ka & 7) === EV_ARRIVAL && this.fArrHas[ka >> 3] === 0) {
        const c = ka >> 3;
        this.fArrT[c] = this.hT[i]!;
        this.fArrSeq[c] = this.vS[slot]!;
        this.fArrHas[c] = 1;
        this.fArrN++;
        freed.push(slot);
      } else {
        this.hT[kept] = this.hT[i]!;
        this.hI[kept] = slot;
        kept++;
      }
    }
    for (let k = 0; k < freed.length; k++) this.hI[kept + k] = freed[k]!;
    this.hSize = kept;
    this.relayoutQueue();
    this.fCount = this.generalCallsPending();
    if (this.jCap === 0) {
      const lanes = this.wFree.length + 1;
      this.laneHead = new Int32Array(lanes).fill(-1);
      this.laneTail = new Int32Array(lanes).fill(-1);
      this.lhL = new Int32Array(lanes);
      this.lhT = new Float64Array(lanes);
      this.growJobs(1024);
    }
    this.fastOn = true;
  }

  /**
   * Hands the fast path's pending work back to the general event loop (an intent made the config
   * need it): arrivals become arrival events and responses in flight become attempt and call
   * records with their response events, each keeping its time and sequence number.
   */
  private leaveFast(): void {
    const C = this.nCallers;
    const N = this.nNodes;
    for (let c = 0; c < C; c++)
      if (this.fArrHas[c] === 1) {
        this.appendEvent(this.fArrT[c]!, this.fArrSeq[c]!, EV_ARRIVAL, c);
        this.fArrHas[c] = 0;
      }
    this.fArrN = 0;
    for (let q = 0; q < this.lhN; q++) {
      const lane = this.lhL[q]!;
      for (let j = this.laneHead[lane]!; j >= 0; j = this.jNext[j]!) {
        const meta = this.jMeta[j]!;
        const kind = meta & 15;
        const caller = (meta >> 5) & 7;
        const dst = (meta >> 8) & 31;
        const rep = meta >> 13;
        const start = this.jStart[j]!;
        const srcRep = this.nodeRepBase[caller]!;
        const root = this.allocAttempt();
        this.aNode[root] = caller;
        this.aRep[root] = srcRep;
        this.aCall[root] = -1;
        this.aChildCause[root] = 0;
        this.aStartT[root] = start;
        this.aStage[root] = 0;
        this.aPending[root] = 1;
        const c = this.allocCall();
        this.cParent[c] = root;
        this.cDst[c] = dst;
        this.cSrcRep[c] = srcRep;
        this.cTries[c] = 1;
        this.cStartT[c] = start;
        this.cL7[c] = 0;
        this.cFault[c] = 0;
        const a = this.allocAttempt();
        this.aNode[a] = dst;
        this.aRep[a] = rep;
        this.aCall[a] = c;
        this.aCallGen[a] = this.cGen[c]!;
        this.aSrcRep[a] = srcRep;
        this.aChildCause[a] = 0;
        this.aIsRetry[a] = 0;
        this.aL7[a] = 0;
        this.aCounted[a] = 1;
        this.aStep[a] = 0;
        this.aTpl[a] = 0;
        this.aReject[a] = this.sec[caller * N + dst]! >> 2;
        this.aResKind[a] = kind;
        this.aResCause[a] = kind === K_OK ? C_OK : C_UPSTREAM;
        this.cCur[c] = a;
        if ((meta & 16) === 0) {
          this.inflight[srcRep * N + dst]!++;
          this.rActive[rep]!++;
        }
        this.appendEvent(this.jT[j]!, this.jSeq[j]!, EV_RESPONSE, a);
        this.jFree[this.jFreeTop++] = j;
      }
      this.laneHead[lane] = -1;
      this.laneTail[lane] = -1;
    }
    this.lhN = 0;
    this.jobsN = 0;
    this.relayoutQueue();
    this.fastOn = false;
  }

  /** Whether the general queue holds events of calls (anything but intents waiting to apply). */
  private generalCallsPending(): boolean {
    for (let i = 0; i < this.hSize; i++) if ((this.vA[this.hI[i]!]! & 7) !== EV_APPLY) return true;
    return false;
  }

  /** Appends an event with a given seq to the queue unordered (relayoutQueue orders it). */
  private appendEvent(t: number, s: number, k: number, a: number): void {
    if (this.hSize === this.hT.length) this.growHeap();
    const slot = this.hI[this.hSize]!;
    this.vS[slot] = s;
    this.vA[slot] = (a << 3) | k;
    this.vB[slot] = 0;
    this.hT[this.hSize] = t;
    this.hSize++;
  }

  /** Re-sorts the pending events by (time, seq): latest-first while few, else as a heap. */
  private relayoutQueue(): void {
    const n = this.hSize;
    const hT = this.hT;
    const hI = this.hI;
    const vS = this.vS;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => hT[x]! - hT[y]! || vS[hI[x]!]! - vS[hI[y]!]!);
    const t = order.map((i) => hT[i]!);
    const slots = order.map((i) => hI[i]!);
    this.hHeap = n > SORTED_MAX;
    for (let i = 0; i < n; i++) {
      const k = this.hHeap ? i : n - 1 - i; // ascending order is a valid min-heap
      hT[k] = t[i]!;
      hI[k] = slots[i]!;
    }
  }

  private growJobs(n: number): void {
    const old = this.jCap;
    const g = <T extends PoolArray>(arr: T, ctor: new (n: number) => T): T => grown(arr, ctor, n);
    this.jT = g(this.jT, Float64Array);
    this.jSeq = g(this.jSeq, Float64Array);
    this.jStart = g(this.jStart, Float64Array);
    this.jNext = g(this.jNext, Int32Array);
    this.jMeta = g(this.jMeta, Int32Array);
    [this.jFree, this.jFreeTop] = grownFreeList(this.jFree, this.jFreeTop, old, n);
    this.jCap = n;
  }

  /**
   * The fast path, for configs where every caller makes one call to a service that calls nothing
   * further and there are no proxies (data plane `none`, so no L7 policy applies). Then an arrival
   * is solved the moment it happens: the replica is picked, the FIFO worker that frees first serves
   * it ("free at" times: the Kiefer–Wolfowitz recursion) and the outcome is drawn; only its response
   * has to wait. This is the general handlers' exact sample path without their per-request records
   * (calls, attempts, proxy steps, generations): random numbers are drawn in the same order, each
   * event gets the same sequence number and counts toward the budget, metrics are recorded by the
   * same rules in the same order, so results are bit-identical to the general event loop
   * (tests/unit/sim/fast-path.test.ts).
   *
   * Arrivals never read what responses change (and responses draw no random numbers), so arrivals
   * run in tight batches and the responses due before the next arrival follow, in (time, seq)
   * order: each worker's responses leave in the order it served them, so they wait in one FIFO
   * lane per worker (plus one for refused connections), merged by a small heap of lane heads.
   * A batch is sized so that neither the event budget nor the pending-event limit can be reached
   * inside it; near either, events run one at a time, so both stop the run at the same event as
   * the general loop. Events on the general queue (intents applying, calls from before a
   * data-plane switch) run in their turn through next(). Runs events up to `tMs`; returns true
   * when an intent switched the fast path off (the general loop takes over), false when done.
   */
  private runFast(tMs: number): boolean {
    const limit = this.maxEvents;
    for (;;) {
      const hasG = this.hSize > 0;
      let gT = Infinity;
      let gSeq = Infinity;
      if (hasG) {
        const pos = this.hHeap ? 0 : this.hSize - 1;
        gT = this.hT[pos]!;
        gSeq = this.vS[this.hI[pos]!]!;
      }
      // Stop before P: the general queue's head, or the first event after tMs.
      const dueG = hasG && gT <= tMs;
      const pT = dueG ? gT : tMs;
      const pS = dueG ? gSeq : Infinity;
      const plain = this.plainArrivals();
      for (;;) {
        const room = Math.min(
          FAST_BATCH,
          Math.floor((limit - this.events - this.jobsN) / 2),
          MAX_PENDING_EVENTS - 1 - (this.hSize + this.fArrN + this.jobsN),
        );
        if (room >= 1) {
          const na = plain ? this.fastArrivalsPlain(pT, pS, room) : this.fastArrivals(pT, pS, room);
          const nr = this.fastResponses(pT, pS, Infinity);
          if (na === 0 && nr === 0) break;
          continue;
        }
        // Near a limit: the earliest event alone, with the general loop's checks.
        const nc = this.nextFastCaller();
        const arrT = nc >= 0 ? this.fArrT[nc]! : Infinity;
        const arrS = nc >= 0 ? this.fArrSeq[nc]! : Infinity;
        let respT = Infinity;
        let respS = Infinity;
        if (this.lhN > 0) {
          respT = this.lhT[0]!;
          respS = this.jSeq[this.laneHead[this.lhL[0]!]!]!;
        }
        const arrivalFirst = arrT < respT || (arrT === respT && arrS < respS);
        const t = arrivalFirst ? arrT : respT;
        const s = arrivalFirst ? arrS : respS;
        if (nc < 0 && this.lhN === 0) break;
        if (!(t < pT || (t === pT && s < pS))) break;
        if (this.events >= limit) throw new SimBudgetError(limit);
        if (arrivalFirst) this.fastArrivals(pT, pS, 1);
        else this.fastResponses(pT, pS, 1);
      }
      if (!dueG) return false;
      if (this.events >= limit) throw new SimBudgetError(limit);
      this.next();
      if (!this.fastOn) return true;
      // Once the last earlier call is done, none can appear again (only intents remain queued).
      if (this.fCount && this.hSize <= 8 && !this.generalCallsPending()) this.fCount = false;
    }
  }

  /** The caller whose pending arrival comes first by (time, seq), or -1. */
  private nextFastCaller(): number {
    let nc = -1;
    let bt = Infinity;
    let bs = Infinity;
    for (let c = 0; c < this.nCallers; c++) {
      if (this.fArrHas[c] !== 1) continue;
      const t = this.fArrT[c]!;
      const s = this.fArrSeq[c]!;
      if (t < bt || (t === bt && s < bs)) {
        nc = c;
        bt = t;
        bs = s;
      }
    }
    return nc;
  }

  /**
   * Processes up to `max` arrivals due before (pT, pS), in order: onArrival, startCall,
   * startAttempt, pickReplica (no L7) and arriveAtService of the general path, inlined, reading
   * PRNG draws (and their logs) from the precomputed block. Each response joins its worker's lane.
   * Returns the arrivals processed.
   */
  private fastArrivals(pT: number, pS: number, max: number): number {
    const N = this.nNodes;
    const C = this.nCallers;
    const measureFrom = this.measureFrom;
    const netMs = this.netMs;
    const extra = this.handshakeMs;
    const callerGap = this.callerGap;
    const fTarget = this.fTarget;
    const fArrT = this.fArrT;
    const fArrSeq = this.fArrSeq;
    const fArrHas = this.fArrHas;
    const nodeRepBase = this.nodeRepBase;
    const nodeRepActive = this.nodeRepActive;
    const nodeCanaryBase = this.nodeCanaryBase;
    const nodeCanaryCount = this.nodeCanaryCount;
    const nodeWorkers = this.nodeWorkers;
    const rIsCanary = this.rIsCanary;
    const rFailP = this.rFailP;
    const rFailKind = this.rFailKind;
    const rDist = this.rDist;
    const rMean = this.rMean;
    const rMu = this.rMu;
    const rSigma = this.rSigma;
    const rWBase = this.rWBase;
    const wFree = this.wFree;
    const sec = this.sec;
    const svcAttempts = this.svcAttempts;
    const svcCanary = this.svcCanary;
    const svcBusy = this.svcBusy;
    const svcServed = this.svcServed;
    const rActive = this.rActive;
    const inflight = this.inflight;
    const laneHead = this.laneHead;
    const laneTail = this.laneTail;
    const lhL = this.lhL;
    const lhT = this.lhT;
    const refusedLane = this.wFree.length;
    const gOther = this.hSize;
    const dU = this.dU;
    const dL = this.dL;
    let di = this.dI;
    let dn = this.dN;
    let jT = this.jT;
    let jSeq = this.jSeq;
    let jStart = this.jStart;
    let jNext = this.jNext;
    let jMeta = this.jMeta;
    const counted = this.fCount ? 16 : 0;
    let jobsN = this.jobsN;
    let fArrN = this.fArrN;
    let seq = this.seq;
    let arrivalsLeft = this.arrivalsLeft;
    let secCalls = this.secCalls;
    let secEnc = this.secEnc;
    let secAuthz = this.secAuthz;
    let events = this.events;
    let now = this.now;
    let inFlight = this.inFlight;
    let lastArrivalT = this.lastArrivalT;
    let jFreeTop = this.jFreeTop;
    let jFree = this.jFree;
    let done = 0;
    let failure: SimBudgetError | null = null;
    // The destination's counters (attempts, canary calls, offered and served work) and the
    // caller → destination security bits, in locals while the arrivals are for one caller and
    // destination (always, with one caller); written back when either changes and at the end,
    // so every counter gets the same additions in the same order.
    let aC = -1;
    let aDst = -1;
    let aSec = 0;
    let aAttempts = 0;
    let aCanary = 0;
    let aBusy = 0;
    let aServed = 0;
    let nc = this.nextFastCaller();
    while (done < max && nc >= 0) {
      const c = nc;
      const t = fArrT[c]!;
      if (!(t < pT || (t === pT && fArrSeq[c]! < pS))) break;
      done++;
      events++;
      now = t; // arrivals run in order, after every event before them
      if (arrivalsLeft <= 0) {
        fArrHas[c] = 0; // the run has all its requests: this arrival is a no-op event
        fArrN--;
      } else {
        arrivalsLeft--;
        if (lastArrivalT === 0 && this.firstArrivalT < 0) this.firstArrivalT = t;
        lastArrivalT = t;
        if (arrivalsLeft > 0) {
          // The caller's next arrival replaces this one (pending count before the push: - 1).
          if (gOther + fArrN - 1 + jobsN >= MAX_PENDING_EVENTS) {
            failure = this.pendingError(events);
            break;
          }
          // Draws in the general path's order: the next gap, replica, refusal, service, failure.
          if (di === dn) {
            this.refillDraws();
            di = 0;
            dn = DRAW_BLOCK;
          }
          fArrT[c] = t + -dL[di++]! * callerGap[c]!;
          fArrSeq[c] = seq++;
        } else {
          fArrHas[c] = 0;
          fArrN--;
        }
        inFlight++;
        const dst = fTarget[c]!;
        if (dst !== aDst || c !== aC) {
          if (aDst >= 0) {
            svcAttempts[aDst] = aAttempts;
            svcCanary[aDst] = aCanary;
            svcBusy[aDst] = aBusy;
            svcServed[aDst] = aServed;
          }
          aC = c;
          aDst = dst;
          aSec = sec[c * N + dst]!;
          aAttempts = svcAttempts[dst]!;
          aCanary = svcCanary[dst]!;
          aBusy = svcBusy[dst]!;
          aServed = svcServed[dst]!;
        }
        const measured = t >= measureFrom;
        if (measured) aAttempts++;
        // No L7 proxy: the Service spreads calls over every ready pod (pickReplica).
        const n1 = nodeRepActive[dst]!;
        const n12 = n1 + nodeCanaryCount[dst]!;
        let k = 0;
        if (n12 !== 1) {
          if (di === dn) {
            this.refillDraws();
            di = 0;
            dn = DRAW_BLOCK;
          }
          k = (dU[di++]! * n12) | 0;
        }
        const rep = k < n1 ? nodeRepBase[dst]! + k : nodeCanaryBase[dst]! + (k - n1);
        // In-flight counts, as startAttempt keeps them, while a call left over from an L7 data
        // plane (a retry, say) may balance by least request or check its circuit breaker.
        if (counted !== 0) {
          rActive[rep]!++;
          inflight[nodeRepBase[c]! * N + dst]!++;
        }
        if (measured) {
          if (rIsCanary[rep] === 1) aCanary++;
          secCalls++;
          secEnc += aSec & 1;
          secAuthz += (aSec >> 1) & 1;
        }
        const tArr = t + extra + netMs;
        const failP = rFailP[rep]!;
        const failKind = rFailKind[rep]!;
        let kind = K_OK;
        let respT: number;
        let lane: number;
        let refused = false;
        if (failP > 0 && failKind === K_CONNECT) {
          if (di === dn) {
            this.refillDraws();
            di = 0;
            dn = DRAW_BLOCK;
          }
          refused = dU[di++]! < failP;
        }
        if (refused) {
          kind = K_CONNECT;
          respT = tArr + netMs;
          lane = refusedLane;
        } else {
          const best = firstFree(wFree, rWBase[rep]!, nodeWorkers[dst]!);
          const bestT = wFree[best]!;
          // serviceSample(rep)
          const dist = rDist[rep]!;
          let sv: number;
          if (dist === 1) sv = rMean[rep]!;
          else {
            if (di === dn) {
              this.refillDraws();
              di = 0;
              dn = DRAW_BLOCK;
            }
            const log1 = dL[di++]!;
            if (dist === 0) sv = -log1 * rMean[rep]!;
            else {
              // Lognormal via Box–Muller, as serviceSample.
              if (di === dn) {
                this.refillDraws();
                di = 0;
                dn = DRAW_BLOCK;
              }
              const u2 = dU[di++]!;
              const z = Math.sqrt(-2 * log1) * Math.cos(2 * Math.PI * u2);
              sv = Math.exp(rMu[rep]! + rSigma[rep]! * z);
            }
          }
          const start = bestT > tArr ? bestT : tArr;
          const fin = start + sv;
          wFree[best] = fin;
          if (measured) aBusy += sv;
          if (fin > measureFrom) aServed += start >= measureFrom ? sv : fin - measureFrom;
          if (failP > 0 && failKind !== K_CONNECT) {
            if (di === dn) {
              this.refillDraws();
              di = 0;
              dn = DRAW_BLOCK;
            }
            if (dU[di++]! < failP) kind = failKind;
          }
          respT = fin + netMs;
          lane = best;
        }
        if (gOther + fArrN + jobsN >= MAX_PENDING_EVENTS) {
          failure = this.pendingError(events);
          break;
        }
        if (jFreeTop === 0) {
          this.jFreeTop = 0;
          this.growJobs(this.jCap * 2);
          jFree = this.jFree;
          jFreeTop = this.jFreeTop;
          jT = this.jT;
          jSeq = this.jSeq;
          jStart = this.jStart;
          jNext = this.jNext;
          jMeta = this.jMeta;
        }
        const j = jFree[--jFreeTop]!;
        jobsN++;
        jT[j] = respT;
        jSeq[j] = seq++;
        jStart[j] = t;
        jNext[j] = -1;
        jMeta[j] = kind | counted | (c << 5) | (dst << 8) | (rep << 13);
        const tail = laneTail[lane]!;
        if (tail < 0) {
          laneHead[lane] = j;
          laneTail[lane] = j;
          // laneHeapInsert, written out (a call would box respT): the new head's seq is the
          // largest, so it goes after equal times.
          let i = this.lhN++;
          while (i > 0) {
            const p = (i - 1) >> 1;
            const pt = lhT[p]!;
            if (pt <= respT) break;
            lhT[i] = pt;
            lhL[i] = lhL[p]!;
            i = p;
          }
          lhT[i] = respT;
          lhL[i] = lane;
        } else if (jT[tail]! <= respT) {
          jNext[tail] = j;
          laneTail[lane] = j;
        } else this.laneInsertSorted(lane, j);
      }
      if (C > 1) nc = this.nextFastCaller();
      else if (fArrHas[0] === 0) nc = -1;
    }
    if (aDst >= 0) {
      svcAttempts[aDst] = aAttempts;
      svcCanary[aDst] = aCanary;
      svcBusy[aDst] = aBusy;
      svcServed[aDst] = aServed;
    }
    this.dI = di;
    this.events = events;
    this.now = now;
    this.inFlight = inFlight;
    this.lastArrivalT = lastArrivalT;
    this.jFreeTop = jFreeTop;
    this.jobsN = jobsN;
    this.fArrN = fArrN;
    this.seq = seq;
    this.arrivalsLeft = arrivalsLeft;
    this.secCalls = secCalls;
    this.secEnc = secEnc;
    this.secAuthz = secAuthz;
    if (failure) throw failure;
    return done;
  }

  /**
   * Whether fastArrivalsPlain can take the arrivals: one caller, no in-flight counting, and its
   * destination's pods are v1 replicas with exponential service that never fail (M/M/c, the
   * common plain queue). Checked before every batch (an intent may have changed any of it).
   */
  private plainArrivals(): boolean {
    if (this.nCallers !== 1 || this.fCount) return false;
    const dst = this.fTarget[0]!;
    if (this.nodeCanaryCount[dst] !== 0) return false;
    const base = this.nodeRepBase[dst]!;
    for (let r = base; r < base + this.nodeRepActive[dst]!; r++)
      if (this.rFailP[r] !== 0 || this.rDist[r] !== 0) return false;
    return true;
  }

  /**
   * fastArrivals for the case plainArrivals() admits, with the branches that case never takes
   * left out (other callers, canary pods, in-flight counting, refusals and failures, other
   * service-time distributions) and the caller's pending arrival in locals: the same
   * operations in the same order, so the same numbers bit for bit; fewer live values, so V8
   * keeps the loop's state in registers (the general loop spills most of it to the stack).
   */
  private fastArrivalsPlain(pT: number, pS: number, max: number): number {
    const measureFrom = this.measureFrom;
    const extra = this.handshakeMs;
    const netMs = this.netMs;
    const gap = this.callerGap[0]!;
    const dst = this.fTarget[0]!;
    const fArrT = this.fArrT;
    const fArrSeq = this.fArrSeq;
    const fArrHas = this.fArrHas;
    if (fArrHas[0] !== 1) return 0;
    const n1 = this.nodeRepActive[dst]!;
    const repBase = this.nodeRepBase[dst]!;
    const workers = this.nodeWorkers[dst]!;
    const rMean = this.rMean;
    const rWBase = this.rWBase;
    const wFree = this.wFree;
    const aSec = this.sec[dst]!; // caller 0: sec[0 * N + dst]
    const laneHead = this.laneHead;
    const laneTail = this.laneTail;
    const lhL = this.lhL;
    const lhT = this.lhT;
    const gOther = this.hSize;
    const dU = this.dU;
    const dL = this.dL;
    let di = this.dI;
    let dn = this.dN;
    let jT = this.jT;
    let jSeq = this.jSeq;
    let jStart = this.jStart;
    let jNext = this.jNext;
    let jMeta = this.jMeta;
    let jobsN = this.jobsN;
    let fArrN = this.fArrN;
    let seq = this.seq;
    let arrivalsLeft = this.arrivalsLeft;
    let secCalls = this.secCalls;
    let secEnc = this.secEnc;
    let secAuthz = this.secAuthz;
    let events = this.events;
    let now = this.now;
    let inFlight = this.inFlight;
    let lastArrivalT = this.lastArrivalT;
    let jFreeTop = this.jFreeTop;
    let jFree = this.jFree;
    let aAttempts = this.svcAttempts[dst]!;
    let aBusy = this.svcBusy[dst]!;
    let aServed = this.svcServed[dst]!;
    let t = fArrT[0]!;
    let tSeq = fArrSeq[0]!;
    let has = true;
    const meta = K_OK | (dst << 8); // caller 0, not counted; | rep << 13 below
    let done = 0;
    let failure: SimBudgetError | null = null;
    while (done < max && has) {
      if (!(t < pT || (t === pT && tSeq < pS))) break;
      done++;
      events++;
      now = t;
      if (arrivalsLeft <= 0) {
        has = false; // the run has all its requests: this arrival is a no-op event
        fArrN--;
        break;
      }
      arrivalsLeft--;
      if (lastArrivalT === 0 && this.firstArrivalT < 0) this.firstArrivalT = t;
      lastArrivalT = t;
      const tNow = t;
      if (arrivalsLeft > 0) {
        if (gOther + fArrN - 1 + jobsN >= MAX_PENDING_EVENTS) {
          failure = this.pendingError(events);
          break;
        }
        if (di === dn) {
          this.refillDraws();
          di = 0;
          dn = DRAW_BLOCK;
        }
        t = tNow + -dL[di++]! * gap;
        tSeq = seq++;
      } else {
        has = false;
        fArrN--;
      }
      inFlight++;
      const measured = tNow >= measureFrom;
      let k = 0;
      if (n1 !== 1) {
        if (di === dn) {
          this.refillDraws();
          di = 0;
          dn = DRAW_BLOCK;
        }
        k = (dU[di++]! * n1) | 0;
      }
      const rep = repBase + k;
      if (measured) {
        aAttempts++;
        secCalls++;
        secEnc += aSec & 1;
        secAuthz += (aSec >> 1) & 1;
      }
      const tArr = tNow + extra + netMs;
      const best = firstFree(wFree, rWBase[rep]!, workers);
      const bestT = wFree[best]!;
      if (di === dn) {
        this.refillDraws();
        di = 0;
        dn = DRAW_BLOCK;
      }
      const sv = -dL[di++]! * rMean[rep]!;
      const start = bestT > tArr ? bestT : tArr;
      const fin = start + sv;
      wFree[best] = fin;
      if (measured) aBusy += sv;
      if (fin > measureFrom) aServed += start >= measureFrom ? sv : fin - measureFrom;
      const respT = fin + netMs;
      if (gOther + fArrN + jobsN >= MAX_PENDING_EVENTS) {
        failure = this.pendingError(events);
        break;
      }
      if (jFreeTop === 0) {
        this.jFreeTop = 0;
        this.growJobs(this.jCap * 2);
        jFree = this.jFree;
        jFreeTop = this.jFreeTop;
        jT = this.jT;
        jSeq = this.jSeq;
        jStart = this.jStart;
        jNext = this.jNext;
        jMeta = this.jMeta;
      }
      const j = jFree[--jFreeTop]!;
      jobsN++;
      jT[j] = respT;
      jSeq[j] = seq++;
      jStart[j] = tNow;
      jNext[j] = -1;
      jMeta[j] = meta | (rep << 13);
      const lane = best;
      const tail = laneTail[lane]!;
      if (tail < 0) {
        laneHead[lane] = j;
        laneTail[lane] = j;
        // laneHeapInsert, written out (see fastArrivals).
        let i = this.lhN++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          const pt = lhT[p]!;
          if (pt <= respT) break;
          lhT[i] = pt;
          lhL[i] = lhL[p]!;
          i = p;
        }
        lhT[i] = respT;
        lhL[i] = lane;
      } else if (jT[tail]! <= respT) {
        jNext[tail] = j;
        laneTail[lane] = j;
      } else this.laneInsertSorted(lane, j);
    }
    fArrT[0] = t;
    fArrSeq[0] = tSeq;
    fArrHas[0] = has ? 1 : 0;
    this.svcAttempts[dst] = aAttempts;
    this.svcBusy[dst] = aBusy;
    this.svcServed[dst] = aServed;
    this.dI = di;
    this.events = events;
    this.now = now;
    this.inFlight = inFlight;
    this.lastArrivalT = lastArrivalT;
    this.jFreeTop = jFreeTop;
    this.jobsN = jobsN;
    this.fArrN = fArrN;
    this.seq = seq;
    this.arrivalsLeft = arrivalsLeft;
    this.secCalls = secCalls;
    this.secEnc = secEnc;
    this.secAuthz = secAuthz;
    if (failure) throw failure;
    return done;
  }

  /**
   * Computes the next DRAW_BLOCK PRNG draws for the fast path (all buffered ones are used): each
   * uniform and its Math.log, in a tight loop where the log's call is cheap (inside the big
   * handlers it spills every live register). Whatever is left when the general handlers draw
   * again is used first (uniform()), so the draws and values are exactly those of drawing one at
   * a time; settleDraws() winds the state back to the draws used.
   */
  private refillDraws(): void {
    const rs = this.rs;
    this.dS.set(rs);
    let a = rs[0]!;
    let b = rs[1]!;
    let c = rs[2]!;
    let d = rs[3]!;
    const dU = this.dU;
    const dL = this.dL;
    // The module constants in locals: TurboFan hoists no loads out of loops, so a module const
    // read inside one is loaded (and its type checked) on every iteration.
    const n = DRAW_BLOCK;
    const scale = TWO_POW_M32;
    for (let i = 0; i < n; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      dU[i] = ((t >>> 0) + 0.5) * scale;
    }
    for (let i = 0; i < n; i++) dL[i] = Math.log(dU[i]!);
    rs[0] = a;
    rs[1] = b;
    rs[2] = c;
    rs[3] = d;
    this.dI = 0;
    this.dN = DRAW_BLOCK;
  }

  /** Drops the unused buffered draws: the PRNG state becomes the one after the draws used. */
  private settleDraws(): void {
    if (this.dI === this.dN) {
      // All used (uniform() may have drawn from the state since): the state is the one of record.
      this.dI = 0;
      this.dN = 0;
      return;
    }
    const rs = this.rs;
    const dS = this.dS;
    let a = dS[0]!;
    let b = dS[1]!;
    let c = dS[2]!;
    let d = dS[3]!;
    for (let i = 0; i < this.dI; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
    }
    rs[0] = a;
    rs[1] = b;
    rs[2] = c;
    rs[3] = d;
    this.dI = 0;
    this.dN = 0;
  }

  /**
   * Puts job j into its lane by (time, seq) when it is due before the lane's last response (never
   * for a FIFO worker with a constant network delay; kept so the lanes stay exact regardless).
   */
  private laneInsertSorted(lane: number, j: number): void {
    const t = this.jT[j]!;
    let prev = -1;
    let cur = this.laneHead[lane]!;
    while (cur >= 0 && this.jT[cur]! <= t) {
      prev = cur;
      cur = this.jNext[cur]!;
    }
    this.jNext[j] = cur;
    if (cur < 0) this.laneTail[lane] = j;
    if (prev >= 0) {
      this.jNext[prev] = j;
      return;
    }
    // A new head: its lane's key fell; rebuild the (small) heap of lane heads.
    this.laneHead[lane] = j;
    const lanes: number[] = [];
    for (let q = 0; q < this.lhN; q++) lanes.push(this.lhL[q]!);
    this.lhN = 0;
    for (const l of lanes) this.laneHeapInsertKeyed(l);
  }

  /** Heap insert by the full (time, seq) key of the lane's head (used when rebuilding). */
  private laneHeapInsertKeyed(lane: number): void {
    const lhL = this.lhL;
    const lhT = this.lhT;
    const h = this.laneHead[lane]!;
    const t = this.jT[h]!;
    const s = this.jSeq[h]!;
    let i = this.lhN++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = lhT[p]!;
      if (pt < t || (pt === t && this.jSeq[this.laneHead[lhL[p]!]!]! < s)) break;
      lhT[i] = pt;
      lhL[i] = lhL[p]!;
      i = p;
    }
    lhT[i] = t;
    lhL[i] = lane;
  }

  /**
   * Processes up to `max` responses due before (pT, pS) and before the next arrival, in
   * (time, seq) order: finishCall and recordRoot of the general path, one bucket computation
   * for the three histograms. Returns the responses processed.
   */
  private fastResponses(pT0: number, pS0: number, max: number): number {
    // Responses due before the next arrival; the arrival itself runs in the next batch.
    let pT = pT0;
    let pS = pS0;
    const nc = this.nextFastCaller();
    if (nc >= 0) {
      const at = this.fArrT[nc]!;
      const as = this.fArrSeq[nc]!;
      if (at < pT || (at === pT && as < pS)) {
        pT = at;
        pS = as;
      }
    }
    const measureFrom = this.measureFrom;
    const windowMs = this.config.windowMs;
    const svcHist = this.svcHist;
    const svcErr = this.svcErr;
    const e2e = this.e2e;
    const e2eErr = this.e2eErr;
    const win = this.win;
    const lhL = this.lhL;
    const lhT = this.lhT;
    const laneHead = this.laneHead;
    const laneTail = this.laneTail;
    const jT = this.jT;
    const jSeq = this.jSeq;
    const jStart = this.jStart;
    const jNext = this.jNext;
    const jMeta = this.jMeta;
    const rActive = this.rActive;
    const inflight = this.inflight;
    const nodeRepBase = this.nodeRepBase;
    const N = this.nNodes;
    const jFree = this.jFree;
    let jFreeTop = this.jFreeTop;
    let jobsN = this.jobsN;
    let events = this.events;
    let inFlight = this.inFlight;
    let lhN = this.lhN;
    let winEnd = this.winStart + windowMs;
    // e2e and the current window recorded inline (LogHistogram.recordBucket), state in locals.
    const e2eCounts = e2e.counts;
    let e2eCount = e2e.count;
    let e2eSum = e2e.sumMs;
    let e2eMax = e2e.maxMs;
    let e2eOver = e2e.overflow;
    const winCounts = win.counts;
    let winCount = win.count;
    let winSum = win.sumMs;
    let winMax = win.maxMs;
    let winOver = win.overflow;
    let winErr = this.winErr;
    // Responses are ok or upstream failures (the two causes a plain queue has).
    let e2eOk = e2eErr[C_OK]!;
    let e2eUp = e2eErr[C_UPSTREAM]!;
    // The per-service histogram and error counts being recorded (sDst, -1 for none yet), their
    // state in locals.
    let sDst = -1;
    let sH = e2e;
    let sCounts = e2eCounts;
    let sCount = 0;
    let sSum = 0;
    let sMax = 0;
    let sOver = 0;
    let sOk = 0;
    let sUp = 0;
    let done = 0;
    // The clock ends at the latest event processed (arrivals of this batch may be later).
    let last = this.now;
    while (done < max && lhN > 0) {
      const t = lhT[0]!;
      const lane = lhL[0]!;
      const j = laneHead[lane]!;
      if (!(t < pT || (t === pT && jSeq[j]! < pS))) break;
      done++;
      if (t > last) last = t;
      // Pop j off its lane; the lane's next response (or the last lane) sifts down from the root.
      const nx = jNext[j]!;
      let kt: number;
      let kl: number;
      if (nx >= 0) {
        laneHead[lane] = nx;
        kt = jT[nx]!;
        kl = lane;
      } else {
        laneHead[lane] = -1;
        laneTail[lane] = -1;
        lhN--;
        kt = lhT[lhN]!;
        kl = lhL[lhN]!;
      }
      if (lhN > 0) {
        const ks = jSeq[laneHead[kl]!]!;
        let i = 0;
        for (;;) {
          let ch = 2 * i + 1;
          if (ch >= lhN) break;
          let ct = lhT[ch]!;
          const c2 = ch + 1;
          if (c2 < lhN) {
            const t2 = lhT[c2]!;
            if (t2 < ct || (t2 === ct && jSeq[laneHead[lhL[c2]!]!]! < jSeq[laneHead[lhL[ch]!]!]!)) {
              ch = c2;
              ct = t2;
            }
          }
          if (ct > kt || (ct === kt && jSeq[laneHead[lhL[ch]!]!]! > ks)) break;
          lhT[i] = ct;
          lhL[i] = lhL[ch]!;
          i = ch;
        }
        lhT[i] = kt;
        lhL[i] = kl;
      }
      jFree[jFreeTop++] = j;
      jobsN--;
      events++;
      // releaseAttempt, finishCall + recordRoot.
      const meta = jMeta[j]!;
      const dst = (meta >> 8) & 31;
      if ((meta & 16) !== 0) {
        rActive[meta >> 13]!--;
        inflight[nodeRepBase[(meta >> 5) & 7]! * N + dst]!--;
      }
      const start = jStart[j]!;
      const cause = (meta & 15) === K_OK ? C_OK : C_UPSTREAM;
      const lat = t - start;
      // bucketOf(lat), written out (a call would box lat); below 2^25 µs in integers (see
      // INT_BUCKET_US), no round trip through the float's words in memory.
      let bucket = 0;
      const us = lat * 1000;
      if (us >= 1) {
        if (us < INT_BUCKET_US) {
          const x = (us * SUB_SCALE) >>> 0;
          const e = INT_BUCKET_TOP - Math.clz32(x);
          bucket = 1 + (e << SUB_BITS) + ((x >>> e) & SUB_MASK);
        } else {
          bits[0] = us;
          const hi = bitsHi[1]!;
          bucket = 1 + (((hi >>> 20) - 1023) << SUB_BITS) + ((hi >>> (20 - SUB_BITS)) & SUB_MASK);
        }
      }
      let over = 0;
      if (bucket >= NBUCKETS) {
        bucket = NBUCKETS - 1;
        over = 1;
      }
      if (t >= measureFrom) {
        // svcHist[dst].recordBucket, written out (a call would box lat), on locals while the
        // responses are for the same service (always, with one caller).
        if (dst !== sDst) {
          if (sDst >= 0) {
            sH.count = sCount;
            sH.sumMs = sSum;
            sH.maxMs = sMax;
            sH.overflow = sOver;
            svcErr[sDst * NCAUSE + C_OK] = sOk;
            svcErr[sDst * NCAUSE + C_UPSTREAM] = sUp;
          }
          sDst = dst;
          sH = svcHist[dst]!;
          sCounts = sH.counts;
          sCount = sH.count;
          sSum = sH.sumMs;
          sMax = sH.maxMs;
          sOver = sH.overflow;
          sOk = svcErr[dst * NCAUSE + C_OK]!;
          sUp = svcErr[dst * NCAUSE + C_UPSTREAM]!;
        }
        sCounts[bucket]! += 1;
        sCount++;
        sSum += lat;
        if (lat > sMax) sMax = lat;
        sOver += over;
        if (cause === C_OK) sOk++;
        else sUp++;
      }
      inFlight--;
      if (t >= winEnd) {
        win.count = winCount;
        win.sumMs = winSum;
        win.maxMs = winMax;
        win.overflow = winOver;
        this.winErr = winErr;
        this.now = t;
        this.rollWindows();
        winEnd = this.winStart + windowMs;
        winCount = win.count;
        winSum = win.sumMs;
        winMax = win.maxMs;
        winOver = win.overflow;
        winErr = this.winErr;
      }
      winCounts[bucket]! += 1;
      winCount++;
      winSum += lat;
      if (lat > winMax) winMax = lat;
      winOver += over;
      if (cause !== C_OK) winErr++;
      if (start >= measureFrom) {
        e2eCounts[bucket]! += 1;
        e2eCount++;
        e2eSum += lat;
        if (lat > e2eMax) e2eMax = lat;
        e2eOver += over;
        if (cause === C_OK) e2eOk++;
        else e2eUp++;
      }
    }
    win.count = winCount;
    win.sumMs = winSum;
    win.maxMs = winMax;
    win.overflow = winOver;
    this.winErr = winErr;
    e2e.count = e2eCount;
    e2e.sumMs = e2eSum;
    e2e.maxMs = e2eMax;
    e2e.overflow = e2eOver;
    e2eErr[C_OK] = e2eOk;
    e2eErr[C_UPSTREAM] = e2eUp;
    if (sDst >= 0) {
      sH.count = sCount;
      sH.sumMs = sSum;
      sH.maxMs = sMax;
      sH.overflow = sOver;
      svcErr[sDst * NCAUSE + C_OK] = sOk;
      svcErr[sDst * NCAUSE + C_UPSTREAM] = sUp;
    }
    this.jFreeTop = jFreeTop;
    this.jobsN = jobsN;
    this.events = events;
    this.inFlight = inFlight;
    this.lhN = lhN;
    this.now = last;
    return done;
  }

  /** The error of a run whose pending events would pass MAX_PENDING_EVENTS. */
  private pendingError(events: number): SimBudgetError {
    return new SimBudgetError(
      events,
      `more than ${MAX_PENDING_EVENTS.toLocaleString('en-US')} events are pending at once (requests arrive much faster than they are served) and the run was stopped; lower the request rate or add capacity`,
    );
  }

  // ================================================================ heap

  private push(t: number, k: number, a: number, b: number): void {
    this.argT[0] = t;
    this.pushArg(k, a, b);
  }

  /**
   * push() with the time in argT[0]: a double argument to a call V8 does not inline is boxed
   * (one allocation per event), so the lean handlers pass it there.
   */
  private pushArg(k: number, a: number, b: number): void {
    const t = this.argT[0]!;
    const n = this.hSize;
    if (n === this.hT.length) this.growHeap();
    const hT = this.hT;
    const hI = this.hI;
    const slot = hI[n]!; // a free slot (see the field comment)
    this.vS[slot] = this.seq++;
    this.vA[slot] = (a << 3) | k; // event kind in the low 3 bits, record index above
    this.vB[slot] = b;
    this.hSize = n + 1;
    if (!this.hHeap && n < SORTED_MAX) {
      // Latest-first: shift the events due at or before t (smaller seq on a tie) one up.
      let i = n - 1;
      while (i >= 0) {
        const ti = hT[i]!;
        if (ti > t) break;
        hT[i + 1] = ti;
        hI[i + 1] = hI[i]!;
        i--;
      }
      hT[i + 1] = t;
      hI[i + 1] = slot;
      return;
    }
    this.hT[n] = t; // the time travels in the array (a double argument would be boxed)
    this.heapInsert(n, slot);
  }

  /** Heap mode (entered here from a full sorted run): sifts the event in slot, time hT[n], up. */
  private heapInsert(n: number, slot: number): void {
    const hT = this.hT;
    const hI = this.hI;
    const t = hT[n]!;
    if (!this.hHeap) {
      // Reversed, the sorted run is ascending by (time, seq): already a valid min-heap.
      hT.subarray(0, n).reverse();
      hI.subarray(0, n).reverse();
      this.hHeap = true;
    }
    const vS = this.vS;
    const s = vS[slot]!;
    let i = n;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hT[p]!;
      if (pt < t || (pt === t && vS[hI[p]!]! < s)) break;
      hT[i] = pt;
      hI[i] = hI[p]!;
      i = p;
    }
    hT[i] = t;
    hI[i] = slot;
  }

  /** Takes the earliest event off the queue, advances the clock to it and processes it. */
  private next(): void {
    const n = --this.hSize;
    let slot: number;
    if (!this.hHeap) {
      // The earliest is last; its slot id stays at position n, i.e. on the free list.
      slot = this.hI[n]!;
      this.now = this.hT[n]!;
    } else {
      slot = this.hI[0]!;
      this.now = this.hT[0]!;
      this.heapRemoveRoot(n, slot);
    }
    // Read the slot before any handler pushes (a push may reuse it).
    const ka = this.vA[slot]!;
    const b = this.vB[slot]!;
    this.dispatch(ka & 7, ka >> 3, b);
  }

  /** Heap mode: fills the root's place from the last of n + 1 events and frees slot0. */
  private heapRemoveRoot(n: number, slot0: number): void {
    const hT = this.hT;
    const hI = this.hI;
    const vS = this.vS;
    if (n > 0) {
      const t = hT[n]!;
      const slot = hI[n]!;
      const s = vS[slot]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let ct = hT[c]!;
        const c2 = c + 1;
        if (c2 < n) {
          const t2 = hT[c2]!;
          if (t2 < ct || (t2 === ct && vS[hI[c2]!]! < vS[hI[c]!]!)) {
            c = c2;
            ct = t2;
          }
        }
        if (ct > t || (ct === t && vS[hI[c]!]! > s)) break;
        hT[i] = ct;
        hI[i] = hI[c]!;
        i = c;
      }
      hT[i] = t;
      hI[i] = slot;
    }
    hI[n] = slot0; // the freed slot joins the free ids past the end
    if (n <= SORTED_MIN) this.heapToSorted();
  }

  /** Insertion-sorts the (small) heap latest-first by (time, seq) and leaves heap mode. */
  private heapToSorted(): void {
    const hT = this.hT;
    const hI = this.hI;
    const vS = this.vS;
    const n = this.hSize;
    for (let j = 1; j < n; j++) {
      const t = hT[j]!;
      const slot = hI[j]!;
      const s = vS[slot]!;
      let i = j - 1;
      while (i >= 0) {
        const ti = hT[i]!;
        if (ti > t || (ti === t && vS[hI[i]!]! > s)) break;
        hT[i + 1] = ti;
        hI[i + 1] = hI[i]!;
        i--;
      }
      hT[i + 1] = t;
      hI[i + 1] = slot;
    }
    this.hHeap = false;
  }

  private growHeap(): void {
    const old = this.hT.length;
    if (old >= MAX_PENDING_EVENTS) throw this.pendingError(this.events);
    const n = old * 2;
    const t = new Float64Array(n);
    t.set(this.hT);
    this.hT = t;
    const h = new Int32Array(n);
    h.set(this.hI);
    for (let k = old; k < n; k++) h[k] = k;
    this.hI = h;
    const s = new Float64Array(n);
    s.set(this.vS);
    this.vS = s;
    const a = new Int32Array(n);
    a.set(this.vA);
    this.vA = a;
    const b = new Int32Array(n);
    b.set(this.vB);
    this.vB = b;
  }

  // ================================================================ pools

  private growAttempts(n: number): void {
    const old = this.aCap;
    const g = <T extends PoolArray>(arr: T, ctor: new (n: number) => T): T => grown(arr, ctor, n);
    this.aGen = g(this.aGen, Int32Array);
    this.aNode = g(this.aNode, Int32Array);
    this.aRep = g(this.aRep, Int32Array);
    this.aCall = g(this.aCall, Int32Array);
    this.aCallGen = g(this.aCallGen, Int32Array);
    this.aSrcRep = g(this.aSrcRep, Int32Array);
    this.aStage = g(this.aStage, Int32Array);
    this.aPending = g(this.aPending, Int32Array);
    this.aChildCause = g(this.aChildCause, Uint8Array);
    this.aTpl = g(this.aTpl, Uint8Array);
    this.aStep = g(this.aStep, Uint8Array);
    this.aReject = g(this.aReject, Uint8Array);
    this.aResKind = g(this.aResKind, Uint8Array);
    this.aResCause = g(this.aResCause, Uint8Array);
    this.aCounted = g(this.aCounted, Uint8Array);
    this.aIsRetry = g(this.aIsRetry, Uint8Array);
    this.aL7 = g(this.aL7, Uint8Array);
    this.aStartT = g(this.aStartT, Float64Array);
    [this.aFree, this.aFreeTop] = grownFreeList(this.aFree, this.aFreeTop, old, n);
    this.aCap = n;
  }

  private allocAttempt(): number {
    if (this.aFreeTop === 0) this.growAttempts(this.aCap * 2);
    return this.aFree[--this.aFreeTop]!;
  }

  private freeAttempt(a: number): void {
    this.aGen[a]!++;
    this.aFree[this.aFreeTop++] = a;
  }

  private growCalls(n: number): void {
    const old = this.cCap;
    const g = <T extends PoolArray>(arr: T, ctor: new (n: number) => T): T => grown(arr, ctor, n);
    this.cGen = g(this.cGen, Int32Array);
    this.cParent = g(this.cParent, Int32Array);
    this.cDst = g(this.cDst, Int32Array);
    this.cSrcRep = g(this.cSrcRep, Int32Array);
    this.cTries = g(this.cTries, Int32Array);
    this.cCur = g(this.cCur, Int32Array);
    this.cL7 = g(this.cL7, Uint8Array);
    this.cFault = g(this.cFault, Uint8Array);
    this.cStartT = g(this.cStartT, Float64Array);
    [this.cFree, this.cFreeTop] = grownFreeList(this.cFree, this.cFreeTop, old, n);
    this.cCap = n;
  }

  private allocCall(): number {
    if (this.cFreeTop === 0) this.growCalls(this.cCap * 2);
    return this.cFree[--this.cFreeTop]!;
  }

  // ================================================================ random variates

  /**
   * Uniform in (0, 1): the next sfc32 draw (rng.ts nextUint32) as ((x + 0.5) · 2^-32), from the
   * block the fast path computed ahead while any is left (the same draws in the same order).
   */
  private uniform(): number {
    if (this.dI !== this.dN) return this.dU[this.dI++]!;
    // Nothing buffered: draw from the state itself (sfc32 inlined on typed storage).
    const rs = this.rs;
    const a = rs[0]!;
    const b = rs[1]!;
    const c = rs[2]!;
    const d = rs[3]!;
    const t = (((a + b) | 0) + d) | 0;
    rs[3] = (d + 1) | 0;
    rs[0] = b ^ (b >>> 9);
    rs[1] = (c + (c << 3)) | 0;
    rs[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    // × 2^-32 is exactly ÷ 2^32 (a power-of-two scale), without the slow division.
    return ((t >>> 0) + 0.5) * TWO_POW_M32;
  }

  /** Math.log of the next uniform draw (the draw is consumed). */
  private logUniform(): number {
    return Math.log(this.uniform());
  }

  /** The PRNG state as plain data (four uint32 words), after the draws used so far. */
  rngState(): RngState {
    this.settleDraws();
    const rs = this.rs;
    return { a: rs[0]! >>> 0, b: rs[1]! >>> 0, c: rs[2]! >>> 0, d: rs[3]! >>> 0 };
  }

  private expSample(mean: number): number {
    return -this.logUniform() * mean;
  }

  private serviceSample(r: number): number {
    const kind = this.rDist[r]!;
    if (kind === 0) return -this.logUniform() * this.rMean[r]!;
    if (kind === 1) return this.rMean[r]!;
    // Lognormal via Box–Muller (one normal per sample; the pair's second value is discarded
    // so the PRNG state stays the only state).
    const z = Math.sqrt(-2 * this.logUniform()) * Math.cos(2 * Math.PI * this.uniform());
    return Math.exp(this.rMu[r]! + this.rSigma[r]! * z);
  }

  // ================================================================ rebuild after config change

  private rebuild(): void {
    const cfg = this.config;
    const C = this.nCallers;
    const N = this.nNodes;
    const dp = cfg.dataPlane;
    const mode = dp.mode;
    this.netMs = cfg.networkMs;
    for (let i = 0; i < C; i++) {
      this.callerGap[i] = 1 / (cfg.callers[i]!.rps / 1000);
      this.nodeMeshed[i] = mode !== 'none' && cfg.callers[i]!.meshed ? 1 : 0;
    }
    this.pol = [];
    for (let i = 0; i < C; i++) this.pol.push(emptyPolicy());
    const setDist = (r: number, d: SimConfig['services'][number]['serviceTime']) => {
      this.rDist[r] = d.kind === 'exponential' ? 0 : d.kind === 'constant' ? 1 : 2;
      this.rMean[r] = d.meanMs;
      this.rSigma[r] = d.sigma;
      this.rMu[r] = Math.log(d.meanMs) - (d.sigma * d.sigma) / 2;
    };
    const kindCode = (k: string) =>
      k === '503' ? K_503 : k === 'connect-failure' ? K_CONNECT : K_500;
    for (let i = C; i < N; i++) {
      const s = cfg.services[i - C]!;
      this.nodeMeshed[i] = mode !== 'none' ? 1 : 0;
      this.nodeRepActive[i] = s.replicas;
      const base = this.nodeRepBase[i]!;
      for (let k = 0; k < REPLICA_SLOTS; k++) {
        setDist(base + k, s.serviceTime);
        const failing = s.failingReplicas === 0 || k < s.failingReplicas;
        this.rFailP[base + k] = failing ? s.failureProb : 0;
        this.rFailKind[base + k] = kindCode(s.failureKind);
        this.rCluster[base + k] = (base + k) % cfg.clusterNodes;
      }
      const cb = this.nodeCanaryBase[i]!;
      for (let k = 0; k < this.nodeCanaryCount[i]!; k++) {
        setDist(cb + k, s.canary?.serviceTime ?? s.serviceTime);
        this.rFailP[cb + k] = s.canary?.failureProb ?? 0;
        this.rFailKind[cb + k] = K_500;
        this.rCluster[cb + k] = (cb + k) % cfg.clusterNodes;
      }
      const p = s.policy;
      const rp = emptyPolicy();
      rp.retries = p.retries.attempts;
      rp.retryMask = 0;
      for (const cond of p.retries.retryOn) rp.retryMask |= RETRY_BITS[cond] ?? 0;
      rp.perTryMs = p.retries.perTryTimeoutMs ?? 0;
      rp.backoffBase = p.retries.backoffBaseMs;
      if (p.retries.budget) {
        rp.budgetRatio = p.retries.budget.ratio;
        rp.budgetMin = p.retries.budget.minPerSecond;
        rp.budgetTtl = p.retries.budget.ttlS;
      }
      rp.timeoutMs = p.timeoutMs ?? 0;
      if (p.circuitBreaker) {
        const cbp = p.circuitBreaker;
        // HTTP/1.1: requests beyond maxConnections queue as pending; beyond both → 503 UO (S21, S24).
        rp.cbInflight = Math.min(cbp.maxConnections + cbp.maxPendingRequests, cbp.maxRequests);
        rp.cbRetries = cbp.maxRetries;
      }
      rp.od = p.outlierDetection;
      rp.canaryW = s.canary ? p.canaryWeight / 100 : 0;
      if (p.fault) {
        rp.hasFault = p.fault.abortPercent > 0 || p.fault.delayPercent > 0;
        rp.abortP = p.fault.abortPercent / 100;
        rp.delayP = p.fault.delayPercent / 100;
        rp.delayMs = p.fault.delayMs;
      }
      this.pol.push(rp);
    }

    // Proxy costs per step kind.
    const side = SIDECAR_COSTS[dp.profile];
    this.stepPath.fill(0);
    this.stepCpu.fill(0);
    this.stepPath[S_CLIENT_SC] = side.pathMs;
    this.stepCpu[S_CLIENT_SC] = side.cpuMs;
    this.stepPath[S_SERVER_SC] = side.pathMs;
    this.stepCpu[S_SERVER_SC] = side.cpuMs;
    this.stepPath[S_SRC_ZT] = ZTUNNEL_COST.pathMs;
    this.stepCpu[S_SRC_ZT] = ZTUNNEL_COST.cpuMs;
    this.stepPath[S_DST_ZT] = ZTUNNEL_COST.pathMs;
    this.stepCpu[S_DST_ZT] = ZTUNNEL_COST.cpuMs;
    this.stepPath[S_WAYPOINT] = WAYPOINT_COST.pathMs;
    this.stepCpu[S_WAYPOINT] = WAYPOINT_COST.cpuMs;
    this.stepPath[S_NODE_ENVOY] = WAYPOINT_COST.pathMs;
    this.stepCpu[S_NODE_ENVOY] = WAYPOINT_COST.cpuMs;
    this.stepPath[S_EBPF] = EBPF_COST.pathMs;
    // Path templates for callers with and without a proxy (see TPL_STEPS).
    const [tplMeshed, tplUnmeshed] =
      mode === 'none'
        ? [0, 0]
        : mode === 'sidecar'
          ? [1, 2]
          : mode === 'ambient'
            ? [dp.l7 ? 4 : 3, 5]
            : [dp.l7 ? 7 : 6, 6];
    this.tplMeshed = tplMeshed;
    this.tplUnmeshed = tplUnmeshed;
    this.l7Mode = mode === 'sidecar' || ((mode === 'ambient' || mode === 'ebpf') && dp.l7);
    // TCP handshake (1 RTT) + TLS 1.3 (1 RTT) per request when connections are not pooled (S37).
    this.handshakeMs = dp.connectionReuse ? 0 : 2 * this.netMs;
    // Calls whose start and server-side hop run as one fused handler each (same steps, same
    // draws, same records as startCall → startAttempt → advance → arriveAtService).
    for (let i = 0; i < N; i++) {
      const q = this.pol[i]!;
      this.leanDst[i] =
        this.leanAllowed &&
        mode === 'sidecar' &&
        this.handshakeMs === 0 &&
        i >= C &&
        !q.hasFault &&
        q.budgetRatio < 0 &&
        q.timeoutMs === 0 &&
        q.cbInflight < 0 &&
        q.perTryMs === 0 &&
        q.canaryW === 0 &&
        q.od === null
          ? 1
          : 0;
    }

    // Security table per (source node, destination service); same rules as the topology view.
    for (let src = 0; src < N; src++) {
      for (let dst = C; dst < N; dst++) {
        const e = edgeSecurity(cfg, this.names[src]!, this.names[dst]!);
        const reject = e.mtlsRejected ? C_MTLS : e.denied ? C_DENIED : C_OK;
        this.sec[src * N + dst] = (e.encrypted ? 1 : 0) | (e.explicitAllow ? 2 : 0) | (reject << 2);
      }
    }
  }

  // ================================================================ dispatch

  private dispatch(kind: number, a: number, b: number): void {
    this.events++;
    switch (kind) {
      case EV_ARRIVAL:
        this.onArrival(a);
        break;
      case EV_HOP:
        if (this.aGen[a] === b) {
          if (this.leanDst[this.aNode[a]!] === 1) this.leanHop(a);
          else this.advance(a);
        }
        break;
      case EV_SERVICE_DONE:
        this.onServiceDone(a);
        break;
      case EV_RESPONSE:
        if (this.aResKind[a] === K_OK && this.leanDst[this.aNode[a]!] === 1) this.leanResponse(a);
        else this.onResponse(a);
        break;
      case EV_RETRY:
        if (this.cGen[a] === b) this.startAttempt(a);
        break;
      case EV_TRY_TIMEOUT:
        this.onTryTimeout(a, b);
        break;
      case EV_ROUTE_TIMEOUT:
        this.onRouteTimeout(a, b);
        break;
      case EV_APPLY:
        this.onApply(a);
        break;
    }
  }

  private onArrival(caller: number): void {
    if (this.arrivalsLeft <= 0) return;
    this.arrivalsLeft--;
    const t = this.now;
    if (this.firstArrivalT < 0) this.firstArrivalT = t;
    this.lastArrivalT = t;
    if (this.arrivalsLeft > 0) {
      this.nextArrivalArg(caller);
      this.pushArg(EV_ARRIVAL, caller, 0);
    }
    this.inFlight++;
    const a = this.allocAttempt();
    this.aNode[a] = caller;
    this.aRep[a] = this.nodeRepBase[caller]!;
    this.aCall[a] = -1;
    this.aChildCause[a] = 0;
    this.aStartT[a] = t;
    this.startStage(a, 0);
  }

  /**
   * argT[0] = now + the caller's next exponential gap (now + expSample(gap), for onArrival).
   * onArrival is inlined into runGeneral, which has no inlining budget left for uniform(), and a
   * double returned from a call that is not inlined is boxed (one allocation per arrival), so
   * this draws as uniform() does, written out, and returns nothing.
   */
  private nextArrivalArg(caller: number): void {
    let u: number;
    if (this.dI !== this.dN) u = this.dU[this.dI++]!;
    else {
      const rs = this.rs;
      const a = rs[0]!;
      const b = rs[1]!;
      const c = rs[2]!;
      const d = rs[3]!;
      const t = (((a + b) | 0) + d) | 0;
      rs[3] = (d + 1) | 0;
      rs[0] = b ^ (b >>> 9);
      rs[1] = (c + (c << 3)) | 0;
      rs[2] = (((c << 21) | (c >>> 11)) + t) | 0;
      u = ((t >>> 0) + 0.5) * TWO_POW_M32;
    }
    this.argT[0] = this.now + -Math.log(u) * this.callerGap[caller]!;
  }

  private startStage(a: number, s: number): void {
    const node = this.aNode[a]!;
    if (s >= this.nodeStageCount[node]!) {
      this.completeAttempt(a, K_OK, C_OK);
      return;
    }
    const st = this.nodeStageStart[node]! + s;
    const from = this.stageStart[st]!;
    const len = this.stageLen[st]!;
    this.aStage[a] = s;
    this.aPending[a] = len;
    for (let i = 0; i < len; i++) {
      const dst = this.stageTargets[from + i]!;
      if (this.leanDst[dst] === 1) this.leanStartCall(a, dst);
      else this.startCall(a, dst);
    }
  }

  /**
   * startCall → startAttempt → pickReplica → advance for a call to a lean destination (see
   * leanDst: sidecar mode, pooled connections, a policy with nothing to check, draw or time
   * before the replica is picked), written out as one handler: the same records, draws, pushes
   * and counters in the same order.
   */
  private leanStartCall(parent: number, dst: number): void {
    const now = this.now;
    const N = this.nNodes;
    if (this.cFreeTop === 0) this.growCalls(this.cCap * 2);
    const c = this.cFree[--this.cFreeTop]!;
    const srcRep = this.aRep[parent]!;
    const src = this.aNode[parent]!;
    const meshed = this.nodeMeshed[src] === 1; // sidecar mode: l7 exactly when the source is meshed
    this.cParent[c] = parent;
    this.cDst[c] = dst;
    this.cSrcRep[c] = srcRep;
    this.cTries[c] = 1;
    this.cCur[c] = -1;
    this.cStartT[c] = now;
    this.cL7[c] = meshed ? 1 : 0;
    this.cFault[c] = 0;
    const measured = now >= this.measureFrom;
    if (measured) this.svcAttempts[dst]!++;
    // pickReplica: no canary weight and no outlier detection on a lean route.
    const base = this.nodeRepBase[dst]!;
    const n1 = this.nodeRepActive[dst]!;
    let rep: number;
    if (!meshed) {
      const n12 = n1 + this.nodeCanaryCount[dst]!;
      const k = n12 === 1 ? 0 : (this.uniform() * n12) | 0;
      rep = k < n1 ? base + k : this.nodeCanaryBase[dst]! + (k - n1);
    } else if (n1 === 1) rep = base;
    else {
      const i = (this.uniform() * n1) | 0;
      let j = (this.uniform() * (n1 - 1)) | 0;
      if (j >= i) j++;
      rep = base + i + ((j - i) & -+(this.rActive[base + j]! < this.rActive[base + i]!));
    }
    if (measured && this.rIsCanary[rep] === 1) this.svcCanary[dst]!++;
    if (this.aFreeTop === 0) this.growAttempts(this.aCap * 2);
    const a = this.aFree[--this.aFreeTop]!;
    const tpl = meshed ? this.tplMeshed : this.tplUnmeshed;
    this.aNode[a] = dst;
    this.aRep[a] = rep;
    this.aCall[a] = c;
    this.aCallGen[a] = this.cGen[c]!;
    this.aSrcRep[a] = srcRep;
    this.aChildCause[a] = 0;
    this.aIsRetry[a] = 0;
    this.aL7[a] = meshed ? 1 : 0;
    this.aCounted[a] = 1;
    this.aStep[a] = 0;
    this.aTpl[a] = tpl;
    const sec = this.sec[src * N + dst]!;
    this.aReject[a] = sec >> 2;
    if (measured) {
      this.secCalls++;
      this.secEnc += sec & 1;
      this.secAuthz += (sec >> 1) & 1;
    }
    this.inflight[srcRep * N + dst]!++;
    this.rActive[rep]!++;
    this.cCur[c] = a;
    const netMs = this.netMs;
    const first = now + tplNet[tpl * MAX_TPL_LEN]! * netMs; // no handshake on pooled connections
    if (first > now) {
      this.argT[0] = first;
      this.pushArg(EV_HOP, a, this.aGen[a]!);
      return;
    }
    if (tplStep[tpl * MAX_TPL_LEN] !== S_CLIENT_SC) {
      this.advance(a); // from an un-meshed source with no network delay
      return;
    }
    // advance: the client sidecar (a FIFO proxy), then the network to the server sidecar.
    const pw = this.pWorkers;
    const pFree = this.pFree;
    const best = firstFree(pFree, srcRep * pw, pw);
    const bestT = pFree[best]!;
    const start = bestT > now ? bestT : now;
    const cpu = this.stepCpu[S_CLIENT_SC]!;
    pFree[best] = start + cpu;
    if (measured) this.svcProxyCpu[this.rNode[srcRep]!]! += cpu;
    const leave = start + this.stepPath[S_CLIENT_SC]!;
    this.aStep[a] = 1; // the client sidecar is never the last step (TPL_STEPS)
    const next = leave + tplNet[tpl * MAX_TPL_LEN + 1]! * netMs;
    if (next > now) {
      this.argT[0] = next;
      this.pushArg(EV_HOP, a, this.aGen[a]!);
    } else this.advance(a);
  }

  private startCall(parent: number, dst: number): void {
    const c = this.allocCall();
    const src = this.aNode[parent]!;
    this.cParent[c] = parent;
    this.cDst[c] = dst;
    this.cSrcRep[c] = this.aRep[parent]!;
    this.cTries[c] = 0;
    this.cCur[c] = -1;
    this.cStartT[c] = this.now;
    const l7 = this.l7Mode && this.nodeMeshed[src] === 1;
    this.cL7[c] = l7 ? 1 : 0;
    const p = this.pol[dst]!;
    this.cFault[c] = l7 && p.hasFault ? 1 : 0;
    if (l7) {
      if (p.budgetRatio >= 0) this.budgetRecord(src * this.nNodes + dst, false);
      // Istio: timeouts and retries are off while a client-side fault is active (S26).
      if (p.timeoutMs > 0 && !p.hasFault)
        this.push(this.now + p.timeoutMs, EV_ROUTE_TIMEOUT, c, this.cGen[c]!);
    }
    this.startAttempt(c);
  }

  private startAttempt(c: number): void {
    const dst = this.cDst[c]!;
    const srcRep = this.cSrcRep[c]!;
    const src = this.rNode[srcRep]!;
    const p = this.pol[dst]!;
    const l7 = this.cL7[c] === 1;
    const tries = ++this.cTries[c]!;
    const measured = this.now >= this.measureFrom;
    if (measured) {
      this.svcAttempts[dst]!++;
      if (tries > 1) this.svcRetries[dst]!++;
    }
    if (tries > 1) {
      // Close finished windows first so retries land in the window of their own time, no
      // matter when summarize() last ran (keeps stepping and replaying bit-identical).
      if (this.now >= this.winStart + this.config.windowMs) this.rollWindows();
      this.retriesTotal++;
    }
    const slot = srcRep * this.nNodes + dst;
    if (l7 && p.cbInflight >= 0 && this.inflight[slot]! >= p.cbInflight) {
      this.attemptFailed(c, K_UO, C_OVERFLOW);
      return;
    }
    let extra = this.handshakeMs;
    if (this.cFault[c] === 1) {
      if (p.abortP > 0 && this.uniform() < p.abortP) {
        this.attemptFailed(c, K_FI, C_INJECTED);
        return;
      }
      if (p.delayP > 0 && this.uniform() < p.delayP) extra += p.delayMs;
    }
    const rep = this.pickReplica(dst, l7, p);
    if (rep < 0) {
      this.attemptFailed(c, K_UH, C_NOHEALTHY);
      return;
    }
    if (measured && this.rIsCanary[rep] === 1) this.svcCanary[dst]!++;
    const a = this.allocAttempt();
    this.aNode[a] = dst;
    this.aRep[a] = rep;
    this.aCall[a] = c;
    this.aCallGen[a] = this.cGen[c]!;
    this.aSrcRep[a] = srcRep;
    this.aChildCause[a] = 0;
    this.aIsRetry[a] = tries > 1 ? 1 : 0;
    this.aL7[a] = l7 ? 1 : 0;
    this.aCounted[a] = 1;
    this.aStep[a] = 0;
    this.aTpl[a] = this.nodeMeshed[src] === 1 ? this.tplMeshed : this.tplUnmeshed;
    const sec = this.sec[src * this.nNodes + dst]!;
    this.aReject[a] = sec >> 2;
    if (measured) {
      this.secCalls++;
      this.secEnc += sec & 1;
      this.secAuthz += (sec >> 1) & 1;
    }
    this.inflight[slot]!++;
    if (tries > 1) this.activeRetries[slot]!++;
    this.rActive[rep]!++;
    this.cCur[c] = a;
    if (l7 && p.perTryMs > 0 && this.cFault[c] === 0)
      this.push(this.now + p.perTryMs, EV_TRY_TIMEOUT, a, this.aGen[a]!);
    const tpl = this.aTpl[a]!;
    const first =
      this.now +
      extra +
      (tplLen[tpl] === 0 ? TPL_FINAL_NET[tpl]! : tplNet[tpl * MAX_TPL_LEN]!) * this.netMs;
    if (tplLen[tpl] === 0 && extra === this.handshakeMs) {
      // No proxies: every sender adds the same constant delay, so arrivals reach the replica in
      // processing order and the FIFO station can be solved now (exact, no event needed).
      this.argT[0] = first;
      this.arriveAtService(a);
    } else if (first > this.now) this.push(first, EV_HOP, a, this.aGen[a]!);
    else this.advance(a);
  }

  /** Picks a destination replica: canary split (L7 only), then P2C least-request (L7) or random (L4). */
  private pickReplica(dst: number, l7: boolean, p: RoutePolicy): number {
    const base = this.nodeRepBase[dst]!;
    const n1 = this.nodeRepActive[dst]!;
    const cb = this.nodeCanaryBase[dst]!;
    const n2 = this.nodeCanaryCount[dst]!;
    if (!l7) {
      // No L7 proxy: the Service load-balances over every ready pod, v2 included, in
      // proportion to replica counts (weights need an L7 route).
      const k = n1 + n2 === 1 ? 0 : (this.uniform() * (n1 + n2)) | 0;
      return k < n1 ? base + k : cb + (k - n1);
    }
    let lo = base;
    let n = n1;
    if (p.canaryW > 0 && this.uniform() < p.canaryW) {
      lo = cb;
      n = n2;
    }
    let r: number;
    if (n === 1) r = lo;
    else {
      // Power of two choices, least request (Istio's LEAST_REQUEST default [E], S28).
      const i = (this.uniform() * n) | 0;
      let j = (this.uniform() * (n - 1)) | 0;
      if (j >= i) j++;
      // The one with fewer active requests, i on a tie (branch-free: the outcome is random).
      r = lo + i + ((j - i) & -+(this.rActive[lo + j]! < this.rActive[lo + i]!));
    }
    if (p.od !== null && this.rEjected[r] === 1) {
      for (let k = 0; k < n; k++) {
        const q = lo + ((r - lo + k) % n);
        if (this.rEjected[q] === 1 && this.now >= this.rEjUntil[q]!) this.unEject(q);
        if (this.rEjected[q] === 0) return q;
      }
      return -1; // every host ejected: 503 UH (Istio minHealthPercent 0 disables panic mode, S28)
    }
    return r;
  }

  private unEject(r: number): void {
    this.rEjected[r] = 0;
    this.rConsec[r] = 0;
    this.nodeEjected[this.rNode[r]!]!--;
  }

  /**
   * The attempt has arrived at step aStep of its proxy path at time `now`: run the proxies
   * until time must pass (then schedule an event) or the service is reached.
   */
  private advance(a: number): void {
    const tpl = this.aTpl[a]!;
    const len = tplLen[tpl]!;
    let step = this.aStep[a]!;
    for (;;) {
      if (step >= len) {
        this.argT[0] = this.now;
        this.arriveAtService(a);
        return;
      }
      const kind = tplStep[tpl * MAX_TPL_LEN + step]!;
      let leave: number;
      if (kind === S_EBPF) leave = this.now + this.stepPath[S_EBPF]!;
      else {
        let proxy: number;
        let owner: number;
        switch (kind) {
          case S_CLIENT_SC:
            proxy = this.aSrcRep[a]!;
            owner = this.rNode[proxy]!;
            break;
          case S_SERVER_SC:
            proxy = this.aRep[a]!;
            owner = this.aNode[a]!;
            break;
          case S_SRC_ZT:
            proxy = this.pZt + this.rCluster[this.aSrcRep[a]!]!;
            owner = this.rNode[this.aSrcRep[a]!]!;
            break;
          case S_DST_ZT:
            proxy = this.pZt + this.rCluster[this.aRep[a]!]!;
            owner = this.aNode[a]!;
            break;
          case S_WAYPOINT:
            proxy = this.pWp + this.aNode[a]!;
            owner = this.aNode[a]!;
            break;
          default:
            proxy = this.pNe + this.rCluster[this.aSrcRep[a]!]!;
            owner = this.rNode[this.aSrcRep[a]!]!;
        }
        // FIFO c-server proxy: take the worker that frees first.
        const pw = this.pWorkers;
        const pFree = this.pFree;
        const best = firstFree(pFree, proxy * pw, pw);
        const bestT = pFree[best]!;
        const now = this.now;
        const start = bestT > now ? bestT : now;
        const cpu = this.stepCpu[kind]!;
        pFree[best] = start + cpu;
        if (now >= this.measureFrom) this.svcProxyCpu[owner]! += cpu;
        leave = start + this.stepPath[kind]!;
      }
      step++;
      this.aStep[a] = step;
      if (step === len) {
        // Enforcement (mTLS / authorization) happens at the last, server-side step.
        const reject = this.aReject[a]!;
        if (reject !== 0) {
          this.aResKind[a] = reject === C_MTLS ? K_RESET : K_403;
          this.aResCause[a] = reject;
          this.push(leave + this.netMs, EV_RESPONSE, a, 0);
          return;
        }
        // The last step is this replica's own sidecar / node ztunnel / the kernel: a FIFO stage
        // with constant on-path latency, so every request reaches the replica in the order this
        // step processed it, and the replica's FIFO station can be solved now, exactly.
        this.argT[0] = leave + TPL_FINAL_NET[tpl]! * this.netMs;
        this.arriveAtService(a);
        return;
      }
      const next = leave + tplNet[tpl * MAX_TPL_LEN + step]! * this.netMs;
      if (next > this.now) {
        this.push(next, EV_HOP, a, this.aGen[a]!);
        return;
      }
    }
  }

  /**
   * A hop of a call to a lean destination: when it reaches the last step, the server sidecar,
   * of a replica that never fails and nothing rejects the call, advance → arriveAtService
   * written out as one handler (same order of work and draws); anything else goes to advance.
   */
  private leanHop(a: number): void {
    const tpl = this.aTpl[a]!;
    const step = this.aStep[a]!;
    const r = this.aRep[a]!;
    if (
      step + 1 !== tplLen[tpl] ||
      tplStep[tpl * MAX_TPL_LEN + step] !== S_SERVER_SC ||
      this.aReject[a] !== 0 ||
      this.rFailP[r]! > 0
    ) {
      this.advance(a);
      return;
    }
    const now = this.now;
    const node = this.aNode[a]!;
    const mf = this.measureFrom;
    // The server sidecar: a FIFO proxy with pWorkers workers.
    const pw = this.pWorkers;
    const pFree = this.pFree;
    const best = firstFree(pFree, r * pw, pw);
    const bestT = pFree[best]!;
    const start = bestT > now ? bestT : now;
    const cpu = this.stepCpu[S_SERVER_SC]!;
    pFree[best] = start + cpu;
    if (now >= mf) this.svcProxyCpu[node]! += cpu;
    const leave = start + this.stepPath[S_SERVER_SC]!;
    this.aStep[a] = step + 1;
    const tArr = leave + TPL_FINAL_NET[tpl]! * this.netMs;
    // arriveAtService for a replica with no failures.
    const wFree = this.wFree;
    const w = firstFree(wFree, this.rWBase[r]!, this.nodeWorkers[node]!);
    const wT = wFree[w]!;
    const sv = this.serviceSample(r);
    const s0 = wT > tArr ? wT : tArr;
    const done = s0 + sv;
    wFree[w] = done;
    if (now >= mf) this.svcBusy[node]! += sv;
    if (done > mf) this.svcServed[node]! += s0 >= mf ? sv : done - mf;
    if (this.nodeStageCount[node] === 0) {
      this.aResKind[a] = K_OK;
      this.aResCause[a] = C_OK;
      this.argT[0] = done + this.netMs;
      this.pushArg(EV_RESPONSE, a, 0);
    } else {
      this.argT[0] = done;
      this.pushArg(EV_SERVICE_DONE, a, 0);
    }
  }

  /** Solves the replica's FIFO station for an arrival at `argT[0]` (≥ now) and schedules what follows. */
  private arriveAtService(a: number): void {
    const tArr = this.argT[0]!;
    const r = this.aRep[a]!;
    const node = this.aNode[a]!;
    const failP = this.rFailP[r]!;
    const failKind = this.rFailKind[r]!;
    if (failP > 0 && failKind === K_CONNECT && this.uniform() < failP) {
      // Nothing listening: refused at once.
      this.aResKind[a] = K_CONNECT;
      this.aResCause[a] = C_UPSTREAM;
      this.push(tArr + this.netMs, EV_RESPONSE, a, 0);
      return;
    }
    const workers = this.nodeWorkers[node]!;
    const wFree = this.wFree;
    const best = firstFree(wFree, this.rWBase[r]!, workers);
    const bestT = wFree[best]!;
    const s = this.serviceSample(r);
    const start = bestT > tArr ? bestT : tArr;
    const done = start + s;
    wFree[best] = done;
    if (this.now >= this.measureFrom) this.svcBusy[node]! += s;
    // Busy time inside the measured period (work queued before warm-up ended counts for the
    // part served after it).
    const mf = this.measureFrom;
    if (done > mf) this.svcServed[node]! += start >= mf ? s : done - mf;
    if (this.nodeStageCount[node] === 0) {
      // A leaf: decide the outcome now and send the response straight back (saves an event).
      if (failP > 0 && failKind !== K_CONNECT && this.uniform() < failP) {
        this.aResKind[a] = failKind;
        this.aResCause[a] = C_UPSTREAM;
      } else {
        this.aResKind[a] = K_OK;
        this.aResCause[a] = C_OK;
      }
      this.push(done + this.netMs, EV_RESPONSE, a, 0);
    } else this.push(done, EV_SERVICE_DONE, a, 0);
  }

  private onServiceDone(a: number): void {
    const r = this.aRep[a]!;
    const failP = this.rFailP[r]!;
    if (failP > 0 && this.rFailKind[r] !== K_CONNECT && this.uniform() < failP) {
      this.completeAttempt(a, this.rFailKind[r]!, C_UPSTREAM);
      return;
    }
    this.startStage(a, 0);
  }

  /** The attempt's node is done (success or failure): record a root or send the response back. */
  private completeAttempt(a: number, kind: number, cause: number): void {
    if (this.aCall[a] === -1) {
      this.recordRoot(this.aStartT[a]!, cause);
      this.freeAttempt(a);
      return;
    }
    this.aResKind[a] = kind;
    this.aResCause[a] = cause;
    if (this.netMs > 0) this.push(this.now + this.netMs, EV_RESPONSE, a, 0);
    else this.onResponse(a);
  }

  private releaseAttempt(a: number): void {
    if (this.aCounted[a] === 0) return;
    this.aCounted[a] = 0;
    const slot = this.aSrcRep[a]! * this.nNodes + this.aNode[a]!;
    this.inflight[slot]!--;
    if (this.aIsRetry[a] === 1) this.activeRetries[slot]!--;
    this.rActive[this.aRep[a]!]!--;
  }

  private onResponse(a: number): void {
    this.releaseAttempt(a);
    const kind = this.aResKind[a]!;
    const dst = this.aNode[a]!;
    const c = this.aCall[a]!;
    if (this.aL7[a] === 1) {
      const od = this.pol[dst]!.od;
      if (od !== null) {
        const r = this.aRep[a]!;
        if ((OUTLIER_BITS >> kind) & 1) {
          if (++this.rConsec[r]! >= od.consecutive5xx && this.rEjected[r] === 0)
            this.tryEject(dst, r, od);
        } else if (kind === K_OK) this.rConsec[r] = 0;
      }
    }
    const current = this.cCur[c] === a && this.cGen[c] === this.aCallGen[a];
    const cause = this.aResCause[a]!;
    this.freeAttempt(a);
    if (!current) return; // orphan (per-try or route timeout already gave up on it)
    this.cCur[c] = -1;
    if (kind === K_OK) this.finishCall(c, C_OK);
    else this.attemptFailed(c, kind, cause);
  }

  /**
   * A successful response on a lean route (no outlier detection): onResponse → finishCall →
   * startStage → completeAttempt → recordRoot written out as one handler, the same steps in the
   * same order; the rarer continuations (a failed sibling, a next stage) go to the general ones.
   */
  private leanResponse(a: number): void {
    const N = this.nNodes;
    const dst = this.aNode[a]!;
    if (this.aCounted[a] !== 0) {
      // releaseAttempt
      this.aCounted[a] = 0;
      const slot = this.aSrcRep[a]! * N + dst;
      this.inflight[slot]!--;
      if (this.aIsRetry[a] === 1) this.activeRetries[slot]!--;
      this.rActive[this.aRep[a]!]!--;
    }
    const c = this.aCall[a]!;
    const current = this.cCur[c] === a && this.cGen[c] === this.aCallGen[a];
    this.aGen[a]!++; // freeAttempt
    this.aFree[this.aFreeTop++] = a;
    if (!current) return; // orphan (a timeout already gave up on it)
    this.cCur[c] = -1;
    // finishCall(c, C_OK)
    const now = this.now;
    if (now >= this.measureFrom) {
      this.argT[0] = now - this.cStartT[c]!;
      this.addLatency(this.svcHist[dst]!);
      this.svcErr[dst * NCAUSE + C_OK]!++;
    }
    const parent = this.cParent[c]!;
    this.cGen[c]!++;
    this.cFree[this.cFreeTop++] = c;
    if (--this.aPending[parent]! !== 0) return;
    const childCause = this.aChildCause[parent]!;
    if (childCause !== 0) {
      this.completeAttempt(parent, K_500, childCause);
      return;
    }
    const next = this.aStage[parent]! + 1;
    if (next < this.nodeStageCount[this.aNode[parent]!]!) {
      this.startStage(parent, next);
      return;
    }
    // completeAttempt(parent, K_OK, C_OK)
    if (this.aCall[parent] === -1) {
      // recordRoot(aStartT[parent], C_OK), then freeAttempt(parent)
      const startT = this.aStartT[parent]!;
      this.inFlight--;
      if (now >= this.winStart + this.config.windowMs) this.rollWindows();
      this.argT[0] = now - startT;
      this.addLatency(this.win);
      if (startT >= this.measureFrom) {
        this.addLatency(this.e2e);
        this.e2eErr[C_OK]!++;
      }
      this.aGen[parent]!++;
      this.aFree[this.aFreeTop++] = parent;
      return;
    }
    this.aResKind[parent] = K_OK;
    this.aResCause[parent] = C_OK;
    if (this.netMs > 0) {
      this.argT[0] = now + this.netMs;
      this.pushArg(EV_RESPONSE, parent, 0);
    } else this.onResponse(parent);
  }

  private tryEject(dst: number, r: number, od: NonNullable<RoutePolicy['od']>): void {
    const base = this.nodeRepBase[dst]!;
    const total = this.nodeRepActive[dst]! + this.nodeCanaryCount[dst]!;
    // Expired ejections return first so the percentage check sees the current state.
    for (let k = 0; k < REPLICA_SLOTS; k++) {
      const q = base + k;
      if (this.rEjected[q] === 1 && this.now >= this.rEjUntil[q]!) this.unEject(q);
    }
    const ejected = this.nodeEjected[dst]!;
    // Envoy ≥ PR #27909 counts the host about to be ejected (S23): 1 of 3 = 33% > 10% → no ejection.
    const allowed =
      ((ejected + 1) / total) * 100 <= od.maxEjectionPercent ||
      (od.alwaysEjectOneHost && ejected === 0);
    if (!allowed) return;
    this.rEjected[r] = 1;
    this.rEjCount[r]!++;
    this.rEjUntil[r] = this.now + Math.min(od.baseEjectionMs * this.rEjCount[r]!, od.maxEjectionMs);
    this.nodeEjected[dst]!++;
    this.rConsec[r] = 0;
    if (this.now >= this.measureFrom) this.svcEjections[dst]!++;
  }

  /** An attempt of call c failed (or never left): retry if the policy allows, else fail the call. */
  private attemptFailed(c: number, kind: number, cause: number): void {
    const dst = this.cDst[c]!;
    const p = this.pol[dst]!;
    const tries = this.cTries[c]!;
    if (
      this.cL7[c] === 1 &&
      this.cFault[c] === 0 &&
      tries <= p.retries &&
      ((p.retryMask >> kind) & 1) === 1
    ) {
      const srcRep = this.cSrcRep[c]!;
      const slot = srcRep * this.nNodes + dst;
      const bkey = this.rNode[srcRep]! * this.nNodes + dst;
      const budgetOk = p.budgetRatio < 0 || this.budgetAllows(bkey, p);
      const breakerOk = p.cbRetries < 0 || this.activeRetries[slot]! < p.cbRetries;
      if (budgetOk && breakerOk) {
        if (p.budgetRatio >= 0) this.budgetRecord(bkey, true);
        // Envoy full-jitter backoff: retry n waits U[0, (2^n − 1)·base), capped at 10× base (S19, S20).
        const cap = p.backoffBase * 10;
        let span = ((1 << Math.min(tries, 20)) - 1) * p.backoffBase;
        if (span > cap) span = cap;
        const wait = this.uniform() * span;
        this.push(this.now + wait, EV_RETRY, c, this.cGen[c]!);
        return;
      }
    }
    this.finishCall(c, cause);
  }

  private budgetRecord(key: number, isRetry: boolean): void {
    const sec = Math.floor(this.now / 1000);
    const i = key * 60 + (sec % 60);
    if (this.budStamp[i] !== sec) {
      this.budStamp[i] = sec;
      this.budReq[i] = 0;
      this.budRet[i] = 0;
    }
    if (isRetry) this.budRet[i]!++;
    else this.budReq[i]!++;
  }

  /** Linkerd budget: retries ≤ ratio × requests + minPerSecond × ttl over the last ttl seconds (S32, S35). */
  private budgetAllows(key: number, p: RoutePolicy): boolean {
    const sec = Math.floor(this.now / 1000);
    let req = 0;
    let ret = 0;
    for (let k = 0; k < p.budgetTtl; k++) {
      const s = sec - k;
      if (s < 0) break;
      const i = key * 60 + (s % 60);
      if (this.budStamp[i] === s) {
        req += this.budReq[i]!;
        ret += this.budRet[i]!;
      }
    }
    return ret + 1 <= p.budgetRatio * req + p.budgetMin * p.budgetTtl;
  }

  private onTryTimeout(a: number, gen: number): void {
    if (this.aGen[a] !== gen) return;
    const c = this.aCall[a]!;
    if (this.cCur[c] !== a || this.cGen[c] !== this.aCallGen[a]) return;
    // Envoy resets the upstream stream; the server keeps working on it (orphaned work).
    this.releaseAttempt(a);
    this.cCur[c] = -1;
    this.attemptFailed(c, K_TIMEOUT, C_TIMEOUT);
  }

  private onRouteTimeout(c: number, gen: number): void {
    if (this.cGen[c] !== gen) return;
    const cur = this.cCur[c]!;
    if (cur >= 0) this.releaseAttempt(cur);
    this.cCur[c] = -1;
    this.finishCall(c, C_TIMEOUT); // 504 UT; the route timeout includes all retries (S20)
  }

  private finishCall(c: number, cause: number): void {
    const dst = this.cDst[c]!;
    if (this.now >= this.measureFrom) {
      const lat = this.now - this.cStartT[c]!;
      this.argT[0] = lat;
      this.addLatency(this.svcHist[dst]!);
      this.svcErr[dst * NCAUSE + cause]!++;
    }
    const parent = this.cParent[c]!;
    this.cGen[c]!++;
    this.cFree[this.cFreeTop++] = c;
    if (cause !== C_OK && this.aChildCause[parent] === 0) this.aChildCause[parent] = cause;
    if (--this.aPending[parent]! === 0) {
      const childCause = this.aChildCause[parent]!;
      // A failed dependency makes the app answer 500; the root cause travels up for reporting.
      if (childCause !== 0) this.completeAttempt(parent, K_500, childCause);
      else this.startStage(parent, this.aStage[parent]! + 1);
    }
  }

  private recordRoot(startT: number, cause: number): void {
    this.inFlight--;
    const lat = this.now - startT;
    if (this.now >= this.winStart + this.config.windowMs) this.rollWindows();
    this.argT[0] = lat;
    this.addLatency(this.win);
    if (cause !== C_OK) this.winErr++;
    if (startT >= this.measureFrom) {
      this.addLatency(this.e2e);
      this.e2eErr[cause]!++;
    }
  }

  /**
   * LogHistogram.record(argT[0]), written out: the latency travels in argT, since a double
   * argument to a call that is not inlined is boxed (an allocation per event).
   */
  private addLatency(h: LogHistogram): void {
    const ms = this.argT[0]!;
    let i = 0;
    const us = ms * 1000;
    if (us >= 1) {
      // The float-word bucket (the integer form fastResponses uses measured no faster here).
      bits[0] = us;
      const hi = bitsHi[1]!;
      i = 1 + (((hi >>> 20) - 1023) << SUB_BITS) + ((hi >>> (20 - SUB_BITS)) & SUB_MASK);
      if (i >= NBUCKETS) {
        i = NBUCKETS - 1;
        h.overflow++;
      }
    }
    h.counts[i]! += 1;
    h.count++;
    h.sumMs += ms;
    if (ms > h.maxMs) h.maxMs = ms;
  }

  private rollWindows(): void {
    const wms = this.config.windowMs;
    const series = this.series;
    // Idle gaps can span many windows (low rates, small windows): only the last MAX_SERIES of
    // them can be kept, so jump over the rest instead of walking through them one by one.
    let closed = 0;
    const q = this.argQ;
    while (this.now >= this.winStart + wms) {
      const n = this.win.count;
      this.win.quantilePairMs(0.5, 0.99, q);
      series.push({
        tMs: this.winStart,
        throughputRps: (n * 1000) / wms,
        errorRate: n ? this.winErr / n : 0,
        p50Ms: n ? q[0]! : 0,
        p99Ms: n ? q[1]! : 0,
        meanMs: this.win.meanMs(),
        retriesPerS: ((this.retriesTotal - this.winRetries0) * 1000) / wms,
      });
      this.win.reset();
      this.winErr = 0;
      this.winRetries0 = this.retriesTotal;
      this.winStart += wms;
      if (++closed === 1) {
        const idle = Math.floor((this.now - this.winStart) / wms);
        if (idle > MAX_SERIES) this.winStart += (idle - MAX_SERIES) * wms;
      }
    }
    // Trim in batches so a long run costs O(1) per window, not a shift of the whole array.
    if (series.length > 2 * MAX_SERIES) series.splice(0, series.length - MAX_SERIES);
  }

  private onApply(decisionIdx: number): void {
    const d = this.decisions[decisionIdx];
    if (!d || d.status !== 'scheduled') return;
    const error = validateIntent(this.config, d.intent);
    if (error) {
      d.status = 'rejected';
      d.why = `${error} (the config changed while this intent was propagating)`;
      return;
    }
    this.config = applyIntent(this.config, d.intent);
    this.rebuild();
    d.status = 'applied';
    this.syncFast();
  }

  // ================================================================ summary

  /**
   * A JSON-safe summary: of the measured period (after warm-up) by default, or of the current
   * window (since the last `step()` / `markWindow()`) with `scope = 'window'`.
   */
  summarize(scope: SummaryScope = 'total'): SimSummary {
    if (this.now >= this.winStart + this.config.windowMs) this.rollWindows();
    const C = this.nCallers;
    const N = this.nNodes;
    const m = scope === 'window' ? this.mark : null;
    const finite = Number.isFinite(this.arrivalsLeft) && this.arrivalsLeft <= 0;
    const fromMs = m ? m.t : this.measureFrom;
    const spanMs = Math.max(1e-9, (finite && !m ? this.lastArrivalT : this.now) - fromMs);
    // Busy share: service time actually spent between fromMs and now (after a batch run every
    // request has finished, so that is all the work; queued work past now is not counted yet).
    const busySpanMs = Math.max(1e-9, this.now - fromMs);
    const d = (cur: Float64Array, base: Float64Array | undefined): Float64Array => {
      if (!base) return cur;
      const out = new Float64Array(cur.length);
      for (let i = 0; i < cur.length; i++) out[i] = cur[i]! - base[i]!;
      return out;
    };
    const e2eHist = m ? this.e2e.since(m.e2e) : this.e2e;
    const e2eErr = d(this.e2eErr, m?.e2eErr);
    const svcHist = m ? this.svcHist.map((h, i) => h.since(m.svcHist[i]!)) : this.svcHist;
    const svcErr = d(this.svcErr, m?.svcErr);
    const svcAttempts = d(this.svcAttempts, m?.svcAttempts);
    const svcRetries = d(this.svcRetries, m?.svcRetries);
    const svcWork = d(this.svcBusy, m?.svcWork);
    const svcProxyCpu = d(this.svcProxyCpu, m?.svcProxyCpu);
    const svcCanary = d(this.svcCanary, m?.svcCanary);
    const svcEjections = d(this.svcEjections, m?.svcEjections);
    const secCalls = this.secCalls - (m?.secCalls ?? 0);
    const secEnc = this.secEnc - (m?.secEnc ?? 0);
    const secAuthz = this.secAuthz - (m?.secAuthz ?? 0);
    const causes = (arr: Float64Array, off: number) => {
      const out: Partial<Record<Cause, number>> = {};
      for (let k = 1; k < NCAUSE; k++) if (arr[off + k]! > 0) out[CAUSES[k]!] = arr[off + k]!;
      return out;
    };
    const stats = (h: LogHistogram, err: Float64Array, off: number): LatencyStats => {
      let failed = 0;
      for (let k = 1; k < NCAUSE; k++) failed += err[off + k]!;
      return {
        meanMs: h.meanMs(),
        p50Ms: h.quantileMs(0.5),
        p95Ms: h.quantileMs(0.95),
        p99Ms: h.quantileMs(0.99),
        errorRate: h.count ? failed / h.count : 0,
        throughputRps: (h.count * 1000) / spanMs,
        count: h.count,
        errorsByCause: causes(err, off),
      };
    };
    const dp = this.config.dataPlane;
    const side = SIDECAR_COSTS[dp.profile];
    const services: Record<string, ServiceStats> = {};
    let proxyCpuMs = 0;
    let memTotal = 0;
    for (let i = 0; i < N; i++) proxyCpuMs += svcProxyCpu[i]!;
    if (dp.mode === 'sidecar') {
      for (let i = 0; i < N; i++)
        if (this.nodeMeshed[i])
          memTotal += (this.nodeRepActive[i]! + this.nodeCanaryCount[i]!) * side.memoryMiB;
    } else if (dp.mode === 'ambient') {
      memTotal =
        this.config.clusterNodes * ZTUNNEL_COST.memoryMiB +
        (dp.l7 ? (N - C) * WAYPOINT_COST.memoryMiB : 0);
    } else if (dp.mode === 'ebpf' && dp.l7)
      memTotal = this.config.clusterNodes * WAYPOINT_COST.memoryMiB;
    const roots = Math.max(1, e2eHist.count);
    const warnings: string[] = [];
    let overflow = e2eHist.overflow;
    for (const h of svcHist) overflow += h.overflow;
    if (overflow > 0)
      warnings.push(
        `${overflow.toLocaleString('en-US')} latencies exceeded the histogram's range (${HISTOGRAM_MAX_MS.toLocaleString('en-US')} ms ≈ 12.7 days); quantiles at that level are clamped to it`,
      );
    for (let i = C; i < N; i++) {
      const s = this.config.services[i - C]!;
      const replicas = this.nodeRepActive[i]! + this.nodeCanaryCount[i]!;
      let mem = 0;
      if (dp.mode === 'sidecar') mem = replicas * side.memoryMiB;
      else if (dp.mode === 'ambient' && dp.l7) mem = WAYPOINT_COST.memoryMiB;
      const st = stats(svcHist[i]!, svcErr, i * NCAUSE);
      const servers = replicas * s.workers;
      const busy = this.busyUntilNow(i) - (m ? m.svcBusy[i]! : 0);
      const util = busy / (busySpanMs * servers);
      services[s.name] = {
        ...st,
        utilization: util < 0 ? 0 : util > 1 ? 1 : util,
        offeredLoad: svcWork[i]! / (spanMs * servers),
        attempts: svcAttempts[i]!,
        retries: svcRetries[i]!,
        attemptsPerRequest: svcAttempts[i]! / roots,
        cpuVcpu: svcProxyCpu[i]! / spanMs,
        memoryMiB: mem,
        canaryShare: st.count ? svcCanary[i]! / Math.max(1, svcAttempts[i]!) : 0,
        ejections: svcEjections[i]!,
      };
    }
    return {
      nowMs: this.now,
      scope,
      fromMs,
      warnings,
      endToEnd: stats(e2eHist, e2eErr, 0),
      services,
      security: {
        encryptedShare: secCalls ? secEnc / secCalls : 0,
        authorizedShare: secCalls ? secAuthz / secCalls : 0,
      },
      dataPlane: {
        mode: dp.mode,
        profile: dp.profile,
        l7: dp.l7,
        proxies: this.proxyCount(),
        cpuVcpu: proxyCpuMs / spanMs,
        memoryMiB: memTotal,
      },
      decisions: this.decisions.map((d) => ({ ...d })),
      series: this.series.slice(),
    };
  }
}

/** Convenience: builds, runs to completion and summarises a batch run. */
export function runBatch(
  config: SimConfig,
  options: SimOptions & { intents?: Intent[] },
): SimSummary {
  const sim = new Simulation(config, options);
  for (const intent of options.intents ?? []) sim.enqueueIntent(intent);
  // Intents apply at the start of a batch run (one step each, without advancing time).
  while (sim.pendingIntents.length > 0) sim.takeIntent();
  sim.runToCompletion();
  return sim.summarize();
}
