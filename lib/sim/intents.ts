/**
 * Control-plane intents: what an operator asks the mesh to do. Each intent is validated
 * against the current config, applied after the propagation delay, and explained in a decision.
 */
import { z } from 'zod';
import {
  RETRY_ON,
  circuitBreakerSchema,
  dataPlaneSchema,
  faultSchema,
  outlierDetectionSchema,
} from './config';
import { SIDECAR_PROFILES } from './profiles';

const svc = z.string().min(1).max(40);

/** All intent shapes (discriminated by `type`). */
export const intentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set-mtls'),
    service: svc,
    mode: z.enum(['disable', 'permissive', 'strict']),
  }),
  z.object({
    type: z.literal('set-retries'),
    service: svc,
    attempts: z.number().int().min(0).max(10),
    retryOn: z.array(z.enum(RETRY_ON)).optional(),
    perTryTimeoutMs: z.number().positive().nullable().optional(),
    budget: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('set-timeout'),
    service: svc,
    timeoutMs: z.number().positive().nullable(),
  }),
  z.object({ type: z.literal('add-deny'), service: svc, from: svc }),
  z.object({
    type: z.literal('set-allow'),
    service: svc,
    from: z.array(svc).nullable(),
    l7Rule: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('set-canary-weight'),
    service: svc,
    weight: z.number().min(0).max(100),
  }),
  z.object({ type: z.literal('inject-fault'), service: svc, fault: faultSchema }),
  z.object({ type: z.literal('clear-fault'), service: svc }),
  z.object({
    type: z.literal('set-circuit-breaker'),
    service: svc,
    limits: circuitBreakerSchema.nullable(),
  }),
  z.object({
    type: z.literal('set-outlier-detection'),
    service: svc,
    settings: outlierDetectionSchema.nullable(),
  }),
  z.object({
    type: z.literal('set-data-plane'),
    mode: dataPlaneSchema.shape.mode.removeDefault(),
    profile: z.enum(SIDECAR_PROFILES).optional(),
    l7: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('set-replicas'),
    service: svc,
    replicas: z.number().int().min(1).max(32),
  }),
  z.object({
    type: z.literal('set-failure'),
    service: svc,
    failureProb: z.number().min(0).max(1),
    failureKind: z.enum(['500', '503', 'connect-failure']).optional(),
  }),
  z.object({ type: z.literal('set-rate'), caller: svc, rps: z.number().positive().max(1_000_000) }),
]);
/** One intent. */
export type Intent = z.infer<typeof intentSchema>;
/** A list of intents (share URLs, presets). */
export const intentListSchema = z.array(intentSchema).max(50);

/** Outcome of one control-loop step. */
export type Decision = {
  /** 1-based decision number. */
  index: number;
  /** Simulated time the step took the intent, ms. */
  atMs: number;
  intent: Intent;
  status: 'scheduled' | 'applied' | 'rejected';
  /** Simulated time the change reaches the proxies (debounce + convergence), ms; null when rejected. */
  applyAtMs: number | null;
  /** What changed, one line. */
  what: string;
  /** What the model predicts. */
  predicted: string;
  /** Why (mechanism, with the source of the rule). */
  why: string;
};
