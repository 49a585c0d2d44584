import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { can, type Permission } from "../auth/permissions";
import { Prisma } from "../db/client";
import { unsafeTextErrors } from "../security/text";
import { DomainError, type ActionResult } from "./result";

interface ActionSpec<S extends z.ZodType, T> {
  permission: Permission;
  schema: S;
  input: unknown;
  run: (user: CurrentUser, data: z.output<S>) => Promise<T>;
  revalidate?: string[];
}

/**
 * Every server action is this pipeline: who asks → may they → is the input valid → do it (the service checks record
 * ownership and writes in one transaction) → refresh the pages that show it. Server actions are public endpoints,
 * so none of these steps may be skipped, whatever the UI shows.
 */
export async function runAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: "Your session has ended. Sign in again." };
  if (!can(user.role, spec.permission)) {
    return { ok: false, formError: "Your role does not allow this. Nothing was changed." };
  }
  // Text the database cannot store as sent (NUL, lone surrogates) is refused like any invalid field, not left to fail
  // inside the write.
  const unsafe = unsafeTextErrors(spec.input);
  if (unsafe) return { ok: false, formError: "Some fields need attention.", fieldErrors: unsafe };
  const parsed = spec.schema.safeParse(spec.input);
  if (!parsed.success) {
    return {
      ok: false,
      formError: "Some fields need attention.",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  }
  try {
    const data = await spec.run(user, parsed.data);
    for (const path of spec.revalidate ?? []) revalidatePath(path);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof DomainError) {
      return error.fieldErrors
        ? { ok: false, formError: error.message, fieldErrors: error.fieldErrors }
        : { ok: false, formError: error.message };
    }
    if (isWriteConflict(error)) {
      return { ok: false, formError: "Someone else changed this at the same moment. Nothing was saved; try again." };
    }
    // Unexpected failures are logged for us and never shown raw: they may carry SQL or internals.
    console.error(`[action] ${spec.permission} failed`, error);
    return { ok: false, formError: "Something went wrong and nothing was saved. Please try again." };
  }
}

/** A serialization failure or deadlock: the database refused one of two simultaneous writes, and it left no trace. */
function isWriteConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}

/**
 * Every problem under the dotted path of the field it belongs to ("email", "rules.fit.companySize.max"), so a form
 * with nested fields can show each message where it belongs. Problems with the input as a whole go under "_form".
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
