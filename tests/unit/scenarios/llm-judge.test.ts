import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import { JUDGE_SYSTEM_PROMPT, parseJudgeReply } from '@/lib/grading/llm-judge';
import { judgeAttempt, type JudgeConfig } from '@/lib/scenarios/llm-judge-client';
import { fixture, loadFixtureScenarios } from '../grading/helpers';

// A local server on loopback that speaks the OpenAI chat-completions API. Each test picks the
// reply by the path prefix: /ok, /fenced, /garbage, /invented, /slow, /error.
const scenarios = await loadFixtureScenarios();
const scenario = fixture(scenarios, 'fixture-diagnose-retry-storm');
const answer = {
  decision: scenario.answer.type === 'choice' ? (scenario.answer.correct[0] ?? '') : '',
  justification: 'Retries multiply across hops; add a retry budget and a circuit breaker.',
};
const rubric = gradeAttempt({ scenario, answer });
const verdict = {
  score: 77,
  criteria: [
    { id: scenario.rubric[0]?.id ?? 'x', met: true, reason: 'Explains the amplification.' },
  ],
  summary: 'Good diagnosis. Tie the fix to the numbers.',
};
const received: Array<{ model: string; messages: Array<{ role: string; content: string }> }> = [];

const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    received.push(JSON.parse(body));
    const mode = request.url?.split('/')[1] ?? '';
    const send = (content: string) =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    if (mode === 'ok') send(JSON.stringify(verdict));
    else if (mode === 'fenced') send(`\`\`\`json\n${JSON.stringify(verdict)}\n\`\`\``);
    else if (mode === 'garbage') send('I think this answer deserves about 80 points.');
    else if (mode === 'invented')
      send(JSON.stringify({ ...verdict, criteria: [{ id: 'made-up', met: true, reason: 'x' }] }));
    else if (mode === 'slow') setTimeout(() => send(JSON.stringify(verdict)), 1500);
    else response.writeHead(500).end('boom');
  });
});

let base = '';
beforeAll(async () => {
  // Port 3201 (this helper's range), loopback only.
  await new Promise<void>((resolve) => server.listen(3201, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (mode: string, timeoutMs = 1000): JudgeConfig => ({
  url: `${base}/${mode}/v1`,
  model: 'test-model',
  timeoutMs,
});

describe('model judge over an OpenAI-compatible endpoint', () => {
  it('uses a valid JSON verdict and says the model graded it', async () => {
    const result = await judgeAttempt({ config: config('ok'), scenario, answer, rubric });
    expect(result.gradedBy).toBe('model');
    expect(result.score).toBe(77);
    expect(result.summary).toContain(`Rubric grader: ${rubric.score}/100`);
    const last = received.at(-1);
    expect(last?.model).toBe('test-model');
    expect(last?.messages[0]).toEqual({ role: 'system', content: JUDGE_SYSTEM_PROMPT });
    expect(last?.messages[1]?.content).toContain(answer.justification);
  });

  it('accepts a reply wrapped in a json code fence', async () => {
    const result = await judgeAttempt({ config: config('fenced'), scenario, answer, rubric });
    expect(result).toMatchObject({ gradedBy: 'model', score: 77 });
  });

  it.each([
    ['garbage', 'did not match the judge format'],
    ['invented', 'did not match the judge format'],
    ['error', 'HTTP 500'],
  ])('falls back to the rubric grader on a %s reply', async (mode, why) => {
    const result = await judgeAttempt({ config: config(mode), scenario, answer, rubric });
    expect(result.gradedBy).toBe('rubric');
    expect(result.score).toBe(rubric.score);
    expect(result.judgeNote).toContain(why);
  });

  it('falls back on timeout without waiting for the slow reply', async () => {
    const started = Date.now();
    const result = await judgeAttempt({ config: config('slow', 200), scenario, answer, rubric });
    expect(result.gradedBy).toBe('rubric');
    expect(result.judgeNote).toContain('no reply within 200 ms');
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('falls back when nothing listens', async () => {
    const result = await judgeAttempt({
      config: { url: 'http://127.0.0.1:3209/v1', model: 'm', timeoutMs: 500 },
      scenario,
      answer,
      rubric,
    });
    expect(result).toMatchObject({ gradedBy: 'rubric', score: rubric.score });
  });
});

describe('parseJudgeReply', () => {
  it('rejects out-of-range scores and extra fields', () => {
    expect(parseJudgeReply(JSON.stringify({ ...verdict, score: 140 }), scenario)).toBeNull();
    expect(parseJudgeReply(JSON.stringify({ ...verdict, extra: 1 }), scenario)).toBeNull();
    expect(parseJudgeReply('x'.repeat(30_000), scenario)).toBeNull();
    expect(parseJudgeReply(JSON.stringify(verdict), scenario)?.score).toBe(77);
  });
});
