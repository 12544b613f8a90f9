/** Share links and saved runs replay a run exactly: interactive stepping = replay from the script. */
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { SimHost } from '@/components/simulator/sim-host';
import { decodeRun, encodeRun } from '@/components/simulator/share-url';
import { replayRun } from '@/lib/sim/replay';
import { retryChain } from './helpers';

describe('replay', () => {
  const config = retryChain({ attempts: 2, failureProb: 0, rps: 200 });
  const failLeaf = { type: 'set-failure' as const, service: 'c', failureProb: 1 };

  it('stepping with an intent added mid-run equals replaying the recorded script', () => {
    const live = new SimHost();
    live.handle({ type: 'init', config, seed: 9, script: [], steps: 0, compare: null });
    live.handle({ type: 'step' });
    live.handle({ type: 'step' });
    live.handle({ type: 'enqueue', intent: failLeaf }); // queued at step 2
    live.handle({ type: 'step' });
    const liveView = live.handle({ type: 'step' });

    const script = [{ at: 2, intent: failLeaf }];
    const replayed = new SimHost().handle({
      type: 'init',
      config,
      seed: 9,
      script,
      steps: 4,
      compare: null,
    });
    expect(JSON.stringify(replayed.summary)).toBe(JSON.stringify(liveView.summary));
    expect(replayed.summary.decisions[0]!.atMs).toBe(30_000); // baseline + 2 steps of 10 s
    expect(JSON.stringify(replayRun(config, 9, script, 4).summarize().endToEnd)).toBe(
      JSON.stringify(liveView.summary.endToEnd),
    );
  });

  it('a share link round-trips through the query string and rejects a tampered config', () => {
    const run = {
      config,
      seed: 5,
      script: [{ at: 0, intent: failLeaf }],
      steps: 3,
      presetId: 'retry-storm',
    };
    const params = Object.fromEntries(encodeRun(run));
    const decoded = decodeRun(params);
    expect(decoded && 'run' in decoded ? decoded.run : null).toEqual(run);
    // A tampered compact link and a tampered legacy (c=) link are both refused.
    const tampered = {
      ...params,
      r: compressToEncodedURIComponent(JSON.stringify({ c: { callers: [] }, i: [] })),
    };
    const result = decodeRun(tampered);
    expect(result && 'error' in result ? result.error : '').toMatch(/invalid/);
    const legacy = {
      seed: '5',
      steps: '3',
      c: Buffer.from(JSON.stringify({ callers: [] })).toString('base64url'),
    };
    const old = decodeRun(legacy);
    expect(old && 'error' in old ? old.error : '').toMatch(/invalid/);
  });
});
