// Property-based: every zod schema exported by lib/**/schemas.ts (and lib/**/*-schema.ts), found on disk, parses
// 1,000 generated invalid inputs (hostile values in its own fields, prototype keys, wrong types, huge strings, unicode
// edge cases) without throwing, and answers each with issues that carry a message and a path. The URL-query schemas
// that fall back to defaults by design never refuse: for them, whatever comes in, what comes out parses again.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { brokenInputs, fuzzOptions, nastyValue } from "../support/fuzz";

const root = path.resolve(import.meta.dirname, "../..");
const SCHEMA_FILES = readdirSync(path.join(root, "lib"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /(^|-)schemas?\.ts$/.test(entry.name) && !entry.parentPath.includes("generated"))
  .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
  .sort();

/** Schemas of URL queries: a hand-edited URL gets the default view, never an error (each field has a .catch). */
const LENIENT = new Set(["lib/audit/schemas.ts#auditQuerySchema", "lib/leads/schemas.ts#leadListQuerySchema", "lib/campaigns/schemas.ts#campaignListQuerySchema", "lib/goals/schemas.ts#goalListQuerySchema"]);

const INPUTS = Number(process.env.TANDEM_FUZZ_INPUTS ?? 1000);

/** The object keys a schema reads, when it is an object (refined or not), to aim hostile values at its own fields. */
function fieldsOf(schema: z.ZodType): Record<string, unknown> {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === "object" ? Object.fromEntries(Object.keys(shape).map((key) => [key, "x"])) : {};
}

const schemas = (
  await Promise.all(
    SCHEMA_FILES.map(async (file) =>
      Object.entries((await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>)
        .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
        .map(([name, schema]) => ({ key: `${file}#${name}`, schema })),
    ),
  )
).flat();

describe("every zod schema, fed generated invalid input", () => {
  it("finds the schemas", () => {
    expect(SCHEMA_FILES).toEqual(expect.arrayContaining(["lib/leads/schemas.ts", "lib/leads/move-schema.ts", "lib/agreement/schemas.ts"]));
    expect(schemas.length).toBeGreaterThan(40);
    for (const key of LENIENT) expect(schemas.map((entry) => entry.key)).toContain(key);
  });

  for (const { key, schema } of schemas) {
    if (LENIENT.has(key)) {
      it(`${key}: never refuses, never throws, and what it returns parses again`, () => {
        fc.assert(
          // Pages pass their search parameters as an object; any values, any extra keys.
          fc.property(brokenInputs(fieldsOf(schema)).filter((input) => input !== null && typeof input === "object" && !Array.isArray(input)), (input) => {
            const first = schema.safeParse(input);
            expect(first.success).toBe(true);
            expect(schema.safeParse(first.data).success).toBe(true);
          }),
          fuzzOptions(INPUTS),
        );
      });
      continue;
    }
    it(`${key}: ${INPUTS} invalid inputs, each refused with located messages; none throws`, () => {
      const fields = fieldsOf(schema);
      const inputs = Object.keys(fields).length > 0 ? fc.oneof(brokenInputs(fields), nastyValue) : nastyValue;
      let refused = 0;
      for (let round = 0; refused < INPUTS && round < 50; round++) {
        fc.assert(
          fc.property(inputs, (input) => {
            const result = schema.safeParse(input);
            if (result.success) return;
            refused += 1;
            expect(result.error.issues.length).toBeGreaterThan(0);
            for (const issue of result.error.issues) {
              expect(typeof issue.message).toBe("string");
              expect(issue.message.length).toBeGreaterThan(0);
              expect(Array.isArray(issue.path)).toBe(true);
            }
            // What the forms show: every message reachable through the flattened errors.
            const flat = z.flattenError(result.error);
            expect(flat.formErrors.length + Object.keys(flat.fieldErrors).length).toBeGreaterThan(0);
          }),
          fuzzOptions(INPUTS - refused),
        );
      }
      expect(refused).toBeGreaterThanOrEqual(INPUTS);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
