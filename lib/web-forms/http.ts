// The public web form endpoint, step by step: which form (the token), from where (the Origin, against the form's
// list), how often (per client address), what was sent (a form post or JSON, the honeypot), then the lead service.
// Each refusal writes nothing; the answer is JSON for scripts and a page (or a redirect) for a plain HTML form.
import "server-only";
import { clientAddress } from "../auth/throttle-rules";
import { readEnv } from "../env";
import { apiError, type ApiReply } from "../intake/replies";
import { countSubmission, findOpenForm, submitThroughForm } from "./intake";
import { invalidPage, problemPage, thankYouPage } from "./pages";
import { ACCEPTED_TYPES, answerAs, corsHeaders, formFields, honeypotFilled, mediaType, originAllowed, preflightHeaders, requestOrigin } from "./rules";
import { WEB_FORM_FIELDS, WEB_FORM_NAMES } from "./schemas";
import { readBodyLimited } from "../security/body";

/** A lead's fields are a few hundred bytes; this leaves room for long names in any script. */
const MAX_BODY_BYTES = 64 * 1024;
const THANKS = "Thank you. We have your details and will be in touch soon.";
const LABELS = Object.fromEntries(WEB_FORM_FIELDS.map((field) => [field.name, field.label]));

type Mode = "json" | "html";

/** One answer in both forms: JSON for a script, a small page for a person. */
function answer(mode: Mode, reply: ApiReply, page: string, headers: Record<string, string>): Response {
  const common = { "Cache-Control": "no-store", ...headers, ...reply.headers };
  if (mode === "json") return Response.json(reply.body, { status: reply.status, headers: common });
  return new Response(page, { status: reply.status, headers: { ...common, "Content-Type": "text/html; charset=utf-8" } });
}

/** Success, real or the honeypot's: the two must look the same. */
function success(mode: Mode, thankYouUrl: string | null, headers: Record<string, string>): Response {
  if (mode === "html" && thankYouUrl) return new Response(null, { status: 303, headers: { "Cache-Control": "no-store", ...headers, Location: thankYouUrl } });
  return answer(mode, { status: 200, body: { ok: true, message: THANKS } }, thankYouPage(), headers);
}

/** POST /api/v1/forms/{token} */
export async function handleFormPost(request: Request, token: string): Promise<Response> {
  const mode = answerAs(request.headers.get("content-type"), request.headers.get("accept"));
  const vary = { Vary: "Origin" };
  try {
    const form = await findOpenForm(token);
    if (!form) return answer(mode, apiError(404, "not_found", "There is no form at this address."), problemPage("Form not found", "This form is no longer in use. Please contact us another way."), vary);
    const origin = requestOrigin(request.headers.get("origin"));
    if (!originAllowed(origin, form.origins)) {
      return answer(mode, apiError(403, "forbidden", "This form does not accept submissions from this website."), problemPage("Not accepted", "This form does not accept submissions from this website."), vary);
    }
    const cors = corsHeaders(origin, form.origins);
    const limited = await countSubmission(clientAddress(request.headers.get("x-forwarded-for"), readEnv().TANDEM_TRUSTED_PROXY_HOPS));
    if (!limited.ok) {
      const message = `Too many submissions from your network. Try again in ${limited.retryAfterSeconds} s.`;
      return answer(mode, apiError(429, "rate_limited", message, undefined, { "Retry-After": String(limited.retryAfterSeconds) }), problemPage("Please wait", message), cors);
    }
    const read = await readFields(request);
    if (!read.ok) return answer(mode, read.reply, problemPage("Not sent", read.reply.status === 413 ? "The form is too large." : "The form could not be read."), cors);
    // A bot filled the field people never see: it is told what people are told, and nothing is written.
    if (honeypotFilled(read.fields)) return success(mode, form.thankYouUrl, cors);
    const submitted = await submitThroughForm(form, read.fields);
    if (!submitted.ok) {
      return answer(mode, apiError(422, "invalid", "Some fields need attention; nothing was written.", submitted.fieldErrors), invalidPage(submitted.fieldErrors, LABELS), cors);
    }
    // Created or merged, the answer is the same: a public form never says whether an email was already known.
    return success(mode, form.thankYouUrl, cors);
  } catch (error) {
    // Logged for us, never shown: it may carry SQL or internals.
    console.error("[web-form] submission failed", error);
    return answer(mode, apiError(500, "server_error", "Something went wrong and nothing was written. Try again."), problemPage("Not sent", "Something went wrong and nothing was sent. Please try again."), vary);
  }
}

/** OPTIONS /api/v1/forms/{token}: the preflight of a script's JSON post. */
export async function handleFormPreflight(request: Request, token: string): Promise<Response> {
  const form = await findOpenForm(token);
  if (!form) return new Response(null, { status: 404, headers: { Vary: "Origin" } });
  const origin = requestOrigin(request.headers.get("origin"));
  if (!originAllowed(origin, form.origins)) return new Response(null, { status: 403, headers: { Vary: "Origin" } });
  return new Response(null, { status: 204, headers: preflightHeaders(origin) });
}

type Read = { ok: true; fields: Record<string, unknown> } | { ok: false; reply: ApiReply };

/** The posted fields (the lead's and the honeypot, nothing else) from a form post or a JSON object. */
async function readFields(request: Request): Promise<Read> {
  const type = mediaType(request.headers.get("content-type"));
  if (!(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reply: apiError(415, "unsupported", `Send the form as ${ACCEPTED_TYPES.join(", ")}.`) };
  }
  const bytes = await readBodyLimited(request, MAX_BODY_BYTES);
  if (!bytes) return { ok: false, reply: apiError(413, "too_large", `The body must be at most ${MAX_BODY_BYTES / 1024} KB.`) };
  try {
    if (type === "application/json") {
      const body: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (body === null || typeof body !== "object" || Array.isArray(body)) return { ok: false, reply: apiError(400, "bad_request", "Send the fields as one JSON object.") };
      return { ok: true, fields: Object.fromEntries(Object.entries(body).filter(([name]) => WEB_FORM_NAMES.includes(name))) };
    }
    if (type === "application/x-www-form-urlencoded") return { ok: true, fields: formFields(new URLSearchParams(new TextDecoder().decode(bytes)), WEB_FORM_NAMES) };
    const data = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    return { ok: true, fields: formFields(data.entries(), WEB_FORM_NAMES) };
  } catch {
    return { ok: false, reply: apiError(400, "bad_request", "The body could not be read as the content type it claims.") };
  }
}
