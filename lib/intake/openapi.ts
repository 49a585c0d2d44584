// The OpenAPI 3.1 document of the intake API, generated from the same zod schemas the server validates with (zod 4's
// own JSON Schema output), so the document cannot drift from what the API accepts.
import { z } from "zod";
import { readEnv } from "../env";
import { MAX_BATCH } from "./rules";
import { batchDocumentSchema, batchResultSchema, errorBodySchema, intakeLeadSchema, intakeResultSchema, leadViewSchema } from "./schemas";
import { webFormDocumentSchema } from "../web-forms/schemas";

/** JSON Schema of what a schema accepts once parsed; unknown fields are ignored by the server, so they are allowed. */
function jsonSchema(schema: z.ZodType) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
    override: (context) => {
      delete (context.jsonSchema as Record<string, unknown>).additionalProperties;
    },
  }) as Record<string, unknown>;
  return rest;
}

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json("Error") });

const COMMON_ERRORS = {
  "401": error("No API key, an unknown one, or a revoked one."),
  "429": { ...error("Over this key's rate limit. Wait the seconds in Retry-After."), headers: { "Retry-After": { schema: { type: "integer" } } } },
};
const WRITE_ERRORS = {
  "400": error("The body is not JSON, or the Idempotency-Key header is malformed."),
  "409": error("This Idempotency-Key was already used with a different body."),
  "413": error("The body is too large."),
};
const IDEMPOTENCY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Any unique string (a UUID). A retry with the same key and body returns the first response and writes nothing new; kept 24 hours.",
  schema: { type: "string", maxLength: 255 },
};

export function openApiDocument() {
  const env = readEnv();
  return {
    openapi: "3.1.0",
    info: {
      title: "Tandem intake API",
      version: "1.0.0",
      description: `Send leads to Tandem; they are scored, qualified and handed over exactly like leads typed in the form. Each API key may make ${env.INTAKE_RATE_LIMIT} requests per ${env.INTAKE_RATE_WINDOW_SECONDS} s.`,
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/leads": {
        post: {
          summary: "Send one lead",
          description: "A lead whose email (trimmed, lower-cased) already exists is merged into it: empty fields are filled and the new source is recorded.",
          parameters: [IDEMPOTENCY],
          requestBody: { required: true, content: json("LeadInput") },
          responses: {
            "201": { description: "Created a new lead.", content: json("IntakeResult") },
            "200": { description: "Merged into the lead with this email.", content: json("IntakeResult") },
            "422": error("Invalid fields, each with its errors; nothing was written."),
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
        get: {
          summary: "Find a lead by email",
          parameters: [{ name: "email", in: "query", required: true, schema: { type: "string", format: "email" } }],
          responses: { "200": { description: "The lead.", content: json("Lead") }, "404": error("No lead has this email."), "422": error("No valid email given."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/leads/batch": {
        post: {
          summary: `Send up to ${MAX_BATCH} leads`,
          description: "Every lead is checked. If any is invalid, nothing is written (422) unless `partial` is true, in which case the valid ones are written (200). Each result says what became of its lead.",
          parameters: [IDEMPOTENCY],
          requestBody: { required: true, content: json("BatchInput") },
          responses: {
            "200": { description: "Written (all, or the valid ones with partial).", content: json("BatchResult") },
            "422": { description: "Some leads are invalid and partial is false: nothing was written.", content: json("BatchResult") },
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/forms/{token}": {
        post: {
          summary: "Send a campaign's web form (public: no API key)",
          description:
            "What the HTML snippet on a campaign's page posts, from a company's own website. The token names the form; only the form's listed origins may post (the `Origin` header must match one exactly; CORS answers echo it, never `*`). " +
            `Each client address may send ${env.WEBFORM_RATE_LIMIT} submissions per ${env.WEBFORM_RATE_WINDOW_SECONDS} s to all forms together. ` +
            "The lead is validated with the lead schema, its source set to WEBSITE and its campaign to the form's, and written like an API lead (scored, qualified, handed over, merged by email). " +
            "A JSON body, or `Accept: application/json`, gets JSON answers; a plain form post gets a thank-you page, or a 303 to the form's thank-you address. Created and merged leads get the same answer.",
          security: [],
          parameters: [{ name: "token", in: "path", required: true, schema: { type: "string", pattern: "^wf_[A-Za-z0-9_-]{32}$" } }],
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/WebFormInput" } },
              "multipart/form-data": { schema: { $ref: "#/components/schemas/WebFormInput" } },
              "application/json": { schema: { $ref: "#/components/schemas/WebFormInput" } },
            },
          },
          responses: {
            "200": {
              description: "Received (or the honeypot was filled: the same answer, nothing written).",
              content: { "application/json": { schema: { type: "object", properties: { ok: { const: true }, message: { type: "string" } }, required: ["ok", "message"] } }, "text/html": { schema: { type: "string" } } },
            },
            "303": { description: "Received; a plain form post is sent to the form's thank-you address.", headers: { Location: { schema: { type: "string" } } } },
            "400": error("The body is not what its content type says, or JSON that is not an object."),
            "403": error("The request's origin is not one of the form's (nothing written)."),
            "404": error("No enabled form has this token: unknown, turned off, or replaced (nothing written)."),
            "413": error("The body is too large."),
            "415": error("Not a form post or JSON."),
            "422": error("Invalid fields, each with its errors; nothing was written."),
            "429": { ...error("Too many submissions from this address. Wait the seconds in Retry-After."), headers: { "Retry-After": { schema: { type: "integer" } } } },
          },
        },
        options: {
          summary: "CORS preflight of a script's post",
          security: [],
          parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
          responses: { "204": { description: "The origin is one of the form's: the allowed method and headers." }, "403": { description: "Another origin." }, "404": { description: "No enabled form has this token." } },
        },
      },
      "/api/v1/leads/{id}": {
        get: {
          summary: "Get a lead: its stage, score and owner",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The lead.", content: json("Lead") }, "404": error("No lead has this id."), ...COMMON_ERRORS },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key made by an admin in Tandem (Admin → API keys)." } },
      schemas: {
        LeadInput: jsonSchema(intakeLeadSchema),
        BatchInput: jsonSchema(batchDocumentSchema),
        Lead: jsonSchema(leadViewSchema),
        IntakeResult: jsonSchema(intakeResultSchema),
        BatchResult: jsonSchema(batchResultSchema),
        Error: jsonSchema(errorBodySchema),
        WebFormInput: jsonSchema(webFormDocumentSchema),
      },
    },
  };
}
