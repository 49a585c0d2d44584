import { describe, expect, it } from "vitest";
import { isStrongSecret, readEnv } from "@/lib/env";
import { resolveAuthSecret } from "@/lib/runtime/prepare";

describe("configuration", () => {
  it("applies defaults and rejects a malformed value with a clear message", () => {
    expect(readEnv({})).toMatchObject({ PORT: 3000, TANDEM_DATA_DIR: ".data", NODE_ENV: "development" });
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });

  it("accepts only long, varied, non-placeholder secrets", () => {
    expect(isStrongSecret("k3J9vQ2mX8pL5tR1wZ7cB4nF6hD0sG2a")).toBe(true);
    expect(isStrongSecret("short")).toBe(false);
    expect(isStrongSecret("a".repeat(40))).toBe(false);
    expect(isStrongSecret("change-me-change-me-change-me-change-me")).toBe(false);
    expect(isStrongSecret(undefined)).toBe(false);
  });

  it("refuses to run in production without a strong AUTH_SECRET", () => {
    expect(() => resolveAuthSecret(readEnv({ NODE_ENV: "production" }))).toThrow(/Refusing to start/);
    expect(() => resolveAuthSecret(readEnv({ NODE_ENV: "production", AUTH_SECRET: "weak" }))).toThrow(/Refusing to start/);
    const strong = "k3J9vQ2mX8pL5tR1wZ7cB4nF6hD0sG2a";
    expect(resolveAuthSecret(readEnv({ NODE_ENV: "production", AUTH_SECRET: strong }))).toBe(strong);
  });
});
