import { describe, expect, it } from 'vitest';
import { gradeSelfCheckAnswer, toPublicQuestion } from '@/lib/content/self-check';
import type { SelfCheckQuestion } from '@/lib/content/schemas';

const choice: SelfCheckQuestion = {
  id: 'q1',
  type: 'choice',
  prompt: 'Pick one',
  options: ['a', 'b', 'c'],
  answer: 1,
  explanation: 'Because b.',
};
const short: SelfCheckQuestion = {
  id: 'q2',
  type: 'short',
  prompt: 'Name it',
  accept: ['retry budget', 'budget'],
  sampleAnswer: 'A retry budget.',
  explanation: 'Budgets cap retries.',
};

describe('self-check grading', () => {
  it('grades choice answers by option index', () => {
    expect(gradeSelfCheckAnswer(choice, '1')).toEqual({ isCorrect: true, correctAnswer: 'b', explanation: 'Because b.' });
    expect(gradeSelfCheckAnswer(choice, '0')?.isCorrect).toBe(false);
  });

  it('rejects malformed choice answers', () => {
    expect(gradeSelfCheckAnswer(choice, '3')).toBeNull();
    expect(gradeSelfCheckAnswer(choice, '-1')).toBeNull();
    expect(gradeSelfCheckAnswer(choice, 'b')).toBeNull();
  });

  it('accepts short answers containing an accepted phrase, ignoring case and spacing', () => {
    expect(gradeSelfCheckAnswer(short, 'I would set a Retry   Budget')?.isCorrect).toBe(true);
    expect(gradeSelfCheckAnswer(short, 'exponential backoff')?.isCorrect).toBe(false);
    expect(gradeSelfCheckAnswer(short, '   ')).toBeNull();
  });

  it('grades short answers with the scenario machinery: paraphrases, inflections, negation', () => {
    const risk: SelfCheckQuestion = {
      id: 'q3',
      type: 'short',
      prompt: 'What is the main risk that comes with adopting a service mesh, in a few words?',
      accept: ['complexity', 'control plane', 'operational'],
      sampleAnswer: 'Running the control plane.',
      explanation: 'It is critical infrastructure.',
    };
    const rejected = gradeSelfCheckAnswer(risk, 'There is no operational risk and no complexity at all.');
    expect(rejected?.isCorrect).toBe(false);
    expect(rejected?.reason).toContain('negated');
    expect(gradeSelfCheckAnswer(risk, 'Complexity is not worth worrying about.')?.isCorrect).toBe(false);
    expect(gradeSelfCheckAnswer(risk, 'Operating the control plane: it becomes critical infrastructure.')?.isCorrect).toBe(true);
    expect(gradeSelfCheckAnswer(risk, 'It adds a lot of complexity to operate.')?.isCorrect).toBe(true);
    expect(gradeSelfCheckAnswer(short, 'Cap the retries with budgets.')?.isCorrect).toBe(true);
    expect(gradeSelfCheckAnswer(short, 'We skip the retry budget.')?.isCorrect).toBe(false);
    expect(gradeSelfCheckAnswer(risk, 'Die Komplexität und der Betrieb der Control Plane sind das Risiko, nicht die Latenz.')).toMatchObject({ isCorrect: true });
  });

  it('never sends the answer key to the browser', () => {
    expect(toPublicQuestion(choice)).toEqual({ id: 'q1', type: 'choice', prompt: 'Pick one', options: ['a', 'b', 'c'] });
    expect(JSON.stringify(toPublicQuestion(short))).not.toContain('budget');
  });
});
