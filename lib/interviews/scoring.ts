import type { InterviewDimension, InterviewTemplate } from '@/lib/content/interview-schema';
import type { GradeResult } from '@/lib/grading/types';
import type { Ratings, StoredGrade } from './events';

// Scorecard arithmetic for solo sessions (and the grader column of live ones). Pure.

/** Compact, storable form of a grader result. */
export function toStoredGrade(result: GradeResult): StoredGrade {
  return {
    score: result.score,
    decisionCorrect: result.decision.correct,
    summary: result.summary.slice(0, 2000),
    hit: result.criteria
      .filter((c) => c.status === 'hit')
      .map((c) => ({ id: c.id, concept: c.concept })),
    missed: result.criteria
      .filter((c) => c.status === 'missed')
      .map((c) => ({
        id: c.id,
        concept: c.concept,
        lessonId: c.lessonId,
        feedback: c.feedback.slice(0, 800),
      })),
  };
}

/** A 1..4 self rating on the 0..100 scale of the grader: 1 → 25, 4 → 100. */
export const ratingToPercent = (rating: number) => rating * 25;

export type DimensionScore = {
  id: InterviewDimension;
  /** Mean grader score of the questions that give evidence for this dimension (unanswered count 0); null without questions. */
  graded: number | null;
  self: number | null;
  answered: number;
  total: number;
};

export type Scorecard = {
  /** Mean grader score over every question of the template (unanswered count 0). */
  overall: number;
  answered: number;
  questions: number;
  dimensions: DimensionScore[];
  strongest: InterviewDimension | null;
  weakest: InterviewDimension | null;
  /** Lessons behind missed concepts, most missed weight first. */
  lessonsToReread: string[];
  missed: Array<{ questionId: string; scenarioId: string; concept: string; lessonId: string }>;
};

/** The solo scorecard from the grades and self ratings in a session's state. */
export function computeScorecard(
  template: InterviewTemplate,
  grades: Readonly<Record<string, StoredGrade>>,
  selfRatings: Ratings | null,
): Scorecard {
  const questions = template.phases.flatMap((phase) => phase.questions);
  const scoreOf = (questionId: string) => grades[questionId]?.score ?? 0;
  const overall =
    questions.length === 0
      ? 0
      : Math.round(questions.reduce((sum, q) => sum + scoreOf(q.id), 0) / questions.length);
  const dimensions: DimensionScore[] = template.dimensions.map(({ id }) => {
    const tagged = questions.filter((q) => q.dimensions.includes(id));
    return {
      id,
      graded:
        tagged.length === 0
          ? null
          : Math.round(tagged.reduce((sum, q) => sum + scoreOf(q.id), 0) / tagged.length),
      self: selfRatings?.[id] ?? null,
      answered: tagged.filter((q) => grades[q.id] !== undefined).length,
      total: tagged.length,
    };
  });
  const ranked = dimensions
    .filter((d) => d.graded !== null)
    .sort((a, b) => (b.graded ?? 0) - (a.graded ?? 0) || a.id.localeCompare(b.id));
  const missed = questions.flatMap((q) =>
    (grades[q.id]?.missed ?? []).map((m) => ({
      questionId: q.id,
      scenarioId: q.scenarioId,
      concept: m.concept,
      lessonId: m.lessonId,
    })),
  );
  const lessonCounts = new Map<string, number>();
  for (const m of missed) lessonCounts.set(m.lessonId, (lessonCounts.get(m.lessonId) ?? 0) + 1);
  const lessonsToReread = [...lessonCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([lessonId]) => lessonId);
  return {
    overall,
    answered: questions.filter((q) => grades[q.id] !== undefined).length,
    questions: questions.length,
    dimensions,
    strongest: ranked[0]?.id ?? null,
    weakest: ranked.length > 1 ? (ranked.at(-1)?.id ?? null) : null,
    lessonsToReread,
    missed,
  };
}

/** Progress over time: overall scores of finished sessions, oldest first, with the change from the previous one. */
export function progressSeries(
  sessions: ReadonlyArray<{ id: string; endedAt: Date; overallScore: number }>,
): Array<{ id: string; endedAt: Date; overallScore: number; change: number | null }> {
  const sorted = [...sessions].sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime());
  return sorted.map((s, i) => ({
    ...s,
    change: i === 0 ? null : s.overallScore - (sorted[i - 1]?.overallScore ?? 0),
  }));
}
