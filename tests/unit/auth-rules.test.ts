import { describe, expect, it } from "vitest";
import { redirectWithinSite, safeRedirectPath } from "@/lib/auth/rules";

describe("safeRedirectPath", () => {
  it.each(["/leads", "/leads?stage=MQL&page=2", "/leads/abc#history", "/"])("keeps the local path %s", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "",
    null,
    undefined,
    "leads",
  ])("refuses %s", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });
});

describe("safeRedirectPath, more disguises", () => {
  it.each([
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http:evil.example",
    "https:/evil.example",
    "///evil.example",
    "/%5Cevil.example/../",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    `/${"a".repeat(2001)}`,
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target)).not.toMatch(/evil|javascript|data:|^\/\//i);
    expect(safeRedirectPath(target).startsWith("/")).toBe(true);
  });

  it("never returns anything a browser reads as another origin", () => {
    for (const target of ["//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/.//evil.example"]) {
      const resolved = new URL(safeRedirectPath(target), "https://tandem.test");
      expect(resolved.origin).toBe("https://tandem.test");
    }
  });

  it("uses the given fallback", () => {
    expect(safeRedirectPath("https://evil.example", "/queue")).toBe("/queue");
  });
});

describe("redirectWithinSite (next-auth's redirect callback)", () => {
  const base = "https://tandem.test";

  it.each([
    ["/leads?stage=MQL", "https://tandem.test/leads?stage=MQL"],
    ["https://tandem.test/queue#top", "https://tandem.test/queue#top"],
    ["https://evil.example/steal", "https://tandem.test/"],
    ["//evil.example", "https://tandem.test/"],
    ["/\\evil.example", "https://tandem.test/"],
    ["javascript:alert(1)", "https://tandem.test/"],
    ["https://tandem.test.evil.example/", "https://tandem.test/"],
    ["not a url", "https://tandem.test/"],
  ])("sends %j to %j", (url, expected) => {
    expect(redirectWithinSite(url, base)).toBe(expected);
  });

  it("copes with a base address that ends in a slash", () => {
    expect(redirectWithinSite("/leads", "https://tandem.test/")).toBe("https://tandem.test/leads");
  });
});
