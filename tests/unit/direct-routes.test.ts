import { describe, expect, it } from "vitest";
import { matchDirectRoute } from "@/lib/runtime/direct-routes";

describe("matchDirectRoute", () => {
  it("takes exactly the lead routes' methods, with or without a query", () => {
    expect(matchDirectRoute("POST", "/api/v1/leads")).toEqual({ name: "leads.POST", params: {} });
    expect(matchDirectRoute("GET", "/api/v1/leads?email=a%40b.test")).toEqual({ name: "leads.GET", params: {} });
    expect(matchDirectRoute("POST", "/api/v1/leads/batch")).toEqual({ name: "batch.POST", params: {} });
    expect(matchDirectRoute("GET", "/api/v1/leads/cl1234?x=1")).toEqual({ name: "lead.GET", params: { id: "cl1234" } });
  });

  it("hands a lead id over decoded, as Next does", () => {
    expect(matchDirectRoute("GET", "/api/v1/leads/a%20b")).toEqual({ name: "lead.GET", params: { id: "a b" } });
  });

  it("leaves everything else to Next", () => {
    const others: [string | undefined, string | undefined][] = [
      ["PUT", "/api/v1/leads"],
      ["DELETE", "/api/v1/leads/cl1234"],
      ["HEAD", "/api/v1/leads"],
      ["OPTIONS", "/api/v1/leads/batch"],
      ["GET", "/api/v1/leads/batch"],
      ["POST", "/api/v1/leads/"],
      ["POST", "/api/v1/leadsX"],
      ["GET", "/api/v1/leads/a/b"],
      ["GET", "/api/v1/leads/%E0%A4%A"],
      ["POST", "/api/v1/forms/token"],
      ["GET", "/api/v1/openapi.json"],
      ["GET", "/leads"],
      [undefined, "/api/v1/leads"],
      ["POST", undefined],
    ];
    for (const [method, url] of others) expect(matchDirectRoute(method, url), `${method} ${url}`).toBeNull();
  });
});
