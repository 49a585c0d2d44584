// Zod runs an object's cross-field refinements even when one of its fields already failed (with that field's raw
// value, of any type), so a refinement that reads a date or a list could throw instead of answering with field
// errors. Every cross-field check takes one of these options: it runs only once the fields it reads are valid.
import type { z } from "zod";

/** Runs the check only when nothing inside the value failed. */
export const onlyWhenValid = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

/** Runs the check only when none of these fields (of the object being checked) failed, so other fields' errors and this check's still show together. */
export function whenFieldsValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
  };
}
