/*
 * Checks on server-action requests that Next 16 itself answers with a 500: a cross-origin
 * Origin, a body over the 1 MB action limit, a malformed action id, and bodies React cannot
 * decode. Runs in proxy.ts before Next sees the request, and is pure over the Fetch API
 * Request so tests and the fuzzer exercise the same code.
 */

/** Next's default serverActions.bodySizeLimit. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const ACTION_ID = /^[0-9a-f]{40,64}$/i;

function reject(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The host the browser addressed (after scripts/server.ts removed untrusted forwarding). */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host') ?? headers.get('host');
}

/** Cross-origin check: a present Origin must name this host. */
export function checkOrigin(headers: Headers): Response | null {
  const origin = headers.get('origin');
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return reject(403, 'Cross-origin request refused.');
  }
  return host === requestHost(headers) ? null : reject(403, 'Cross-origin request refused.');
}

/**
 * A string in a decoded reply that React would treat as a reference. In a text/plain
 * body there are no other parts to refer to, so only the self-contained forms are allowed
 * ("$$" escapes, $undefined, dates, bigints and special numbers).
 */
function isSelfContained(value: string): boolean {
  return (
    !value.startsWith('$') ||
    /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D[\d:.TZ+-]+$|n-?\d+$)/.test(value)
  );
}

function walk(value: unknown, depth: number, ok: (s: string) => boolean): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return ok(value);
  if (Array.isArray(value)) return value.every((item) => walk(item, depth + 1, ok));
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => ok(key) && walk(item, depth + 1, ok));
  }
  return true;
}

/** Validates a text/plain action body: a JSON array of self-contained values. */
export function checkPlainActionBody(body: string): Response | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return reject(400, 'Malformed action body.');
  }
  if (!Array.isArray(parsed) || !walk(parsed, 0, isSelfContained)) {
    return reject(400, 'Malformed action body.');
  }
  return null;
}

function parseJson(value: FormDataEntryValue | null): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function validBoundAction(form: FormData, prefix: string): boolean {
  const meta = parseJson(form.get(`${prefix}0`));
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return false;
  const { id, bound } = meta as { id?: unknown; bound?: unknown };
  if (typeof id !== 'string' || !ACTION_ID.test(id)) return false;
  if (bound === null || bound === undefined) return true;
  const part = typeof bound === 'string' ? /^\$@([0-9a-f]{1,6})$/.exec(bound)?.[1] : undefined;
  if (part === undefined) return false;
  const args = parseJson(form.get(`${prefix}${parseInt(part, 16)}`));
  return Array.isArray(args) && walk(args, 0, isSelfContained);
}

/**
 * Validates a multipart action body: parseable, with a JSON root in part "0" whose only
 * references are FormData arguments ("$K<id>", encoded by React for a FormData argument)
 * that point at present "_<id>_<field>" parts. Maps, sets, promises, blobs and server
 * references are refused: no action of this app takes them, and React throws on dangling ones.
 */
export function checkMultipartActionBody(
  form: FormData,
  hasActionHeader: boolean,
): Response | null {
  const keys = [...form.keys()];
  if (!hasActionHeader) {
    // A no-JavaScript form post names its action in a field: "$ACTION_ID_<id>", or for a
    // bound action (useActionState) "$ACTION_REF_<n>" with metadata in "$ACTION_<n>:0"
    // ({"id", "bound": null | "$@<part>"}) and the bound arguments in "$ACTION_<n>:<part>".
    for (const key of keys) {
      if (key.startsWith('$ACTION_ID_')) {
        if (!ACTION_ID.test(key.slice('$ACTION_ID_'.length)))
          return reject(400, 'Malformed action id.');
        continue;
      }
      const ref = /^\$ACTION_REF_(\d{1,6})$/.exec(key)?.[1];
      if (ref === undefined) continue;
      if (!validBoundAction(form, `$ACTION_${ref}:`))
        return reject(400, 'Malformed action metadata.');
    }
    return null;
  }
  const root = form.get('0');
  if (typeof root !== 'string') return reject(400, 'Malformed action body.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(root);
  } catch {
    return reject(400, 'Malformed action body.');
  }
  // Next encodes a FormData argument's fields as "_<id>_<field>" (React's "<prefix><id>_").
  const prefixes = new Set(keys.map((key) => /^_*(\d+)_/.exec(key)?.[1]).filter(Boolean));
  const resolvable = (value: string) => {
    if (isSelfContained(value)) return true;
    const ref = /^\$K([0-9a-f]{1,6})$/.exec(value);
    return ref !== null && prefixes.has(String(parseInt(ref[1] ?? '', 16)));
  };
  if (!Array.isArray(parsed) || !walk(parsed, 0, resolvable))
    return reject(400, 'Malformed action body.');
  return null;
}

/**
 * Everything proxy.ts checks for a POST that may run a server action; null when Next may
 * handle it. Reads at most ACTION_BODY_LIMIT bytes of the body (from a clone).
 */
export async function checkActionRequest(request: Request): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  const headers = request.headers;
  const actionId = headers.get('next-action');
  const type = headers.get('content-type') ?? '';
  const isMultipart = type.startsWith('multipart/form-data');
  if (actionId === null && !isMultipart) return null;
  if (actionId !== null && !ACTION_ID.test(actionId)) return reject(400, 'Malformed action id.');
  const origin = checkOrigin(headers);
  if (origin) return origin;
  const length = Number(headers.get('content-length') ?? Number.NaN);
  if (!Number.isFinite(length)) return reject(411, 'Content-Length required.');
  if (length > ACTION_BODY_LIMIT) return reject(413, 'Request body over 1 MB.');
  if (isMultipart) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return reject(400, 'Malformed multipart body.');
    }
    return checkMultipartActionBody(form, actionId !== null);
  }
  if (actionId === null) return null;
  if (
    type !== '' &&
    !type.startsWith('text/plain') &&
    !type.startsWith('application/x-www-form-urlencoded')
  ) {
    return reject(415, 'Unsupported action content type.');
  }
  return checkPlainActionBody(await request.clone().text());
}
