// Pure rules of the public web forms: the form token, which origins may post, the honeypot, how a caller wants its
// answer, the CORS headers, and the embeddable HTML snippet. No database, no framework. Unit-tested in
// tests/unit/web-forms-rules.test.ts.
import type { Role } from "../db/enums";
import { refuseCampaignEdit } from "../campaigns/rules";

/** Every form token starts with this, so a token is recognisable (and never mistaken for an API key, `tdm_`). */
export const TOKEN_PREFIX = "wf_";
/** 24 random bytes in base64url: 32 characters. */
const TOKEN_PATTERN = /^wf_[A-Za-z0-9_-]{32}$/;

/** A form token from 24 random bytes (the caller supplies them, so this stays pure). */
export function formatFormToken(secret: Uint8Array): string {
  if (secret.length !== 24) throw new Error("A form token needs exactly 24 random bytes.");
  return TOKEN_PREFIX + Buffer.from(secret).toString("base64url");
}

export function looksLikeFormToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * Why this person may not change a campaign's web form, or null when they may: whoever may edit the campaign (its
 * marketer, or the marketing manager).
 */
export function refuseWebFormChange(actor: { id: string; role: Role }, campaign: { ownerId: string }): string | null {
  if (refuseCampaignEdit(actor, campaign) === null) return null;
  return actor.role === "MARKETER"
    ? "Only the marketer who runs this campaign, or the marketing manager, can change its web form."
    : "Only marketing manages web forms.";
}

/** Most origins one form may list. */
export const MAX_ORIGINS = 20;
/** Hosts that may use plain http: a developer's own machine. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type OriginCheck = { ok: true; origin: string } | { ok: false; error: string };

/**
 * An origin as a browser sends it in the `Origin` header: `https://host[:port]` (or `http://localhost[:port]`), with
 * nothing after the host but an optional single "/". Normalised: scheme and host lower-case, the default port dropped
 * (browsers never send it), so the stored list compares exactly with what browsers send. Wildcards, paths, queries,
 * user names and other schemes are refused: each origin is one exact website.
 */
export function parseOrigin(input: string): OriginCheck {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Enter an origin such as https://www.example.com" };
  if (text.includes("*")) return { ok: false, error: `${text}: wildcards are not allowed; list each website's exact origin` };
  const match = /^(https?):\/\/([^/?#]+?)\/?$/i.exec(text);
  if (!match) return { ok: false, error: `${text}: an origin is https://host or https://host:port, without a path` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `${text}: not a valid origin` };
  }
  if (url.username || url.password || match[2]!.includes("@")) return { ok: false, error: `${text}: an origin has no user name or password` };
  const scheme = url.protocol.replace(/:$/, "");
  if (scheme === "http" && !LOCAL_HOSTS.has(url.hostname)) return { ok: false, error: `${text}: use https (plain http only for localhost)` };
  if (!url.hostname || url.hostname.endsWith(".")) return { ok: false, error: `${text}: not a valid host name` };
  // URL keeps a port only when it is not the scheme's default, and lower-cases the host: the browser's own spelling.
  return { ok: true, origin: url.origin };
}

/** The exact origin a request was made from (its Origin header), or null when there is none to trust. */
export function requestOrigin(originHeader: string | null | undefined): string | null {
  // Browsers send "null" from sandboxed frames, file:// pages and some redirects: it names no website.
  if (!originHeader || originHeader === "null") return null;
  const parsed = /^(https?):\/\/[^/?#\s]+$/i.test(originHeader) ? safeOrigin(originHeader) : null;
  return parsed;
}

function safeOrigin(text: string): string | null {
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/** Whether a request from this origin may post to a form with these origins. Exact match only. */
export function originAllowed(origin: string | null, allowed: readonly string[]): origin is string {
  return origin !== null && allowed.includes(origin);
}

/**
 * The hidden field a person never sees or fills in; form-filling bots do. A submission with it filled gets the same
 * answer as a real one and writes nothing. Named like a field a bot expects, and not one of the lead's fields.
 */
export const HONEYPOT_FIELD = "website";

export function honeypotFilled(body: Readonly<Record<string, unknown>>): boolean {
  const value = body[HONEYPOT_FIELD];
  if (value === undefined || value === null) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/**
 * How the caller wants its answer: JSON for a script (a JSON body, or `Accept: application/json`), else HTML for a
 * plain form post that the browser shows as a page.
 */
export function answerAs(contentType: string | null | undefined, accept: string | null | undefined): "json" | "html" {
  if (mediaType(contentType) === "application/json") return "json";
  const accepted = (accept ?? "").toLowerCase();
  return accepted.includes("application/json") && !accepted.includes("text/html") ? "json" : "html";
}

/** The media type of a Content-Type header, lower-case, without parameters ("multipart/form-data"). */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export const ACCEPTED_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"] as const;

/** Most seconds a browser may cache a preflight's answer. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * The CORS headers of an answer to a request from `origin`: the origin echoed only when the form lists it (never
 * "*", never credentials), and `Vary: Origin` always, so a cache never serves one site's answer to another.
 */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  return originAllowed(origin, allowed) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
}

/** The answer to a preflight (OPTIONS) from an allowed origin: POST with the content types above. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
    "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE),
    Vary: "Origin",
  };
}

/** Whole seconds until a window that started at `windowStart` ends (at least 1): the Retry-After of a refusal. */
export function retryAfterSeconds(windowStart: Date, windowSeconds: number, now: Date): number {
  const remaining = windowStart.getTime() + windowSeconds * 1000 - now.getTime();
  return Math.max(1, Math.ceil(remaining / 1000));
}

/**
 * The submitted fields of a form post as plain strings: the first value of each name, files ignored (a lead has
 * none), names outside `known` dropped so nothing unexpected reaches the schema.
 */
export function formFields(entries: Iterable<[string, unknown]>, known: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!known.includes(name) || name in fields || typeof value !== "string") continue;
    fields[name] = value;
  }
  return fields;
}

/** A thank-you address: https (or http on localhost), no user name, at most 2,000 characters. */
export function parseThankYouUrl(input: string): { ok: true; url: string } | { ok: false; error: string } {
  const text = input.trim();
  if (text.length > 2000) return { ok: false, error: "The address must be at most 2,000 characters" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: "Enter a full address such as https://www.example.com/thanks" };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
    return { ok: false, error: "Use an https address (plain http only for localhost)" };
  }
  if (url.username || url.password) return { ok: false, error: "The address must not contain a user name or password" };
  return { ok: true, url: url.href };
}

// ---------------------------------------------------------------------------------------------------------------
// The embeddable snippet.

export interface SnippetField {
  name: string;
  label: string;
  required: boolean;
  type: "text" | "email" | "number" | "select";
  autocomplete?: string;
  /** For a select: [value, label] pairs. */
  options?: readonly (readonly [string, string])[];
}

/** Text made safe inside HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function fieldHtml(field: SnippetField): string {
  const id = `tandem-${field.name}`;
  const required = field.required ? " required" : "";
  const autocomplete = field.autocomplete ? ` autocomplete="${escapeHtml(field.autocomplete)}"` : "";
  const label = `  <label for="${id}">${escapeHtml(field.label)}${field.required ? "" : " (optional)"}</label>`;
  if (field.type === "select") {
    const options = [`    <option value="">Choose…</option>`, ...(field.options ?? []).map(([value, text]) => `    <option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`)];
    return [label, `  <select id="${id}" name="${escapeHtml(field.name)}"${required}>`, ...options, "  </select>"].join("\n");
  }
  const min = field.type === "number" ? ' min="1" step="1"' : "";
  return [label, `  <input id="${id}" name="${escapeHtml(field.name)}" type="${field.type}"${min}${autocomplete}${required}>`].join("\n");
}

/**
 * A plain HTML form to paste into a page of the company's website: posts to `action` (the form's endpoint) with the
 * lead's fields, in the order given, and the hidden honeypot. No script and no styling beyond hiding the honeypot.
 */
export function webFormSnippet(action: string, fields: readonly SnippetField[]): string {
  return [
    `<form method="post" action="${escapeHtml(action)}" accept-charset="UTF-8">`,
    ...fields.map(fieldHtml),
    "  <!-- Leave this field hidden and empty: it catches bots. -->",
    `  <div aria-hidden="true" style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden">`,
    `    <label for="tandem-${HONEYPOT_FIELD}">Leave this empty</label>`,
    `    <input id="tandem-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off">`,
    "  </div>",
    `  <button type="submit">Send</button>`,
    "</form>",
  ].join("\n");
}

/** The address of a form's endpoint on this Tandem. */
export function formEndpoint(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/api/v1/forms/${encodeURIComponent(token)}`;
}
