import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { TEAM_SUBJECT_ID } from "@/lib/messaging/rules";
import { ThreadSection } from "@/components/messaging/thread-section";

export const metadata: Metadata = { title: "Messages" };

/** The team channel: one conversation for everyone in Tandem. Threads on leads and handovers live on their pages. */
export default async function MessagesPage() {
  const user = await requirePermission("message:read");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Messages</h1>
        <p className="text-sm text-muted">The team channel, for sales and marketing together. Conversations about a lead or a handover are on the lead&apos;s page.</p>
      </div>
      <ThreadSection user={user} subject={{ subjectType: "TEAM", subjectId: TEAM_SUBJECT_ID }} title="Team channel" />
    </div>
  );
}
