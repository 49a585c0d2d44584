// Which requests the web worker answers itself instead of through Next (lib/runtime/direct-api.ts): the intake API's
// lead routes, exactly as their route files define them. Anything else, including a trailing slash, another method or
// an oddly encoded path, goes to Next as before, which answers it as it always did (redirect, 405, 404).

export type DirectRouteName = "leads.POST" | "leads.GET" | "batch.POST" | "lead.GET";

export interface DirectRoute {
  name: DirectRouteName;
  params: Record<string, string>;
}

const LEAD_ID = /^\/api\/v1\/leads\/([^/]+)$/;

/** The route for a request line (method and the raw URL path with its query), or null to leave it to Next. */
export function matchDirectRoute(method: string | undefined, url: string | undefined): DirectRoute | null {
  if (!method || !url) return null;
  const path = url.split("?", 1)[0]!;
  if (path === "/api/v1/leads") {
    if (method === "POST") return { name: "leads.POST", params: {} };
    if (method === "GET") return { name: "leads.GET", params: {} };
    return null;
  }
  if (path === "/api/v1/leads/batch") return method === "POST" ? { name: "batch.POST", params: {} } : null;
  const id = LEAD_ID.exec(path)?.[1];
  if (id === undefined || method !== "GET") return null;
  try {
    // Next hands route handlers their segment decoded.
    return { name: "lead.GET", params: { id: decodeURIComponent(id) } };
  } catch {
    return null;
  }
}
