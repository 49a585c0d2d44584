import type { NextRequest } from "next/server";
import { apiUser, NOT_FOUND, privateJson } from "@/lib/messaging/http";
import { getThreadChanges, getThreadPage } from "@/lib/messaging/queries";
import { subjectSchema, threadPollSchema } from "@/lib/messaging/schemas";

type Params = { params: Promise<{ subjectType: string; subjectId: string }> };

/**
 * A thread for its panel: `?since=<ISO time>` gives what changed since then (the panel polls it every few seconds),
 * `?before=<message id>` the page of older messages, neither the newest page. Same access rule as the pages.
 */
export async function GET(request: NextRequest, { params }: Params) {
  const user = await apiUser("message:read");
  if (user instanceof Response) return user;
  const subject = subjectSchema.safeParse(await params);
  const query = threadPollSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!subject.success) return privateJson(NOT_FOUND, 404);
  if (!query.success) return privateJson({ error: "Invalid query." }, 400);
  const now = new Date().toISOString();
  if (query.data.since) {
    const changes = await getThreadChanges(user, subject.data, new Date(query.data.since));
    return changes ? privateJson({ messages: changes, now }) : privateJson(NOT_FOUND, 404);
  }
  const page = await getThreadPage(user, subject.data, { before: query.data.before });
  return page ? privateJson({ messages: page.messages, hasOlder: page.hasOlder, now }) : privateJson(NOT_FOUND, 404);
}
