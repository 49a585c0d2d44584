// Text that cannot be stored as it was sent, refused before any schema or service sees it. PostgreSQL refuses a NUL
// character in text (the write failed with an internal error), and a lone UTF-16 surrogate has no UTF-8 form (it was
// silently stored as U+FFFD, so the saved text was not what was sent). Other C0 control characters (except tab, line
// feed and carriage return) are never typed text either. Right-to-left marks and other format characters are real
// text in some languages and stay allowed. Pure: used by the action pipeline and the intake API, unit-tested.
export const UNSAFE_TEXT_MESSAGE = "Remove the control characters or broken symbols from this text";

// A NUL or other C0 control (not \t \n \r), a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/** Inputs nest a few levels at most (a definition's rules); deeper than this is not a form, and is left to the schema. */
const MAX_DEPTH = 8;

/**
 * The dotted path of every string (value or key) in `input` that cannot be stored as sent, with a message, or null
 * when there is none. Paths match the pipeline's field errors ("rules.rejectionReasons.0.label"); a bad key is reported
 * under its parent's path.
 */
export function unsafeTextErrors(input: unknown): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const visit = (value: unknown, path: string[], depth: number) => {
    if (typeof value === "string") {
      if (isUnsafeText(value)) errors[path.join(".") || "_form"] = [UNSAFE_TEXT_MESSAGE];
      return;
    }
    if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return;
    if (typeof FormData !== "undefined" && value instanceof FormData) {
      for (const [key, entry] of value.entries()) visit(entry, [...path, key], depth + 1);
      return;
    }
    for (const key of Object.keys(value)) {
      if (isUnsafeText(key)) errors[path.join(".") || "_form"] = [UNSAFE_TEXT_MESSAGE];
      visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  visit(input, [], 0);
  return Object.keys(errors).length > 0 ? errors : null;
}
