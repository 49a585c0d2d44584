import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { findVisibleSubject } from "@/lib/messaging/access";
import { apiUser, NOT_FOUND, privateJson } from "@/lib/messaging/http";
import { listMentionCandidates } from "@/lib/messaging/queries";
import { mentionQuerySchema } from "@/lib/messaging/schemas";

/** "@" completion: people who may read this thread, for someone who may post in it. */
export async function GET(request: NextRequest) {
  const user = await apiUser("message:post");
  if (user instanceof Response) return user;
  const query = mentionQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return privateJson({ error: "Invalid query." }, 400);
  if (!(await findVisibleSubject(db(), user, query.data))) return privateJson(NOT_FOUND, 404);
  return privateJson({ candidates: await listMentionCandidates(query.data.subjectType, query.data.q) });
}
