// The shape every server action returns, so forms can show field errors and a form-level message uniformly.
export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors };

/** A refusal the user should read: a business rule, a permission, a conflict. Its message is safe to show. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly code: "invalid" | "forbidden" | "not_found" | "conflict" = "invalid",
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function fail(formError: string, fieldErrors?: FieldErrors): { ok: false; formError: string; fieldErrors?: FieldErrors } {
  return fieldErrors ? { ok: false, formError, fieldErrors } : { ok: false, formError };
}
