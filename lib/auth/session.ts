import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The id of the signed-in user according to the session cookie, or null. Says nothing about role or access. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ?? null;
}
