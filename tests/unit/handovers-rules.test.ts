import { describe, expect, it } from "vitest";
import type { HandoverStatus, Role } from "@/lib/db/enums";
import { dueAt, formatClock, pickNextRep, refuseDispute, slaClock, type RepLoad } from "@/lib/handovers/rules";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe("dueAt", () => {
  const handed = at("2026-03-10T09:30:00Z");
  it.each([
    [1, "2026-03-10T10:30:00.000Z"],
    [24, "2026-03-11T09:30:00.000Z"],
    [48, "2026-03-12T09:30:00.000Z"],
    [336, "2026-03-24T09:30:00.000Z"],
  ])("%i hours after handing over", (hours, due) => {
    expect(dueAt(handed, hours).toISOString()).toBe(due);
  });

  it("leaves the hand-over time alone", () => {
    dueAt(handed, 24);
    expect(handed.toISOString()).toBe("2026-03-10T09:30:00.000Z");
  });
});

describe("slaClock", () => {
  // A ten-hour window: the last fifth, when the rep should act now, is the last two hours.
  const createdAt = at("2026-03-10T09:00:00Z");
  const due = plus(createdAt, 10 * HOUR);
  const waiting = { createdAt, dueAt: due, respondedAt: null };

  it.each([
    ["just handed over", createdAt, "open", 10 * HOUR, false],
    ["halfway", plus(createdAt, 5 * HOUR), "open", 5 * HOUR, false],
    ["a moment before the last fifth", plus(due, -2 * HOUR - 1), "open", 2 * HOUR + 1, false],
    ["at the start of the last fifth", plus(due, -2 * HOUR), "due soon", 2 * HOUR, false],
    ["a moment before the due time", plus(due, -1), "due soon", 1, false],
    ["exactly at the due time", due, "due soon", 0, false],
    ["a moment after the due time", plus(due, 1), "breached", -1, true],
    ["three hours overdue", plus(due, 3 * HOUR), "breached", -3 * HOUR, true],
  ] as const)("waiting, %s: %s", (_name, now, state, msLeft, breached) => {
    expect(slaClock(waiting, now)).toEqual({ state, msLeft, breached });
  });

  it.each([
    ["early", plus(createdAt, HOUR), "answered in time", false],
    ["exactly at the due time", due, "answered in time", false],
    ["a moment late", plus(due, 1), "answered late", true],
    ["a day late", plus(due, 24 * HOUR), "answered late", true],
  ] as const)("answered %s: %s, whenever it is looked at", (_name, respondedAt, state, breached) => {
    for (const now of [plus(respondedAt, 1), plus(due, 100 * HOUR)]) {
      expect(slaClock({ createdAt, dueAt: due, respondedAt }, now)).toEqual({ state, msLeft: null, breached });
    }
  });
});

describe("formatClock", () => {
  it.each([
    [0, "0 min left"],
    [30_000, "1 min left"],
    [45 * MINUTE, "45 min left"],
    [59 * MINUTE, "59 min left"],
    [59.5 * MINUTE, "1 h 0 min left"],
    [HOUR, "1 h 0 min left"],
    [3 * HOUR + 20 * MINUTE, "3 h 20 min left"],
    [24 * HOUR - MINUTE, "23 h 59 min left"],
    [24 * HOUR, "1 d 0 h left"],
    [50 * HOUR + 30 * MINUTE, "2 d 2 h left"],
    [-45 * MINUTE, "45 min overdue"],
    [-(2 * HOUR + 5 * MINUTE), "2 h 5 min overdue"],
    [-3 * 24 * HOUR, "3 d 0 h overdue"],
  ])("%i ms reads %j", (msLeft, text) => {
    expect(formatClock(msLeft)).toBe(text);
  });
});

describe("pickNextRep", () => {
  const team = (...ids: string[]): RepLoad[] =>
    ids.map((id, index) => ({ id, lastAssignedAt: null, joinedAt: at(`2025-0${index + 1}-01T00:00:00Z`) }));

  /** Hands `count` leads out one minute apart, as the assignment job would, and returns who got each. */
  function assign(reps: RepLoad[], count: number, clock: { now: Date }): string[] {
    const picks: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = pickNextRep(reps);
      if (!id) throw new Error("nobody picked");
      reps.find((rep) => rep.id === id)!.lastAssignedAt = clock.now;
      clock.now = plus(clock.now, MINUTE);
      picks.push(id);
    }
    return picks;
  }
  const tally = (picks: string[]) => Object.fromEntries([...new Set(picks)].sort().map((id) => [id, picks.filter((pick) => pick === id).length]));

  it("gives five reps 60 leads each out of 300, in a steady rotation", () => {
    const picks = assign(team("ana", "ben", "cy", "dee", "eli"), 300, { now: at("2026-03-10T09:00:00Z") });
    expect(tally(picks)).toEqual({ ana: 60, ben: 60, cy: 60, dee: 60, eli: 60 });
    expect(picks.slice(0, 7)).toEqual(["ana", "ben", "cy", "dee", "eli", "ana", "ben"]);
    for (let i = 0; i + 5 <= picks.length; i++) expect(new Set(picks.slice(i, i + 5)).size).toBe(5);
  });

  it("gives a rep who joins midway the next lead, then their fair turn", () => {
    const reps = team("ana", "ben", "cy", "dee", "eli");
    const clock = { now: at("2026-03-10T09:00:00Z") };
    assign(reps, 12, clock);
    reps.push({ id: "fay", lastAssignedAt: null, joinedAt: clock.now });
    const picks = assign(reps, 60, clock);
    expect(picks.slice(0, 8)).toEqual(["fay", "cy", "dee", "eli", "ana", "ben", "fay", "cy"]);
    expect(tally(picks)).toEqual({ ana: 10, ben: 10, cy: 10, dee: 10, eli: 10, fay: 10 });
  });

  it.each([
    ["dee", ["cy", "eli", "ana", "ben", "cy"]],
    ["cy", ["dee", "eli", "ana", "ben", "dee"]],
  ])("skips nobody when %s is deactivated", (gone, next) => {
    const reps = team("ana", "ben", "cy", "dee", "eli");
    const clock = { now: at("2026-03-10T09:00:00Z") };
    assign(reps, 7, clock);
    const active = reps.filter((rep) => rep.id !== gone);
    const picks = assign(active, 40, clock);
    expect(picks.slice(0, 5)).toEqual(next);
    expect(Object.values(tally(picks))).toEqual([10, 10, 10, 10]);
    expect(picks).not.toContain(gone);
  });

  it("breaks ties deterministically, whatever the order of the list", () => {
    const sameDay = at("2025-01-01T00:00:00Z");
    const lastWeek = at("2026-03-03T00:00:00Z");
    const cases: [RepLoad[], string][] = [
      [team("zed", "amy", "kim"), "zed"], // never assigned: the earliest joiner
      [["kim", "zed", "amy"].map((id) => ({ id, lastAssignedAt: null, joinedAt: sameDay })), "amy"], // then the id
      [
        [
          { id: "amy", lastAssignedAt: lastWeek, joinedAt: at("2025-06-01T00:00:00Z") },
          { id: "zed", lastAssignedAt: lastWeek, joinedAt: at("2025-02-01T00:00:00Z") },
        ],
        "zed",
      ],
      [
        [
          { id: "old", lastAssignedAt: lastWeek, joinedAt: at("2024-01-01T00:00:00Z") },
          { id: "new", lastAssignedAt: null, joinedAt: at("2026-03-09T00:00:00Z") },
        ],
        "new",
      ],
    ];
    for (const [reps, expected] of cases) {
      expect(pickNextRep(reps)).toBe(expected);
      expect(pickNextRep([...reps].reverse())).toBe(expected);
    }
  });

  it("does not reorder the list it is given", () => {
    const reps = team("ben", "ana");
    reps[0]!.lastAssignedAt = at("2026-03-10T09:00:00Z");
    expect(pickNextRep(reps)).toBe("ana");
    expect(reps.map((rep) => rep.id)).toEqual(["ben", "ana"]);
  });

  it("picks nobody from an empty team", () => {
    expect(pickNextRep([])).toBeNull();
  });
});

describe("refuseDispute", () => {
  const rejected = { status: "REJECTED" as HandoverStatus, disputedAt: null };
  const marketer = { id: "marketer", role: "MARKETER" as Role };
  const head = { id: "head", role: "MARKETING_MANAGER" as Role };

  it.each<Role>(["SALES_REP", "SALES_MANAGER", "CRO", "ADMIN"])("refuses %s: only marketing disputes", (role) => {
    expect(refuseDispute(rejected, { id: "someone", role }, "someone")).toBe("Only marketing can dispute a rejection.");
  });

  it.each([marketer, head])("refuses a second dispute by $role", (actor) => {
    expect(refuseDispute({ ...rejected, disputedAt: at("2026-03-10T09:00:00Z") }, actor, "marketer")).toBe(
      "This rejection has already been disputed once.",
    );
  });

  it.each<HandoverStatus>(["PENDING", "ACCEPTED", "DISPUTED", "REASSIGNED"])("refuses a %s handover", (status) => {
    expect(refuseDispute({ status, disputedAt: null }, marketer, "marketer")).toBe("Only a rejected handover can be disputed.");
  });

  it.each([["another marketer's lead", "other-marketer"], ["a lead nobody owns", null]])("refuses a marketer disputing %s", (_name, owner) => {
    expect(refuseDispute(rejected, marketer, owner)).toBe("Only the marketer who owns the lead, or the marketing manager, can dispute it.");
  });

  it.each([
    ["the owning marketer", marketer, "marketer"],
    ["the marketing manager, on any lead", head, "other-marketer"],
    ["the marketing manager, on a lead nobody owns", head, null],
  ] as const)("lets %s dispute once", (_name, actor, owner) => {
    expect(refuseDispute(rejected, actor, owner)).toBeNull();
  });
});
