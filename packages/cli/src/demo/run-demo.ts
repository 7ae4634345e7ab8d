import {
  duplicateCallback,
  misconfiguredOrder,
  queries,
  refundStep,
  signtestProbe,
} from './after-payment-steps.ts';
import { abridge, type Exchange } from './exchange.ts';
import { getToken, v2Order, v3CombineOrder, v3DirectOrder, v3PartnerOrder } from './order-steps.ts';
import type { DemoStep } from './step.ts';
import { type DemoWorld, startWorld, stopWorld } from './world.ts';

/** The demo's steps, in order. */
export const DEMO_STEPS: readonly DemoStep[] = [
  getToken,
  v2Order,
  v3DirectOrder,
  v3PartnerOrder,
  v3CombineOrder,
  duplicateCallback,
  queries,
  refundStep,
  signtestProbe,
  misconfiguredOrder,
];

const STEP_TIMEOUT_MS = 10_000;

/** How one step went. */
export interface StepResult {
  index: number;
  title: string;
  ok: boolean;
  ms: number;
  exchanges: Exchange[];
  notes: string[];
  /** Why it failed, when it did: the error's code and message. */
  error: string | undefined;
}

/** The whole run. */
export interface DemoReport {
  ok: boolean;
  ms: number;
  qqBaseUrl: string;
  wechatBaseUrl: string;
  merchantUrl: string;
  steps: StepResult[];
}

/** What {@link runDemo} tells as it goes. */
export interface DemoProgress {
  started(
    report: Pick<DemoReport, 'qqBaseUrl' | 'wechatBaseUrl' | 'merchantUrl'>,
    ms: number,
  ): void;
  step(result: StepResult, total: number): void;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return abridge(typeof code === 'string' ? `${code}: ${error.message}` : error.message, 300);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function callbackExchanges(world: DemoWorld, from: number): Exchange[] {
  return world.merchantServer.callbacks.slice(from).map((record) => ({
    direction:
      record.event?.kind === 'refund'
        ? ('wechat→merchant' as const)
        : ('wechat→qq→merchant' as const),
    method: 'POST',
    target: record.path,
    status: record.status,
    request: record.event
      ? `${record.event.version} ${record.event.kind} event`
      : 'callback (nothing processed)',
    response: record.refusal ?? (record.event ? 'processed' : 'acknowledged, not processed again'),
    ms: 0,
  }));
}

async function runStep(world: DemoWorld, step: DemoStep, index: number): Promise<StepResult> {
  const sent = world.sender.exchanges.length;
  const received = world.merchantServer.callbacks.length;
  const started = performance.now();
  let notes: string[] = [];
  let error: string | undefined;
  try {
    notes = await withTimeout(step.run(world), STEP_TIMEOUT_MS);
  } catch (caught) {
    error = describe(caught);
  }
  return {
    index,
    title: step.title,
    ok: error === undefined,
    ms: Math.round(performance.now() - started),
    exchanges: [...world.sender.since(sent), ...callbackExchanges(world, received)],
    notes,
    error,
  };
}

/**
 * Runs the demo: starts the sandbox and the merchant server, runs every step of `plan` in order
 * (each bounded in time), stops both, and reports. A step that fails does not stop the later
 * ones.
 */
export async function runDemo(
  progress: DemoProgress,
  plan: readonly DemoStep[] = DEMO_STEPS,
): Promise<DemoReport> {
  const started = performance.now();
  const world = await startWorld();
  const endpoints = {
    qqBaseUrl: world.sandbox.qqBaseUrl,
    wechatBaseUrl: world.sandbox.wechatBaseUrl,
    merchantUrl: world.merchantServer.url,
  };
  progress.started(endpoints, Math.round(performance.now() - started));
  const steps: StepResult[] = [];
  try {
    for (const [i, step] of plan.entries()) {
      const result = await runStep(world, step, i + 1);
      steps.push(result);
      progress.step(result, plan.length);
    }
  } finally {
    await stopWorld(world);
  }
  return {
    ok: steps.every((s) => s.ok),
    ms: Math.round(performance.now() - started),
    ...endpoints,
    steps,
  };
}
