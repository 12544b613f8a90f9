import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInterviewDir, readInterviewPack } from '@/lib/content/interview-pack';
import { presetSchema } from '@/lib/sim/presets';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let valid: Record<string, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'interview-pack-'));
  valid = JSON.parse(
    await readFile(path.join(ROOT, 'content/interviews/onboarding-check-in.json'), 'utf8'),
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('interview pack', () => {
  it('loads the real templates with every scenario and preset reference resolved', async () => {
    const { templates, problems } = await readInterviewPack(path.join(ROOT, 'content'));
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.id).sort()).toEqual([
      'diagnose-a-mesh-incident',
      'is-a-mesh-justified',
      'istio-or-linkerd',
      'onboarding-check-in',
      'roll-out-a-mesh-safely',
      'zero-trust-security',
    ]);
  });

  it('names the file and field of unknown scenarios, unknown services and a wrong file name', async () => {
    const broken = structuredClone(valid) as {
      id: string;
      phases: Array<{ questions: Array<{ scenarioId: string }> }>;
      simulator: { faults: Array<{ intents: Array<Record<string, unknown>> }> };
    };
    broken.phases[0]!.questions[0]!.scenarioId = 'no-such-scenario';
    broken.simulator.faults[0]!.intents[0] = { type: 'clear-fault', service: 'ghost-svc' };
    await writeFile(path.join(dir, 'onboarding-check-in.json'), JSON.stringify(broken));
    await writeFile(path.join(dir, 'renamed.json'), JSON.stringify(valid));
    await writeFile(path.join(dir, 'bad.json'), '{ nope');
    const preset = presetSchema.parse(
      JSON.parse(
        await readFile(
          path.join(ROOT, 'content/simulator/presets/fault-injection-disables-retries.json'),
          'utf8',
        ),
      ),
    );
    const { templates, problems } = await readInterviewDir(dir, {
      scenarioIds: new Set([
        'justify-three-service-startup',
        'diagnose-fault-injection-disables-retries',
        'estimate-fan-out-tail',
      ]),
      presets: [preset],
    });
    expect(templates).toEqual([]);
    expect(
      problems.some((p) =>
        p.includes(
          'onboarding-check-in.json: phases[0].questions[0].scenarioId: unknown scenario "no-such-scenario"',
        ),
      ),
    ).toBe(true);
    expect(
      problems.some((p) =>
        p.includes('simulator.faults[0].intents[0]: "ghost-svc" is not a service'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.includes('renamed.json: id: must equal the file name'))).toBe(
      true,
    );
    expect(problems.some((p) => p.includes('bad.json: (root): invalid JSON'))).toBe(true);
  });
});
