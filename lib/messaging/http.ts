import "server-only";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { can, type Permission } from "../auth/permissions";

/**
 * Route handlers are public endpoints like server actions: the same checks, answered as HTTP. The session user is
 * re-read from the database (a deactivated user gets 401), then the permission table decides.
 */
export async function apiUser(permission: Permission): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  if (!can(user.role, permission)) return Response.json({ error: "Your role does not allow this." }, { status: 403 });
  return user;
}

/** Polled answers must never be cached by a browser or a proxy: they are per user and change every few seconds. */
export function privateJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}

export const NOT_FOUND = { error: "That conversation does not exist, or you may not see it." };
