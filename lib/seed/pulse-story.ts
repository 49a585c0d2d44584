// Demo data for the monthly pulse, help requests and the baseline story: twelve months of pulse answers from the
// reps (leads judged more useful as the year went on, support dipping in the summer), requests in every state, and
// two signed versions of the story. Deterministic: a fixed seed and the seed's `now`.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { monthOf, monthsEndingAt } from "../pulse/rules";
import { addDays, addMs, DAY, HOUR, startOfUtcDay } from "./calendar";
import { clamp, SeededRandom } from "./random";
import { buildStoryVersions } from "./story-versions";

const SEED = 20261123;
const PULSE_MONTHS = 12;

type UserRow = Prisma.UserCreateManyInput & { id: string; createdAt: Date; updatedAt: Date };
type Tx = Pick<PrismaClient, "pulseAnswer" | "helpRequest" | "story" | "storySignature">;

const COMMENTS: Record<"low" | "mid" | "high", readonly string[]> = {
  low: [
    "Half the webinar leads were students. Please filter them before the handover.",
    "Leads arrive without a company size, so I spend the first call qualifying.",
    "I asked for a case study three weeks ago and have not heard back.",
    "Too many leads from countries we do not sell in.",
  ],
  mid: [
    "Better than last month, but the event leads went cold before I reached them.",
    "The new one-pager helps; the pricing slide is still out of date.",
    "Good volume, mixed quality. The partner leads are the best ones.",
  ],
  high: [
    "The nurture campaign for my accounts got two meetings booked.",
    "Great leads from the data platform webinar: real projects and budgets.",
    "Marketing turned my request around in two days. Thank you!",
    "The new battlecard made the difference in a competitive deal.",
  ],
};

/** A month's mood: usefulness climbs through the year; support dips in the summer months, when the team was short. */
function monthMood(index: number, month: Date): { usefulness: number; support: number } {
  const summer = [5, 6, 7].includes(month.getUTCMonth());
  return { usefulness: 2.7 + index * 0.11, support: summer ? 2.9 : 3.5 + index * 0.03 };
}

function score(random: SeededRandom, mean: number): number {
  return clamp(Math.round(mean + random.normal() * 0.8), 1, 5);
}

function buildPulseAnswers(reps: UserRow[], now: Date, random: SeededRandom, demoRepId: string): Prisma.PulseAnswerCreateManyInput[] {
  const answers: Prisma.PulseAnswerCreateManyInput[] = [];
  const months = monthsEndingAt(now, PULSE_MONTHS);
  const current = monthOf(now).getTime();
  months.forEach((month, index) => {
    const mood = monthMood(index, month);
    for (const rep of reps) {
      // Answers come in during the first three weeks of the month, from reps on the team at the time.
      const at = addMs(addDays(month, random.integer(0, 20)), random.integer(8, 18) * HOUR);
      const leftBefore = rep.active === false && rep.updatedAt <= at;
      if (rep.createdAt > at || leftBefore || at > now) continue;
      // This month the demo rep has not answered yet (their home asks them to); some others have not either.
      if (month.getTime() === current && (rep.id === demoRepId || random.chance(0.4))) continue;
      if (random.chance(0.12)) continue;
      const usefulness = score(random, mood.usefulness);
      const support = score(random, mood.support);
      const tone = (usefulness + support) / 2 <= 2.5 ? "low" : (usefulness + support) / 2 >= 4 ? "high" : "mid";
      const comment = random.chance(0.3) ? random.pick(COMMENTS[tone]) : null;
      answers.push({ id: `seed_pulse_${String(answers.length + 1).padStart(4, "0")}`, repId: rep.id, month, usefulness, support, comment, createdAt: at, updatedAt: at });
    }
  });
  return answers;
}

const REQUESTS = [
  { kind: "CONTENT", title: "Case study for a retail customer", details: "Prospects in retail keep asking for proof. A one-page case study with figures would help.", accounts: [] },
  { kind: "VALUE_PROPOSITION", title: "Value proposition for finance teams", details: "A short pitch for CFOs: the close in three days, with the numbers from our customers.", accounts: [] },
  { kind: "NURTURE_CAMPAIGN", title: "Nurture for the manufacturing shortlist", details: "Three emails over six weeks for accounts that went quiet after the demo.", accounts: ["Acme Manufacturing", "Globex Industrial", "Initech Fabrication"] },
  { kind: "CONTENT", title: "Battlecard against the spreadsheet status quo", details: "How to answer 'we already do this in Excel' in two minutes.", accounts: [] },
  { kind: "NURTURE_CAMPAIGN", title: "Re-engage healthcare accounts", details: "Healthcare prospects who downloaded the compliance guide and never booked a call.", accounts: ["Mercy Health Group", "Northside Clinics"] },
  { kind: "VALUE_PROPOSITION", title: "Messaging for IT and security buyers", details: "Security reviews stall deals. Key messages on SSO, audit trails and data residency.", accounts: [] },
  { kind: "CONTENT", title: "Updated pricing slide", details: "The deck still shows last year's plans. Please update the pricing slide.", accounts: [] },
  { kind: "NURTURE_CAMPAIGN", title: "Event follow-up for the Berlin expo", details: "Accounts we met at the expo stand, with the talk recording and an invitation to a workshop.", accounts: ["Hansa Logistik", "Rhein Retail"] },
] as const;

/** Requests over the last six months in every state; the newest still waiting, some of them past due. */
function buildRequests(reps: UserRow[], marketers: UserRow[], now: Date, random: SeededRandom, demo: { rep: string; marketer: string }) {
  const rows: Prisma.HelpRequestCreateManyInput[] = [];
  const count = 36;
  for (let index = 0; index < count; index += 1) {
    const template = REQUESTS[index % REQUESTS.length]!;
    const createdAt = addMs(now, -((count - index) * 5 + random.integer(0, 3)) * DAY + random.integer(-6, 0) * HOUR);
    const requester = index % 4 === 0 ? demo.rep : random.pick(reps.filter((rep) => rep.createdAt < createdAt && rep.active !== false)).id;
    const marketer = index % 3 === 0 ? demo.marketer : random.pick(marketers).id;
    const dueDate = startOfUtcDay(addDays(createdAt, random.integer(7, 21)));
    const age = (now.getTime() - createdAt.getTime()) / DAY;
    // Older requests are settled; the last few weeks' are open or in progress (a few past their due date).
    // Every seventh request was cancelled by its rep (plans changed), the rest settled as their age suggests.
    const status = index % 7 === 3 ? "CANCELLED" : age > 40 ? "DELIVERED" : age > 12 ? random.pick(["DELIVERED", "IN_PROGRESS", "OPEN"] as const) : random.pick(["OPEN", "IN_PROGRESS"] as const);
    const takenAt = status === "OPEN" || (status === "CANCELLED" && random.chance(0.5)) ? null : addMs(createdAt, random.integer(2, 40) * HOUR);
    const deliveredAt = status === "DELIVERED" ? new Date(Math.min(addDays(takenAt!, random.integer(2, 14)).getTime(), now.getTime())) : null;
    const cancelledAt = status === "CANCELLED" ? addDays(createdAt, random.integer(1, 6)) : null;
    rows.push({
      id: `seed_request_${String(index + 1).padStart(3, "0")}`,
      requesterId: requester,
      assigneeId: takenAt ? marketer : null,
      kind: template.kind,
      title: template.title,
      details: template.details,
      accounts: [...template.accounts],
      dueDate,
      status,
      deliveryUrl: deliveredAt ? `https://drive.example.com/marketing/${String(index + 1).padStart(3, "0")}` : null,
      takenAt,
      deliveredAt,
      cancelledAt,
      clientKey: `seed-${index + 1}`,
      version: 1 + (takenAt ? 1 : 0) + (deliveredAt || cancelledAt ? 1 : 0),
      createdAt,
      updatedAt: deliveredAt ?? cancelledAt ?? takenAt ?? createdAt,
    });
  }
  return rows;
}

export function buildPulseStoryRows(users: UserRow[], now: Date) {
  const random = new SeededRandom(SEED);
  const byEmail = (email: string) => users.find((user) => user.email === email)!.id;
  const reps = users.filter((user) => user.role === "SALES_REP");
  const marketers = users.filter((user) => user.role === "MARKETER" && user.active !== false);
  const foundedAt = new Date(Math.min(...users.map((user) => user.createdAt.getTime())));
  return {
    pulseAnswers: buildPulseAnswers(reps, now, random, byEmail("rep@tandem.test")),
    requests: buildRequests(reps, marketers, now, random, { rep: byEmail("rep@tandem.test"), marketer: byEmail("marketer@tandem.test") }),
    ...buildStoryVersions({ sales: byEmail("sales.manager@tandem.test"), marketing: byEmail("marketing.manager@tandem.test") }, { foundedAt, now }),
  };
}

/** Writes the rows inside the demo seed's transaction (a few hundred rows: createMany is fast enough). */
export async function seedPulseAndStory(tx: Tx, users: readonly Prisma.UserCreateManyInput[], now: Date) {
  const rows = buildPulseStoryRows(users as UserRow[], now);
  await tx.pulseAnswer.createMany({ data: rows.pulseAnswers });
  await tx.helpRequest.createMany({ data: rows.requests });
  await tx.story.createMany({ data: rows.stories });
  await tx.storySignature.createMany({ data: rows.signatures });
  return { pulseAnswers: rows.pulseAnswers.length, requests: rows.requests.length, stories: rows.stories.length };
}
