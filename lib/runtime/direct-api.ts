// The intake API's lead routes answered by the web worker itself, with the very handlers of their route files, instead
// of through Next's request pipeline. Measured on this machine (README, intake API): Next's routing, rendering context
// and body handling cost more per request than taking in a lead does, so the single-lead endpoint was held to the
// rate of an empty route. These routes are JSON only (no page, no session, no proxy headers: lib/intake/replies.ts
// sets their own), so nothing that Next adds is lost. Every other request, and every request in development, still
// goes through Next.
import type http from "node:http";
import { register } from "node:module";
import { Readable } from "node:stream";
import { apiError, toResponse } from "../intake/replies";
import { matchDirectRoute, type DirectRouteName } from "./direct-routes";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let handlers: Promise<Record<DirectRouteName, Handler>> | undefined;

/** The route files' own exports, loaded once (the first request pays for it). */
function loadHandlers(): Promise<Record<DirectRouteName, Handler>> {
  if (!handlers) {
    register("./server-only-loader.mjs", import.meta.url);
    handlers = Promise.all([import("../../app/api/v1/leads/route"), import("../../app/api/v1/leads/batch/route"), import("../../app/api/v1/leads/[id]/route")]).then(
      ([leads, batch, lead]) => ({ "leads.POST": leads.POST, "leads.GET": leads.GET, "batch.POST": batch.POST, "lead.GET": lead.GET as Handler }),
    );
  }
  return handlers;
}

/** Answers the request if it is one of the direct routes (true), or leaves it untouched for Next (false). */
export function serveDirect(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const route = matchDirectRoute(request.method, request.url);
  if (!route) return false;
  void answer(request, response, route.name, route.params);
  return true;
}

async function answer(request: http.IncomingMessage, response: http.ServerResponse, name: DirectRouteName, params: Record<string, string>) {
  let reply: Response;
  try {
    const handler = (await loadHandlers())[name];
    reply = await handler(toWebRequest(request), { params: Promise.resolve(params) });
  } catch (error) {
    // The handlers answer their own failures; this is the loading of them failing.
    console.error("[api] request failed", error);
    reply = toResponse(apiError(500, "server_error", "Something went wrong and nothing was written. Try again."));
  }
  const body = Buffer.from(await reply.arrayBuffer());
  if (response.destroyed) return;
  response.writeHead(reply.status, { ...Object.fromEntries(reply.headers), "content-length": String(body.length) });
  response.end(body);
}

function toWebRequest(request: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = `http://${request.headers.host ?? "localhost"}${request.url}`;
  if (request.method === "GET" || request.method === "HEAD") return new Request(url, { method: request.method, headers });
  // The body is streamed, not read here: the handler checks its size before reading it (lib/intake/http.ts).
  return new Request(url, { method: request.method, headers, body: Readable.toWeb(request) as ReadableStream, duplex: "half" } as RequestInit);
}
