/// <reference lib="webworker" />
import { SimHost } from './sim-host';
import type { SimRequest } from './sim-host';

// Runs the simulation off the main thread so Auto mode never blocks the page.
const host = new SimHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; req: SimRequest }>) => {
  const { id, req } = event.data;
  try {
    scope.postMessage({ id, view: host.handle(req) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
