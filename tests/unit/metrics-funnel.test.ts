import { describe, expect, it } from "vitest";
import { ALL_STAGES, cohortFunnel, periodView, resolvePeriod, type CohortFunnel, type CohortStageInput, type PathStage } from "@/lib/metrics/rules";

/** Every number anywhere in a result: none may be NaN or infinite. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("cohortFunnel", () => {
  // A hand-made March: 10 leads entered INQUIRY. 6 of them met the definition (MQL); 8 leads entered MQL in March
  // (2 of them inquiries from February). 4 of those 8 were accepted (SAL). 5 leads entered SAL: those 4 and 1 a rep
  // logged and accepted directly. 3 of the 5 were qualified (SQL); 4 entered SQL (1 accepted in February); 2 became
  // opportunities; 3 entered OPPORTUNITY, 1 of which is won so far; 2 deals were won in March. 1 of March's 10
  // inquiries is already won.
  const march: CohortStageInput[] = [
    { stage: "INQUIRY", entered: 10, advanced: 6 },
    { stage: "MQL", entered: 8, advanced: 4 },
    { stage: "SAL", entered: 5, advanced: 3 },
    { stage: "SQL", entered: 4, advanced: 2 },
    { stage: "OPPORTUNITY", entered: 3, advanced: 1 },
    { stage: "WON", entered: 2 },
  ];
  const funnel = cohortFunnel({ stages: march, inquiryWon: 1 });

  it("converts each step as advanced ÷ entered", () => {
    expect(funnel.steps.map((step) => [step.from, step.to, step.entered, step.advanced, step.conversion])).toEqual([
      ["INQUIRY", "MQL", 10, 6, 0.6],
      ["MQL", "SAL", 8, 4, 0.5],
      ["SAL", "SQL", 5, 3, 0.6],
      ["SQL", "OPPORTUNITY", 4, 2, 0.5],
      ["OPPORTUNITY", "WON", 3, 1, 1 / 3],
    ]);
  });

  it("lists the entries of all six path stages, WON included", () => {
    expect(funnel.stages).toEqual([
      { stage: "INQUIRY", entered: 10 },
      { stage: "MQL", entered: 8 },
      { stage: "SAL", entered: 5 },
      { stage: "SQL", entered: 4 },
      { stage: "OPPORTUNITY", entered: 3 },
      { stage: "WON", entered: 2 },
    ]);
  });

  it("measures the whole path on the inquiry cohort itself, not as the product of the steps", () => {
    expect(funnel.overall).toEqual({ entered: 10, won: 1, conversion: 0.1 });
    const product = funnel.steps.reduce((rate, step) => rate * (step.conversion ?? 0), 1);
    expect(product).toBeCloseTo(0.03, 10);
    expect(funnel.overall.conversion).not.toBeCloseTo(product, 5);
  });

  it("splits into marketing's half, the handover and sales' half for the CRO's picture", () => {
    const stagesOf = (half: { stages: { stage: PathStage }[] }) => half.stages.map((entry) => entry.stage);
    const stepsOf = (half: CohortFunnel["marketing"]) => half.steps.map((step) => `${step.from}→${step.to}`);
    expect(stagesOf(funnel.marketing)).toEqual(["INQUIRY", "MQL"]);
    expect(stepsOf(funnel.marketing)).toEqual(["INQUIRY→MQL"]);
    expect(funnel.handover).toEqual({ from: "MQL", to: "SAL", entered: 8, advanced: 4, conversion: 0.5 });
    expect(stagesOf(funnel.sales)).toEqual(["SAL", "SQL", "OPPORTUNITY", "WON"]);
    expect(stepsOf(funnel.sales)).toEqual(["SAL→SQL", "SQL→OPPORTUNITY", "OPPORTUNITY→WON"]);
  });

  it("does not depend on the order of the rows", () => {
    expect(cohortFunnel({ stages: [...march].reverse(), inquiryWon: 1 })).toEqual(funnel);
  });

  it("gives an empty period zero entries and unknown (null) conversions, never NaN", () => {
    const empty = cohortFunnel({ stages: [], inquiryWon: 0 });
    expect(empty.stages.every((entry) => entry.entered === 0)).toBe(true);
    expect(empty.steps.map((step) => step.conversion)).toEqual([null, null, null, null, null]);
    expect(empty.overall).toEqual({ entered: 0, won: 0, conversion: null });
    expect(empty.handover.conversion).toBeNull();
    expect(numbersIn(empty).every(Number.isFinite)).toBe(true);
  });

  it("treats a missing stage as nobody entering it, and a stage nobody left as conversion 0", () => {
    const partial = cohortFunnel({ stages: [{ stage: "INQUIRY", entered: 4, advanced: 0 }, { stage: "SQL", entered: 2, advanced: 2 }], inquiryWon: 0 });
    expect(partial.steps.map((step) => step.conversion)).toEqual([0, null, null, 1, null]);
    expect(partial.overall.conversion).toBe(0);
  });

  it.each<[string, CohortStageInput[], number, RegExp]>([
    ["more advanced than entered", [{ stage: "MQL", entered: 2, advanced: 3 }], 0, /more leads advanced/],
    ["a stage twice", [{ stage: "SAL", entered: 2, advanced: 1 }, { stage: "SAL", entered: 1, advanced: 0 }], 0, /twice/],
    ["anything advancing from WON", [{ stage: "WON", entered: 2, advanced: 1 }], 0, /end of the path/],
    ["a stage off the main path", [{ stage: "LOST" as PathStage, entered: 2 }], 0, /main path/],
    ["a negative count", [{ stage: "INQUIRY", entered: -1, advanced: 0 }], 0, /whole number/],
    ["a fractional count", [{ stage: "INQUIRY", entered: 2.5, advanced: 0 }], 0, /whole number/],
    ["more inquiries won than entered", [{ stage: "INQUIRY", entered: 2, advanced: 2 }], 3, /More inquiries won/],
  ])("refuses %s", (_, stages, inquiryWon, message) => {
    expect(() => cohortFunnel({ stages, inquiryWon })).toThrow(message);
  });
});

describe("periodView", () => {
  const period = resolvePeriod({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-04T00:00:00Z") }, new Date("2026-03-04T00:00:00Z"));

  it("counts the entries into every stage over the period, whatever the cohort", () => {
    const view = periodView(
      [
        { day: "2026-03-01", stage: "INQUIRY", count: 4 },
        { day: "2026-03-01", stage: "MQL", count: 1 },
        { day: "2026-03-03", stage: "INQUIRY", count: 2 },
        { day: "2026-03-03", stage: "LOST", count: 1 },
        { day: "2026-03-03", stage: "NURTURE", count: 2 },
      ],
      period,
    );
    expect(view.totals).toEqual({ INQUIRY: 6, MQL: 1, SAL: 0, SQL: 0, OPPORTUNITY: 0, WON: 0, LOST: 1, NURTURE: 2, DISQUALIFIED: 0 });
  });

  it("shows every stage of an empty period as 0", () => {
    const view = periodView([], period);
    expect(Object.keys(view.totals)).toEqual(ALL_STAGES);
    expect(Object.values(view.totals).every((count) => count === 0)).toBe(true);
  });

  it("adds up rows for the same day and stage", () => {
    const view = periodView([{ day: "2026-03-02", stage: "SAL", count: 1 }, { day: "2026-03-02", stage: "SAL", count: 2 }], period);
    expect(view.totals.SAL).toBe(3);
  });

  it("refuses rows outside the period, unknown stages and bad counts", () => {
    expect(() => periodView([{ day: "2026-03-04", stage: "MQL", count: 1 }], period)).toThrow(/outside the period/);
    expect(() => periodView([{ day: "2026-02-28", stage: "MQL", count: 1 }], period)).toThrow(/outside the period/);
    expect(() => periodView([{ day: "2026-03-02", stage: "CUSTOMER" as never, count: 1 }], period)).toThrow(/Unknown stage/);
    expect(() => periodView([{ day: "2026-03-02", stage: "MQL", count: -2 }], period)).toThrow(RangeError);
  });
});
