import "server-only";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The id of the signed-in user according to the session cookie, or null. Says nothing about role or access. */
export async function getSessionUserId(): Promise<string | null> {
  // Who is asking is known only at request time: this keeps every page that asks out of build-time prerendering.
  await connection();
  const session = await getServerSession(authOptions());
  return session?.user?.id ?? null;
}
