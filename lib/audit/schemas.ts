import { z } from "zod";

/** A value from the URL, or nothing: a hand-edited URL with a bad value shows the unfiltered list, not an error page. */
const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
  z.string().max(100).optional(),
).catch(undefined);

const optionalDay = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? value : undefined),
  z.iso.date().optional(),
).catch(undefined);

/** The audit log's filters, read from the page's search parameters (a GET form, so every view has a URL). */
export const auditQuerySchema = z.object({
  action: optionalText,
  entityType: optionalText,
  actor: optionalText,
  /** First day included, YYYY-MM-DD (UTC). */
  from: optionalDay,
  /** Last day included, YYYY-MM-DD (UTC). */
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;
