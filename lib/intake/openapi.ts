// The OpenAPI 3.1 document of the intake API, generated from the same zod schemas the server validates with (zod 4's
// own JSON Schema output), so the document cannot drift from what the API accepts.
import { z } from "zod";
import { readEnv } from "../env";
import { MAX_BATCH } from "./rules";
import { batchDocumentSchema, batchResultSchema, errorBodySchema, intakeLeadSchema, intakeResultSchema, leadViewSchema } from "./schemas";

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
      },
    },
  };
}
