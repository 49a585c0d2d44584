import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldErrors } from "@/lib/actions/result";

/** Shows the server's field errors on the form's fields, exactly where the browser's own checks would. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: FieldErrors | undefined) {
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages?.[0];
    if (message) setError(field as Path<T>, { type: "server", message }, { shouldFocus: true });
  }
}
