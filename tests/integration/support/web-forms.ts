// A campaign's web form as a website sees it: the real route handler called with real Request objects.
import { db } from "@/lib/db/client";
import * as formRoute from "@/app/api/v1/forms/[token]/route";
import { intakeCounts } from "./intake";

export const SITE = "https://www.customer-site.test";

interface Post {
  origin?: string | null;
  address?: string;
  accept?: string;
}

function headersFor(post: Post, contentType?: string): Headers {
  const headers = new Headers({ "x-forwarded-for": post.address ?? "203.0.113.7" });
  if (contentType) headers.set("content-type", contentType);
  if (post.origin !== null) headers.set("origin", post.origin ?? SITE);
  if (post.accept) headers.set("accept", post.accept);
  return headers;
}

const params = (token: string) => ({ params: Promise.resolve({ token }) });
const url = (token: string) => `http://tandem.test/api/v1/forms/${encodeURIComponent(token)}`;

async function reply(response: Response) {
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("application/json") ? (JSON.parse(text) as Record<string, any>) : null; // eslint-disable-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, text, json };
}

export const form = {
  /** A browser's plain HTML form post (urlencoded). */
  postForm: async (token: string, fields: Record<string, string>, post: Post = {}) =>
    reply(
      await formRoute.POST(
        new Request(url(token), { method: "POST", headers: headersFor({ accept: "text/html,*/*;q=0.8", ...post }, "application/x-www-form-urlencoded"), body: new URLSearchParams(fields).toString() }),
        params(token),
      ),
    ),
  /** A script's multipart post (FormData); the runtime sets the boundary. */
  postMultipart: async (token: string, fields: Record<string, string>, post: Post = {}) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    const encoded = new Request("http://encode.test", { method: "POST", body: data });
    const headers = headersFor({ accept: "application/json", ...post }, encoded.headers.get("content-type")!);
    return reply(await formRoute.POST(new Request(url(token), { method: "POST", headers, body: await encoded.arrayBuffer() }), params(token)));
  },
  postJson: async (token: string, body: unknown, post: Post = {}) =>
    reply(await formRoute.POST(new Request(url(token), { method: "POST", headers: headersFor(post, "application/json"), body: JSON.stringify(body) }), params(token))),
  preflight: async (token: string, post: Post = {}) => {
    const headers = headersFor(post);
    headers.set("access-control-request-method", "POST");
    headers.set("access-control-request-headers", "content-type");
    return reply(await formRoute.OPTIONS(new Request(url(token), { method: "OPTIONS", headers }), params(token)));
  },
};

/** What a visitor types: strings, as a browser sends them. */
let sequence = 0;
export function visitor(overrides: Record<string, string> = {}): Record<string, string> {
  sequence += 1;
  return {
    name: `Visitor ${sequence}`,
    email: `visitor.${sequence}@prospect.test`,
    title: "Head of Operations",
    company: `Prospect ${sequence} GmbH`,
    companySize: "250",
    industry: "Software",
    country: "DE",
    website: "",
    ...overrides,
  };
}

/** Every table the intake writes, web forms and rate-limit counters included. */
export async function formCounts() {
  const [webForms, rateLimits] = await Promise.all([db().webForm.count(), db().rateLimit.count()]);
  return { ...(await intakeCounts()), webForms, rateLimits };
}
