// Property-based: every server action (found on disk), called by a user whose role may use it, with generated invalid
// inputs (a valid example with one to three fields broken: wrong types, huge strings, objects where text belongs,
// __proto__ and constructor keys, NUL, lone surrogates, right-to-left overrides...). Each one is answered with field
// errors (ok: false), none throws or reaches the "something went wrong" path, and no row of any table changes.
// The real pipeline runs; an input that the action's own schema would accept is not sent (it is valid, and would write).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/enums";
import { brokenInputs, fuzzOptions, nastyValue } from "../support/fuzz";
import { ACTION_CATALOG, discoverActions } from "./support/action-catalog";
import { databaseFingerprint } from "./support/fingerprint";
import { makeActiveDefinition, makeHandedOverLead, makeLead, makeUser } from "./support/factories";
import { SKIPPED, spy } from "./support/pipeline-spy";
import { signInAs } from "./support/session";

vi.mock("@/lib/actions/pipeline", async (original) => (await import("./support/pipeline-spy")).spyOn(await original()));

/** Invalid inputs per action; TANDEM_FUZZ_INPUTS raises or lowers it (TANDEM_FUZZ_SEED replays a failure). */
const INPUTS = Number(process.env.TANDEM_FUZZ_INPUTS ?? 1000);
/** Inputs sent at once: each fast-check run is one batch, so a failure shrinks to the input that caused it. */
const BATCH = 50;

const actions = await discoverActions();
const users = {} as Record<Role, { id: string }>;
let baseline: Record<string, string>;
const errorLog = vi.spyOn(console, "error");
const tried: Record<string, number> = {};

beforeAll(async () => {
  const definition = await makeActiveDefinition();
  for (const role of ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"] as const) users[role] = await makeUser(role);
  await makeLead({ id: users.MARKETER.id, role: "MARKETER" });
  await makeHandedOverLead({ owner: users.MARKETER, rep: users.SALES_REP, definitionVersion: definition.version });
  baseline = await databaseFingerprint();
  spy.onlyInvalid = true;
});

afterAll(() => {
  spy.onlyInvalid = false;
  console.info(`[fuzz] invalid inputs per action: ${JSON.stringify(tried)}; valid inputs generated and not sent: ${spy.skippedValid}`);
});

describe("every server action, fed generated invalid input", () => {
  it("finds the actions", () => {
    expect(actions.length).toBeGreaterThanOrEqual(Object.keys(ACTION_CATALOG).length);
  });

  for (const { key, action } of actions) {
    it(`${key}: ${INPUTS} invalid inputs, each refused with field errors; nothing thrown, nothing written`, async () => {
      // Which permission it checks (the pipeline records it), so it is called by a role that passes that check.
      signInAs(null);
      spy.last = null;
      await action(42);
      expect(spy.last, `${key} does not go through runAction`).not.toBeNull();
      const permission = spy.last!.permission as Permission;
      signInAs(users[PERMISSIONS[permission][0]!]);

      const example = ACTION_CATALOG[key]?.example ?? {};
      const inputs = Object.keys(example).length > 0 ? brokenInputs(example) : nastyValue;
      let count = 0;
      for (let round = 0; count < INPUTS && round < 20; round++) {
        await fc.assert(
          fc.asyncProperty(fc.array(inputs, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
            const results = (await Promise.all(batch.map((input) => action(input)))) as { ok: boolean; formError?: string; fieldErrors?: Record<string, string[]> }[];
            for (const result of results) {
              if (result === SKIPPED) continue;
              count += 1;
              expect(result.ok).toBe(false);
              expect(result.formError).toBe("Some fields need attention.");
              expect(Object.keys(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
            }
            expect(await databaseFingerprint()).toEqual(baseline);
          }),
          fuzzOptions(Math.ceil((INPUTS - count) / BATCH) + 1),
        );
      }
      tried[key] = count;
      expect(count).toBeGreaterThanOrEqual(INPUTS);
      expect(errorLog, "an input reached the unexpected-error path").not.toHaveBeenCalled();
      // No input polluted the prototype of every object.
      expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).role ?? ({} as Record<string, unknown>).isAdmin).toBeUndefined();
    }, 120_000);
  }
});

describe("the intake API, sent text the database cannot store as sent", () => {
  it("answers 422 with the field named (never a 500), for one lead and for a batch item, and writes nothing", async () => {
    const { api, makeApiKey } = await import("./support/intake");
    const { key } = await makeApiKey();
    const before = await databaseFingerprint(["ApiKey", "ApiRateWindow"]);
    for (const name of ["A\u0000B", "broken \uD800", "bell\u0007"]) {
      const single = await api.postLead({ key, body: { name, email: "unsafe@example.test", company: "Acme", source: "WEBSITE" } });
      expect(single.status).toBe(422);
      expect(single.body.error.fieldErrors).toHaveProperty("name");
      const batch = await api.postBatch({ key, body: { leads: [{ name: "Fine", email: "fine@example.test", company: "Acme", source: "WEBSITE" }, { name, email: "unsafe@example.test", company: "Acme", source: "WEBSITE" }] } });
      expect(batch.status).toBe(422);
      expect(batch.body.results[1]).toMatchObject({ status: "invalid", fieldErrors: { name: [expect.any(String)] } });
    }
    expect(await databaseFingerprint(["ApiKey", "ApiRateWindow"])).toEqual(before);
  });
});
