import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/rules";

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
