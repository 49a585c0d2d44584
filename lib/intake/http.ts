// The steps every intake route takes before its own work: who is calling (the API key), may they (the key's rate
// limit), and what did they send (JSON within the size limit). Route handlers stay one line each.
import "server-only";
import { authenticateApiKey, type ApiCaller } from "../api-keys/service";
import { bearerToken } from "../api-keys/rules";
import { isValidIdempotencyKey } from "./rules";
import { apiError, toResponse, type ApiReply } from "./replies";
import { readBodyLimited } from "../security/body";

/** A thousand leads of the largest allowed fields fit well inside this. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const UNAUTHORIZED = {
  missing: "Send your API key as `Authorization: Bearer <key>`.",
  unknown: "This API key is not valid.",
  revoked: "This API key was revoked.",
} as const;

export interface ApiRequestContext {
  caller: ApiCaller;
  idempotencyKey: string | null;
  readJson: () => Promise<{ ok: true; body: unknown } | { ok: false; reply: ApiReply }>;
}

export async function handleApiRequest(request: Request, work: (context: ApiRequestContext) => Promise<ApiReply>): Promise<Response> {
  try {
    const auth = await authenticateApiKey(bearerToken(request.headers.get("authorization")));
    if (!auth.ok) {
      if (auth.status === 429) {
        return toResponse(apiError(429, "rate_limited", `Too many requests for this API key. Try again in ${auth.retryAfterSeconds} s.`, undefined, { "Retry-After": String(auth.retryAfterSeconds) }));
      }
      return toResponse(apiError(401, "unauthorized", UNAUTHORIZED[auth.reason], undefined, { "WWW-Authenticate": 'Bearer realm="tandem"' }));
    }
    const idempotencyKey = request.headers.get("idempotency-key");
    if (idempotencyKey !== null && !isValidIdempotencyKey(idempotencyKey)) {
      return toResponse(apiError(400, "bad_request", "Idempotency-Key must be 1 to 255 visible ASCII characters."));
    }
    return toResponse(await work({ caller: auth.caller, idempotencyKey, readJson: () => readJson(request) }));
  } catch (error) {
    // Logged for us, never shown: it may carry SQL or internals. A caller that hung up mid-body is not a failure.
    if (!clientHungUp(error)) console.error("[api] request failed", error);
    return toResponse(apiError(500, "server_error", "Something went wrong and nothing was written. Try again."));
  }
}

function clientHungUp(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: string }).code === "ECONNRESET" && error.message === "aborted";
}

async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; reply: ApiReply }> {
  const bytes = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!bytes) return { ok: false, reply: apiError(413, "too_large", `The body must be at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`) };
  try {
    return { ok: true, body: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { ok: false, reply: apiError(400, "bad_request", "The body is not valid JSON.") };
  }
}
