// Caps concurrent long-lived connections per key (user) and in total, in this process. It
// protects this instance's sockets and memory; it is not shared state (each instance has its own).

export class ConnectionLimiter {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perKey: number,
    private readonly overall: number,
  ) {}

  /** A release function when a slot is free, else null. Release is idempotent. */
  tryAcquire(key: string): (() => void) | null {
    const current = this.open.get(key) ?? 0;
    if (current >= this.perKey || this.total >= this.overall) return null;
    this.open.set(key, current + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const now = (this.open.get(key) ?? 1) - 1;
      if (now <= 0) this.open.delete(key);
      else this.open.set(key, now);
    };
  }

  /** Open connections for a key. */
  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
