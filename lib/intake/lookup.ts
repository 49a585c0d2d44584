// GET /api/v1/leads/{id} and GET /api/v1/leads?email=: what became of a lead an integration sent.
import { fieldErrorsOf } from "../actions/pipeline";
import { leadIdSchema, leadLookupSchema } from "./schemas";
import { leadViewByEmail, leadViewById } from "./queries";
import { apiError, type ApiReply } from "./replies";

export async function findLead(query: { id: string } | { email: string | null }): Promise<ApiReply> {
  if ("id" in query) {
    const id = leadIdSchema.safeParse(query.id);
    const lead = id.success ? await leadViewById(id.data) : null;
    return lead ? { status: 200, body: lead } : apiError(404, "not_found", "There is no lead with this id.");
  }
  const parsed = leadLookupSchema.safeParse({ email: query.email ?? undefined });
  if (!parsed.success) return apiError(422, "invalid", "Give the lead's email as ?email=.", fieldErrorsOf(parsed.error));
  const lead = await leadViewByEmail(parsed.data.email);
  return lead ? { status: 200, body: lead } : apiError(404, "not_found", "There is no lead with this email.");
}
