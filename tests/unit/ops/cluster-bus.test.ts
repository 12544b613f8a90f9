import { describe, expect, it, vi } from 'vitest';
import { createRelay, createWorkerBus, type MessagePort } from '@/lib/ops/cluster-bus';
import { AUTO_WORKERS_CAP, MAX_WORKERS, workerCount } from '@/lib/ops/workers';

/** A worker process and the primary's handle on it, joined by an in-memory "IPC channel". */
function pipe(id: number, { deliver = true }: { deliver?: boolean } = {}) {
  const toPrimary: Array<(message: unknown) => void> = [];
  const toWorker: Array<(message: unknown) => void> = [];
  // IPC is asynchronous: deliver on a later microtask, in order.
  const post = (listeners: Array<(m: unknown) => void>, message: unknown) =>
    queueMicrotask(() => listeners.forEach((listener) => listener(structuredClone(message))));
  const workerSide: MessagePort = {
    send: (message) => post(toPrimary, message),
    onMessage: (listener) => toWorker.push(listener),
  };
  const primarySide = {
    id,
    send: (message: unknown) => {
      if (deliver) post(toWorker, message);
    },
    onMessage: (listener: (message: unknown) => void) => toPrimary.push(listener),
  };
  return { workerSide, primarySide };
}

function cluster(count: number, timeoutMs = 1_000) {
  const relay = createRelay({ timeoutMs });
  const pipes = Array.from({ length: count }, (_, i) => pipe(i + 1));
  const buses = pipes.map((p) => createWorkerBus(p.workerSide, { timeoutMs: timeoutMs * 2 }));
  for (const p of pipes) relay.add(p.primarySide);
  return { relay, pipes, buses };
}

describe('cluster bus', () => {
  it('delivers a publish to every worker, the sender included, before the publish resolves', async () => {
    const { buses, relay } = cluster(3);
    const seen: string[] = [];
    buses.forEach((bus, i) => bus.subscribe('mesh_dojo_user_data', (p) => seen.push(`${i}:${p}`)));
    await buses[1]!.publish('mesh_dojo_user_data', 'w2 user-7');
    expect(seen.sort()).toEqual(['0:w2 user-7', '1:w2 user-7', '2:w2 user-7']);
    expect(relay.outstanding).toBe(0);
  });

  it('routes by channel and keeps the first listener of a channel', async () => {
    const { buses } = cluster(2);
    const first = vi.fn();
    const second = vi.fn();
    const other = vi.fn();
    buses[0]!.subscribe('mesh_dojo_sessions', first);
    buses[0]!.subscribe('mesh_dojo_sessions', second);
    buses[0]!.subscribe('mesh_dojo_interviews', other);
    await buses[1]!.publish('mesh_dojo_sessions', 'u:42');
    expect(first).toHaveBeenCalledWith('u:42');
    expect(second).not.toHaveBeenCalled();
    expect(other).not.toHaveBeenCalled();
  });

  it('still resolves when a worker never answers, after the timeout, and when one exits meanwhile', async () => {
    const relay = createRelay({ timeoutMs: 50 });
    const alive = pipe(1);
    const silent = pipe(2, { deliver: false });
    relay.add(alive.primarySide);
    relay.add(silent.primarySide);
    const bus = createWorkerBus(alive.workerSide, { timeoutMs: 5_000 });
    const started = Date.now();
    await bus.publish('mesh_dojo_user_data', 'x');
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(relay.outstanding).toBe(0);

    const pending = bus.publish('mesh_dojo_user_data', 'y');
    await new Promise((resolve) => setTimeout(resolve, 5));
    relay.remove(2);
    await pending;
    expect(relay.outstanding).toBe(0);
  });

  it('resolves a publish on its own timeout when the primary is gone, and never rejects on a send error', async () => {
    const bus = createWorkerBus(
      {
        send: () => {
          throw new Error('channel closed');
        },
        onMessage: () => {},
      },
      { timeoutMs: 20 },
    );
    await expect(bus.publish('mesh_dojo_user_data', 'x')).resolves.toBeUndefined();
    const quiet = createWorkerBus({ send: () => {}, onMessage: () => {} }, { timeoutMs: 20 });
    await expect(quiet.publish('mesh_dojo_user_data', 'x')).resolves.toBeUndefined();
  });

  it('ignores malformed messages and refuses bad channel names', async () => {
    const { buses, pipes } = cluster(2);
    const listener = vi.fn();
    buses[0]!.subscribe('mesh_dojo_user_data', listener);
    // A stray message on the IPC channel (Next or another library may use it too).
    pipes[1]!.workerSide.send({
      t: 'md:pub',
      id: -1,
      channel: 'mesh_dojo_user_data',
      payload: 'x',
    });
    pipes[1]!.workerSide.send({ t: 'md:pub', id: 1, channel: 'Bad Channel', payload: 'x' });
    pipes[1]!.workerSide.send('hello');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(listener).not.toHaveBeenCalled();
    await expect(buses[1]!.publish('DROP TABLE', 'x')).rejects.toThrow(/bad channel/);
    expect(() => buses[1]!.subscribe('no spaces allowed', () => {})).toThrow(/bad channel/);
  });

  it('acknowledges even when a listener throws', async () => {
    const { buses, relay } = cluster(2);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    buses[0]!.subscribe('mesh_dojo_user_data', () => {
      throw new Error('boom');
    });
    await buses[1]!.publish('mesh_dojo_user_data', 'x');
    expect(relay.outstanding).toBe(0);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('workerCount (WEB_CONCURRENCY)', () => {
  it('defaults to one worker per core, capped', () => {
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: 'auto' }, 1)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: '' }, 64)).toBe(AUTO_WORKERS_CAP);
  });
  it('takes a whole number within bounds', () => {
    expect(workerCount({ WEB_CONCURRENCY: '1' }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: ' 3 ' }, 2)).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: String(MAX_WORKERS) }, 2)).toBe(MAX_WORKERS);
  });
  it.each(['0', '-1', '1.5', 'two', String(MAX_WORKERS + 1), '1e3', '9999'])(
    'refuses %j with a message naming the variable',
    (value) => {
      expect(() => workerCount({ WEB_CONCURRENCY: value }, 2)).toThrow(/WEB_CONCURRENCY must be/);
    },
  );
});
