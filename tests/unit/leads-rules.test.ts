import { describe, expect, it } from "vitest";
import { leadListHref, normalizeCompanyName, pageCount, sortPatch, tidyCompanyName } from "@/lib/leads/rules";
import { leadInputSchema, leadListQuerySchema } from "@/lib/leads/schemas";

const defaults = leadListQuerySchema.parse({});

describe("company names", () => {
  it("treats case and spacing variants as one company", () => {
    expect(normalizeCompanyName("  ACME   Corp ")).toBe("acme corp");
    expect(tidyCompanyName("  ACME   Corp ")).toBe("ACME Corp");
  });
});

describe("the leads list URL", () => {
  it("writes only what differs from the defaults", () => {
    expect(leadListHref(defaults, {})).toBe("/leads");
    expect(leadListHref(defaults, { stage: "MQL", q: "acme" })).toBe("/leads?q=acme&stage=MQL");
  });

  it("returns to page 1 when a filter changes, and keeps the page otherwise", () => {
    const onPage3 = { ...defaults, page: 3, source: "EMAIL" as const };
    expect(leadListHref(onPage3, { owner: "me" })).toBe("/leads?source=EMAIL&owner=me");
    expect(leadListHref(onPage3, { page: 4 })).toBe("/leads?source=EMAIL&page=4");
  });

  it("reads garbage in the URL as the defaults instead of failing", () => {
    expect(leadListQuerySchema.parse({ page: "-4", size: "7", sort: "password", dir: "sideways", stage: "GOLD" })).toEqual(defaults);
  });

  it("flips the direction when the sorted column is clicked again", () => {
    expect(sortPatch(defaults, "createdAt")).toEqual({ sort: "createdAt", dir: "asc" });
    expect(sortPatch(defaults, "name")).toEqual({ sort: "name", dir: "asc" });
    expect(sortPatch({ ...defaults, sort: "name", dir: "asc" }, "name")).toEqual({ sort: "name", dir: "desc" });
  });

  it("counts at least one page", () => {
    expect([pageCount(0, 25), pageCount(25, 25), pageCount(26, 25)]).toEqual([1, 1, 2]);
  });
});

describe("the lead schema", () => {
  const valid = {
    name: " Ada Lovelace ",
    email: " Ada@Example.COM ",
    title: "CTO",
    company: "Analytical",
    companySize: "120",
    industry: "Software",
    country: "GB",
    source: "WEBINAR",
    campaignId: "",
  };

  it("trims text, lower-cases the email, reads numbers typed as text and drops an empty campaign", () => {
    expect(leadInputSchema.parse(valid)).toEqual({ ...valid, name: "Ada Lovelace", email: "ada@example.com", companySize: 120, campaignId: undefined });
  });

  it("names every invalid field", () => {
    const result = leadInputSchema.safeParse({ ...valid, email: "x", companySize: "1.5", country: "XX", source: "TV", name: "" });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(["companySize", "country", "email", "name", "source"]);
  });

  it("lets facts the definition may require later be left empty when logging", () => {
    const parsed = leadInputSchema.parse({ ...valid, title: " ", companySize: "", industry: "", country: "" });
    expect(parsed).toMatchObject({ title: undefined, companySize: undefined, industry: undefined, country: undefined });
  });

  it("strips fields the form does not have", () => {
    expect(leadInputSchema.parse({ ...valid, stage: "WON", score: 100, ownerId: "x" })).not.toHaveProperty("stage");
  });
});

describe("company size", () => {
  it("reads an empty box as unknown, not zero, and asks for a number when the text is not one", () => {
    expect(leadInputSchema.shape.companySize.parse("")).toBeUndefined();
    expect(leadInputSchema.shape.companySize.safeParse("lots").error?.issues[0]?.message).toBe("Enter the number of employees");
    expect(leadInputSchema.shape.companySize.safeParse("0").error?.issues[0]?.message).toBe("A company has at least 1 employee");
  });
});
