// The demo workspace's goals: every state present, the current quarter's agreed goals on the home pages, and a mix of
// standings, so that a first start shows goals worth reading.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/demo-data";
import { currentGoals, getGoal } from "@/lib/goals/queries";
import { goalProgress } from "@/lib/goals/progress";

const now = new Date("2026-11-22T09:00:00Z");

describe("the demo goals", () => {
  beforeAll(async () => {
    await seedDemoData(db(), { now, passwordHash: "unused" });
  }, 60_000);

  it("are in every state, with signatures that match their state", async () => {
    const goals = await db().goal.findMany({ include: { signatures: true }, orderBy: { id: "asc" } });
    expect(new Set(goals.map((goal) => goal.status))).toEqual(new Set(["DRAFT", "PROPOSED", "AGREED", "ARCHIVED"]));
    for (const goal of goals) {
      const sides = goal.signatures.map((signature) => signature.side);
      if (goal.status === "AGREED") expect(sides.includes("CRO") || (sides.includes("SALES") && sides.includes("MARKETING"))).toBe(true);
      if (goal.status === "PROPOSED") expect(sides).toEqual(["SALES"]);
      if (goal.status === "DRAFT") expect(sides).toEqual([]);
      expect((goal.agreedAt !== null) === (goal.status === "AGREED")).toBe(true);
    }
  });

  it("show the current quarter's agreed goals on the home pages, on track and behind", async () => {
    const strip = await currentGoals(now);
    expect(strip.map((goal) => goal.title).sort()).toEqual(["Answer 80% of handovers in time", "First touch within four hours", "MQLs this quarter", "New pipeline this quarter"]);
    for (const goal of strip) {
      expect(goal.periodStart).toBe("2026-10-01");
      expect(goal.periodEnd).toBe("2026-12-31");
    }
    const standings = new Set(strip.map((goal) => goal.progress.pace.standing));
    expect(standings.has("ON_TRACK")).toBe(true);
    expect(standings.has("BEHIND")).toBe(true);
  });

  it("have last quarter's goal ended, and a proposal and a draft waiting", async () => {
    const won = (await getGoal("seed_goal_won"))!;
    expect(won).toMatchObject({ periodStart: "2026-07-01", periodEnd: "2026-09-30", status: "AGREED" });
    const progress = await goalProgress(won, now);
    expect(progress.pace).toMatchObject({ phase: "ENDED", standing: "MET" });
    expect(await getGoal("seed_goal_sourced")).toMatchObject({ status: "DRAFT", periodStart: "2027-01-01", periodEnd: "2027-03-31" });
    expect(await getGoal("seed_goal_acceptance")).toMatchObject({ status: "PROPOSED", signatures: [expect.objectContaining({ side: "SALES" })] });
  });
});
