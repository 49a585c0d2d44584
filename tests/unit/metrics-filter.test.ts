import { describe, expect, it } from "vitest";
import {
  dashboardHref,
  describeFilter,
  figureLeadsHref,
  lastDay,
  metricsFilter,
  ownedLeadsHref,
  parseDashboardQuery,
  type DashboardQuery,
} from "@/lib/metrics/filter";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { resolvePeriod } from "@/lib/metrics/rules";

const now = new Date("2026-03-10T15:00:00Z");
const base: DashboardQuery = { period: "90d" };
const search = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("parseDashboardQuery", () => {
  it("defaults to the last 90 days, both teams, everyone", () => {
    expect(parseDashboardQuery({})).toEqual({ period: "90d" });
  });

  it("reads every filter from the URL", () => {
    expect(parseDashboardQuery({ period: "quarter", team: "sales", rep: "seed_user_001", source: "WEBINAR", campaign: "seed_campaign_03" })).toEqual({
      period: "quarter",
      team: "sales",
      rep: "seed_user_001",
      source: "WEBINAR",
      campaign: "seed_campaign_03",
    });
    expect(parseDashboardQuery({ campaign: "none" }).campaign).toBe("none");
  });

  it.each([
    ["an unknown period", { period: "2y" }],
    ["a repeated parameter", { period: ["7d", "30d"] }],
    ["empty selects", { team: "", rep: "", source: "", campaign: "" }],
    ["garbage", { team: "finance", rep: "'; DROP TABLE", source: "website", campaign: "x".repeat(65) }],
  ])("falls back to the defaults on %s", (_, params) => {
    expect(parseDashboardQuery(params)).toEqual({ period: "90d" });
  });
});

describe("metricsFilter", () => {
  it("resolves the period and maps the URL's names to the reads' filter", () => {
    const filter = metricsFilter({ period: "7d", team: "marketing", rep: "r1", source: "EVENT", campaign: "none" }, now);
    expect(filter).toEqual({ period: resolvePeriod("7d", now), team: "marketing", repId: "r1", source: "EVENT", campaignId: "none" });
  });

  it("leaves out the filters that are not set", () => {
    expect(Object.keys(metricsFilter(base, now))).toEqual(["period"]);
  });
});

describe("dashboardHref", () => {
  it("writes only what differs from the defaults", () => {
    expect(dashboardHref("/dashboard", base)).toBe("/dashboard");
    expect(dashboardHref("/dashboard", { period: "30d", source: "WEBINAR" })).toBe("/dashboard?period=30d&source=WEBINAR");
  });

  it("applies a patch and can clear a filter", () => {
    expect(dashboardHref("/pipeline-review", { period: "90d", source: "EMAIL" }, { campaign: "c1", source: undefined })).toBe("/pipeline-review?campaign=c1");
  });
});

describe("figureLeadsHref", () => {
  const period = resolvePeriod("30d", now);

  it("opens the leads that entered the stage in the period, the last day included", () => {
    expect(lastDay(period)).toBe("2026-03-10");
    const href = figureLeadsHref(base, period, "MQL")!;
    expect(href.startsWith("/leads?")).toBe(true);
    expect(search(href)).toEqual({ entered: "MQL", from: "2026-02-09", to: "2026-03-10" });
  });

  it("carries the source, campaign and rep over as the list's source, campaign and owner", () => {
    const href = figureLeadsHref({ period: "30d", source: "WEBINAR", campaign: "none", rep: "r1" }, period, "SAL")!;
    expect(search(href)).toMatchObject({ entered: "SAL", source: "WEBINAR", campaign: "none", owner: "r1" });
    // And the leads list reads it back as the same filters.
    expect(leadListQuerySchema.parse(search(href))).toMatchObject({ entered: "SAL", source: "WEBINAR", campaign: "none", owner: "r1", from: "2026-02-09", to: "2026-03-10" });
  });

  it("lets one bar narrow further than the page's filters", () => {
    expect(search(figureLeadsHref(base, period, "INQUIRY", { source: "EVENT" })!)).toMatchObject({ source: "EVENT" });
    expect(search(figureLeadsHref({ period: "30d", campaign: "a" }, period, "INQUIRY", { campaign: "b" })!)).toMatchObject({ campaign: "b" });
  });

  it("lists a team's leads, and nothing for a source of the other team", () => {
    expect(search(figureLeadsHref({ period: "30d", team: "marketing" }, period, "MQL")!)).toMatchObject({ team: "marketing" });
    expect(search(figureLeadsHref({ period: "30d", team: "marketing" }, period, "MQL", { source: "WEBINAR" })!)).not.toHaveProperty("team");
    expect(figureLeadsHref({ period: "30d", team: "marketing", source: "OUTBOUND" }, period, "MQL")).toBeNull();
    expect(figureLeadsHref({ period: "30d", team: "sales", source: "OUTBOUND" }, period, "SAL")).not.toBeNull();
    expect(figureLeadsHref({ period: "30d", team: "marketing" }, period, "MQL", { source: "WEBINAR" })).not.toBeNull();
  });

  it("has no list for marketing's stages with a rep chosen: nobody holds an MQL yet", () => {
    for (const stage of ["INQUIRY", "MQL"] as const) expect(figureLeadsHref({ period: "30d", rep: "r1" }, period, stage)).toBeNull();
    for (const stage of ["SAL", "SQL", "OPPORTUNITY", "WON"] as const) expect(figureLeadsHref({ period: "30d", rep: "r1" }, period, stage)).not.toBeNull();
  });
});

describe("ownedLeadsHref and describeFilter", () => {
  it("opens the leads the viewer holds in a stage", () => {
    expect(search(ownedLeadsHref("OPPORTUNITY"))).toEqual({ stage: "OPPORTUNITY", owner: "me" });
  });

  it("says the filters in words, with the names of reps and campaigns", () => {
    expect(describeFilter(base)).toBe("Last 90 days");
    const names = { reps: new Map([["r1", "Sam Rivera"]]), campaigns: new Map([["c1", "Q1 2026 Webinar"]]) };
    expect(describeFilter({ period: "year", team: "sales", rep: "r1", source: "REFERRAL", campaign: "c1" }, names)).toBe(
      "Year to date · Sales-sourced · Sam Rivera · Referral · Q1 2026 Webinar",
    );
    expect(describeFilter({ period: "7d", campaign: "none" })).toBe("Last 7 days · No campaign");
  });
});
