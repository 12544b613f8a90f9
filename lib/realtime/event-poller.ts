// One poller per process for an append-only table with a global increasing integer id. While
// anyone is subscribed it reads the rows after the highest id it has seen, every `intervalMs`
// (or at once after `wake()`), and hands each row to the subscribers of its key. The database
// is the source of truth: nothing here is needed by another instance, and a subscriber that
// misses a row (restart, out-of-order commit) recovers it from the log by its own cursor.

/** A row the poller can route: a global id and the key subscribers listen on. */
export type FeedRow = { id: number; key: string };

export type PollerOptions<Row extends FeedRow> = {
  /** Rows with id > cursor, ascending, at most `limit`. */
  readAfter: (cursor: number, limit: number) => Promise<Row[]>;
  /** The highest id now in the table (the cursor a fresh poller starts from). */
  readMaxId: () => Promise<number>;
  intervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
};

export type Listener<Row> = (row: Row) => void;

/** Fans rows of a shared table out to in-process subscribers by key. */
export class EventPoller<Row extends FeedRow> {
  private readonly listeners = new Map<string, Set<Listener<Row>>>();
  private cursor: number | null = null;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  /** Polls made and rows delivered, for benchmarks and tests. */
  readonly stats = { polls: 0, rows: 0 };

  constructor(private readonly options: PollerOptions<Row>) {
    this.intervalMs = options.intervalMs ?? 100;
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Number of live subscriptions. */
  get subscriberCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  /** Listens for rows of `key`; returns the unsubscribe function. Starts the loop if idle. */
  subscribe(key: string, listener: Listener<Row>): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    if (!this.running) void this.loop();
    return () => {
      const current = this.listeners.get(key);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(key);
    };
  }

  /** Polls as soon as possible (e.g. after a local append or a PostgreSQL NOTIFY). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Runs one poll now (tests, and the loop). Returns the rows read. */
  async pollOnce(): Promise<number> {
    this.cursor ??= await this.options.readMaxId();
    const rows = await this.options.readAfter(this.cursor, this.batchSize);
    this.stats.polls += 1;
    for (const row of rows) {
      if (row.id > this.cursor) this.cursor = row.id;
      const set = this.listeners.get(row.key);
      if (!set) continue;
      for (const listener of [...set]) {
        try {
          listener(row);
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      this.stats.rows += 1;
    }
    return rows.length;
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.listeners.size > 0) {
        let read = 0;
        try {
          read = await this.pollOnce();
        } catch (error) {
          this.options.onError?.(error);
        }
        // A full batch means more rows are waiting: read on without sleeping.
        if (read >= this.batchSize) continue;
        await this.sleep();
      }
    } finally {
      this.running = false;
      // Idle: forget the cursor so a later start does not replay a long backlog (subscribers
      // catch up from the log themselves).
      this.cursor = null;
    }
  }

  private sleep(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, this.intervalMs);
      this.wakeUp = done;
    });
  }
}
