// The intake API as an integration sees it: real route handlers called with real Request objects, real keys.
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/api-keys/service";
import * as leadsRoute from "@/app/api/v1/leads/route";
import * as batchRoute from "@/app/api/v1/leads/batch/route";
import * as leadRoute from "@/app/api/v1/leads/[id]/route";
import { rowCounts } from "./factories";

let sequence = 0;

export async function makeApiKey(name?: string) {
  sequence += 1;
  return createApiKey(null, name ?? `Integration ${sequence}`);
}

interface Call {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  idempotencyKey?: string;
  authorization?: string;
}

function request(method: string, url: string, call: Call): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (call.authorization !== undefined) headers.set("authorization", call.authorization);
  else if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  if (call.idempotencyKey) headers.set("idempotency-key", call.idempotencyKey);
  const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  return new Request(`http://tandem.test${url}`, { method, headers, ...(body !== undefined && { body }) });
}

async function reply(response: Response) {
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const api = {
  postLead: async (call: Call) => reply(await leadsRoute.POST(request("POST", "/api/v1/leads", call))),
  postBatch: async (call: Call) => reply(await batchRoute.POST(request("POST", "/api/v1/leads/batch", call))),
  getByEmail: async (email: string, call: Call) => reply(await leadsRoute.GET(request("GET", `/api/v1/leads?email=${encodeURIComponent(email)}`, call))),
  getById: async (id: string, call: Call) => reply(await leadRoute.GET(request("GET", `/api/v1/leads/${id}`, call), { params: Promise.resolve({ id }) })),
};

/** Every table's row count, the intake API's included, to prove that a refused call wrote nothing. */
export async function intakeCounts() {
  const [apiKeys, idempotencyKeys, sourceTouches] = await Promise.all([db().apiKey.count(), db().idempotencyKey.count(), db().sourceTouch.count()]);
  return { ...(await rowCounts()), apiKeys, idempotencyKeys, sourceTouches };
}
