// Server-Sent Events framing (WHATWG HTML "server-sent events": fields, blank-line terminated).

/** One event frame. `data` is JSON on one line, so no line in it can end the frame early. */
export function sseFrame({
  id,
  event,
  data,
}: {
  id?: number;
  event?: string;
  data: unknown;
}): string {
  let frame = '';
  if (id !== undefined) frame += `id: ${id}\n`;
  if (event) frame += `event: ${event}\n`;
  frame += `data: ${JSON.stringify(data)}\n\n`;
  return frame;
}

/** A comment line: keeps proxies (nginx read timeout 60 s) from closing an idle stream. */
export const sseComment = (text: string) => `: ${text}\n\n`;

/** The reconnection delay the browser should use, in ms. */
export const sseRetry = (ms: number) => `retry: ${ms}\n\n`;

/** A Last-Event-ID value (header or query) as a non-negative integer; 0 when absent or invalid. */
export function parseLastEventId(value: string | null | undefined): number {
  if (!value || !/^\d{1,12}$/.test(value.trim())) return 0;
  return Number(value.trim());
}

/** Headers for an event stream behind proxies: no buffering, no caching, no compression. */
export const SSE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};
