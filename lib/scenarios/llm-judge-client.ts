import 'server-only';
import { env } from '@/lib/env';
import {
  applyJudgement,
  buildJudgeMessages,
  MAX_JUDGE_REPLY_CHARS,
  parseJudgeReply,
} from '@/lib/grading/llm-judge';
import type { GradableScenario, GradeResult } from '@/lib/grading/types';
import { z } from 'zod';

// Calls the optional model judge (GRADER_LLM_URL, an OpenAI-compatible chat endpoint). Any
// failure — timeout, network error, non-2xx, oversized or invalid reply — keeps the rubric
// result and says why in `judgeNote`. One request per attempt, bounded by GRADER_LLM_TIMEOUT_MS.

const chatReplySchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** Judge settings; null when no judge is configured. */
export type JudgeConfig = { url: string; model: string; apiKey?: string; timeoutMs: number };

/** The configured judge from the environment, or null. */
export function judgeConfigFromEnv(): JudgeConfig | null {
  const settings = env();
  if (!settings.GRADER_LLM_URL) return null;
  return {
    url: settings.GRADER_LLM_URL,
    model: settings.GRADER_LLM_MODEL,
    timeoutMs: settings.GRADER_LLM_TIMEOUT_MS,
    ...(settings.GRADER_LLM_API_KEY ? { apiKey: settings.GRADER_LLM_API_KEY } : {}),
  };
}

async function readBounded(response: Response, limit: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return null;
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > limit) {
      await reader.cancel();
      return null;
    }
  }
  return text + decoder.decode();
}

/** Asks the model judge; returns its result, or the rubric result with a `judgeNote` on failure. */
export async function judgeAttempt({
  config,
  scenario,
  answer,
  rubric,
}: {
  config: JudgeConfig;
  scenario: GradableScenario;
  answer: { decision: unknown; justification: string };
  rubric: GradeResult;
}): Promise<GradeResult> {
  const fallback = (why: string): GradeResult => ({
    ...rubric,
    gradedBy: 'rubric',
    judgeNote: `The model judge was not used (${why}); this is the rubric grader's score.`,
  });
  const endpoint = `${config.url.replace(/\/+$/, '')}/chat/completions`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: buildJudgeMessages(scenario, answer, rubric.decision.correct),
      }),
    });
    if (!response.ok) return fallback(`HTTP ${response.status}`);
    const body = await readBounded(response, MAX_JUDGE_REPLY_CHARS * 4);
    if (body === null) return fallback('reply too large');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return fallback('reply is not JSON');
    }
    const chat = chatReplySchema.safeParse(json);
    if (!chat.success) return fallback('reply is not a chat completion');
    const reply = parseJudgeReply(chat.data.choices[0]?.message.content ?? '', scenario);
    if (!reply) return fallback('reply did not match the judge format');
    return applyJudgement(rubric, reply);
  } catch {
    return fallback(
      controller.signal.aborted ? `no reply within ${config.timeoutMs} ms` : 'unreachable',
    );
  } finally {
    clearTimeout(timer);
  }
}
