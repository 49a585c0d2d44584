// The intake API's answers as plain values (status, body, headers), so services and tests need no HTTP objects.
import type { z } from "zod";
import type { errorBodySchema } from "./schemas";
// The intake API's JSON is never a page: it carries API_SECURITY_HEADERS itself, since proxy.ts skips these routes.
import { API_SECURITY_HEADERS } from "../security/headers";

export interface ApiReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type ErrorCode = z.output<typeof errorBodySchema>["error"]["code"];

export function apiError(status: number, code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>, headers?: Record<string, string>): ApiReply {
  return { status, body: { error: { code, message, ...(fieldErrors && { fieldErrors }) } }, ...(headers && { headers }) };
}

export function toResponse(reply: ApiReply): Response {
  return Response.json(reply.body, { status: reply.status, headers: { ...API_SECURITY_HEADERS, "Cache-Control": "no-store", ...reply.headers } });
}
