// Demo conversations: the team channel over the last few days, and threads on a lead waiting in the demo rep's queue
// and on a lead of the demo marketer's that a rep rejected, with mentions of the demo sign-ins. Inbox rows follow
// from them by the same rules the app uses (mentions, replies), plus handover news for the demo rep and marketer,
// so every demo user opens Tandem to an inbox with something unread. Pure: no database, same output every time.
import type { Prisma } from "../db/generated/client";
import { handleOf, mentionHandles, messageSummary, recipientsOf, TEAM_SUBJECT_ID } from "../messaging/rules";
import type { DemoDataset } from "./dataset";

export interface DemoMessaging {
  threads: Prisma.ThreadCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  mentions: Prisma.MentionCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
}

type Script = { by: string; hoursAgo: number; body: string }[];

const TEAM_SCRIPT: Script = [
  { by: "marketing.manager", hoursAgo: 70, body: "Morning all. The **Q4 webinar** leads start landing today: expect a busy queue this week." },
  { by: "sales.manager", hoursAgo: 69, body: "Thanks @marketing.manager. Reps: please answer every handover within the SLA, even when it's a rejection." },
  { by: "rep", hoursAgo: 50, body: "Quick one for @marketer: do webinar attendees get a follow-up email before they reach us?" },
  { by: "marketer", hoursAgo: 49, body: "@rep yes, one recap email with the recording. The ones that clicked it score higher, see the *Engagement* line on the lead." },
  { by: "cro", hoursAgo: 26, body: "Great week so far. Reminder of what we agreed:\n\n- accept or reject within the SLA\n- every rejection gets a reason marketing can act on\n- disputes go to @sales.manager" },
  { by: "marketing.manager", hoursAgo: 5, body: "Proposed v2 of the lead definition is up for review on the Agreement page. @sales.manager can you take a look before Friday?" },
  { by: "rep", hoursAgo: 2, body: "@marketer two of this morning's leads had no company size. Could the form ask for it?" },
];

const QUEUE_LEAD_SCRIPT: Script = [
  { by: "marketer", hoursAgo: 3, body: "@rep heads-up: this one attended the whole webinar and asked about pricing in the Q&A." },
  { by: "rep", hoursAgo: 1, body: "Thanks! Calling them this afternoon." },
];

const REJECTED_LEAD_SCRIPT: Script = [
  { by: "marketer", hoursAgo: 20, body: "I think this rejection is worth a second look: they downloaded the ROI guide twice. @sales.manager what do you think?" },
  { by: "sales.manager", hoursAgo: 18, body: "Fair point. The rep spoke to them, though; if you dispute it I'll review it with the call notes." },
];

const HOUR = 3_600_000;

export function buildDemoMessaging(dataset: DemoDataset, now: Date): DemoMessaging {
  const active = dataset.users.filter((user) => user.active !== false);
  const byHandle = new Map(active.map((user) => [handleOf(user.email), user]));
  const user = (handle: string) => {
    const found = byHandle.get(handle);
    if (!found?.id) throw new Error(`Demo messaging needs the demo user @${handle}`);
    return { id: found.id, name: found.name, role: found.role };
  };
  const leadName = new Map(dataset.leads.map((lead) => [lead.id, lead.name]));
  const result: DemoMessaging = { threads: [], messages: [], mentions: [], notifications: [] };
  let messageCount = 0;
  let notificationCount = 0;
  const note = (row: Omit<Prisma.NotificationCreateManyInput, "id">) => {
    notificationCount += 1;
    result.notifications.push({ id: `seed_notification_${String(notificationCount).padStart(4, "0")}`, ...row });
  };

  const thread = (subjectType: "TEAM" | "LEAD" | "HANDOVER", subjectId: string, where: string, link: string, script: Script) => {
    const threadId = `seed_thread_${result.threads.length + 1}`;
    result.threads.push({ id: threadId, subjectType, subjectId, createdAt: new Date(now.getTime() - script[0]!.hoursAgo * HOUR) });
    const participants: string[] = [];
    for (const line of script) {
      messageCount += 1;
      const id = `seed_message_${String(messageCount).padStart(4, "0")}`;
      const author = user(line.by);
      const at = new Date(now.getTime() - line.hoursAgo * HOUR);
      result.messages.push({ id, threadId, authorId: author.id, body: line.body, clientKey: `seed-${id}`, createdAt: at, updatedAt: at, version: 1 });
      const mentioned = mentionHandles(line.body).map(user);
      result.mentions.push(...mentioned.map((person) => ({ messageId: id, userId: person.id })));
      const recipients = recipientsOf({ authorId: author.id, mentionedIds: mentioned.map((person) => person.id), participantIds: participants, teamChannel: subjectType === "TEAM" });
      // Older than a day: read already.
      const readAt = line.hoursAgo > 24 ? new Date(at.getTime() + HOUR) : null;
      for (const [kind, ids] of [["MENTION", recipients.mention], ["REPLY", recipients.reply]] as const) {
        for (const userId of ids) note({ userId, kind, sourceId: id, link: `${link}#message-${id}`, summary: messageSummary(kind, author.name, where, line.body), createdAt: at, readAt });
      }
      participants.push(author.id);
    }
  };

  thread("TEAM", TEAM_SUBJECT_ID, "the team channel", "/messages", TEAM_SCRIPT);

  const rep = user("rep");
  const marketer = user("marketer");
  const newest = [...dataset.handovers].sort((a, b) => new Date(b.createdAt!).getTime() - new Date(a.createdAt!).getTime());
  const waiting = newest.find((handover) => handover.toUserId === rep.id && handover.status === "PENDING");
  if (waiting) {
    const name = leadName.get(waiting.leadId) ?? "this lead";
    thread("LEAD", waiting.leadId, `the thread on ${name}`, `/leads/${waiting.leadId}`, QUEUE_LEAD_SCRIPT);
  }
  const rejected = newest.find((handover) => handover.fromUserId === marketer.id && handover.status === "REJECTED");
  if (rejected?.id) {
    const name = leadName.get(rejected.leadId) ?? "this lead";
    thread("HANDOVER", rejected.id, `the handover of ${name}`, `/leads/${rejected.leadId}`, REJECTED_LEAD_SCRIPT);
  }

  // Handover news of the last two weeks, as the handover transactions would have written it.
  const recent = newest.filter((handover) => now.getTime() - new Date(handover.createdAt!).getTime() < 14 * 24 * HOUR);
  for (const handover of recent) {
    const name = leadName.get(handover.leadId) ?? "A lead";
    const at = new Date(handover.createdAt!);
    if (handover.toUserId === rep.id && handover.id) {
      note({ userId: rep.id, kind: "HANDOVER_ASSIGNED", sourceId: handover.id, link: `/leads/${handover.leadId}`, summary: `${name} was handed to you: accept or reject it within the SLA.`, createdAt: at, readAt: handover.status === "PENDING" ? null : at });
    }
    if (handover.fromUserId === marketer.id && handover.status === "REJECTED" && handover.id && handover.respondedAt) {
      const by = dataset.users.find((member) => member.id === handover.toUserId)?.name ?? "A rep";
      note({ userId: marketer.id, kind: "LEAD_REJECTED", sourceId: handover.id, link: `/leads/${handover.leadId}`, summary: `${by} rejected ${name}: ${handover.reasonLabel ?? "no reason"}.`, createdAt: new Date(handover.respondedAt), readAt: null });
    }
  }
  return result;
}
