// Demo comments on the story in force and on the goal "MQLs this quarter", so the threads those pages show are not
// empty: a rep asks, a head answers. Read after the stories and goals are seeded; fixed ids and keys, same every time.
import type { Prisma } from "../db/generated/client";
import { handleOf } from "../messaging/rules";

type Tx = Prisma.TransactionClient;
type Script = { by: string; hoursAgo: number; body: string }[];

const STORY_SCRIPT: Script = [
  { by: "rep", hoursAgo: 30, body: "The CRO persona lands well on calls. Could we add one line on how long onboarding takes? Prospects always ask." },
  { by: "marketing.manager", hoursAgo: 28, body: "Good idea, I'll put it in the next version for both heads to sign." },
];

const GOAL_SCRIPT: Script = [
  { by: "sales.manager", hoursAgo: 20, body: "We are behind pace on MQLs this month. Anything planned to catch up?" },
  { by: "marketer", hoursAgo: 18, body: "Two webinars next week; their leads should reach the queue by Thursday." },
];

const HOUR = 3_600_000;

export async function seedGoalAndStoryThreads(tx: Tx, now: Date, users: readonly { id?: string; email: string }[]): Promise<number> {
  const byHandle = new Map(users.map((user) => [handleOf(user.email), user.id]));
  const author = (handle: string) => {
    const id = byHandle.get(handle);
    if (!id) throw new Error(`Demo threads need the demo user @${handle}`);
    return id;
  };
  // One after another: a transaction's queries share its one connection.
  const story = await tx.story.findFirst({ where: { status: "ACTIVE" }, select: { id: true } });
  const goal = await tx.goal.findFirst({ where: { title: "MQLs this quarter" }, select: { id: true } });
  const subjects = [
    story && { key: "story", subjectType: "STORY" as const, subjectId: story.id, script: STORY_SCRIPT },
    goal && { key: "goal", subjectType: "GOAL" as const, subjectId: goal.id, script: GOAL_SCRIPT },
  ].filter((subject) => subject !== null);
  let messages = 0;
  for (const subject of subjects) {
    const threadId = `seed_thread_${subject.key}`;
    await tx.thread.create({ data: { id: threadId, subjectType: subject.subjectType, subjectId: subject.subjectId, createdAt: new Date(now.getTime() - subject.script[0]!.hoursAgo * HOUR) } });
    await tx.message.createMany({
      data: subject.script.map((line, index) => {
        const at = new Date(now.getTime() - line.hoursAgo * HOUR);
        return { id: `seed_message_${subject.key}_${index + 1}`, threadId, authorId: author(line.by), body: line.body, clientKey: `seed-${subject.key}-${index + 1}`, createdAt: at, updatedAt: at };
      }),
    });
    messages += subject.script.length;
  }
  return messages;
}
