import { apiUser, privateJson } from "@/lib/messaging/http";
import { countUnread } from "@/lib/messaging/queries";

/** The signed-in user's unread count, polled by the navigation. */
export async function GET() {
  const user = await apiUser("inbox:read");
  if (user instanceof Response) return user;
  return privateJson({ unread: await countUnread(user) });
}
