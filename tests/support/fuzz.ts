// Hostile inputs for property-based tests (fast-check): wrong types, huge strings, objects where text belongs,
// prototype keys, and unicode edge cases (lone surrogates, right-to-left marks and overrides, NUL, zero-width and
// combining characters). `brokenInputs` breaks a valid example one to three fields at a time, so each input is
// almost right, the case a validation gap lets through.
import fc from "fast-check";

/** Fields that must never be set by a caller: adding them to any action's input must change nothing. */
export const PROTECTED_KEYS = ["role", "ownerId", "stage", "score", "version", "createdAt", "updatedAt", "id", "authorId", "createdById", "status", "active", "passwordHash", "apiKeyId", "qualifiedVersion", "revision", "signatures", "actorId", "repId", "requesterId", "month", "hash"] as const;

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"] as const;

const SPECIAL_TEXT = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u0007bell",
  "\uD800",
  "broken \uDFFF end",
  "\uDBFF\uDBFF",
  "\u200F\u05E9\u05DC\u05D5\u05DD",
  "\u202Egnp.exe",
  "\u2066isolate\u2069",
  "\u200B",
  "\uFEFFbom",
  "\uFFFE\uFFFF",
  "e\u0301\u0301\u0301\u0301",
  "𝕏😀👩‍👩‍👧",
  "__proto__",
  "constructor",
  "'; DROP TABLE \"Lead\"; --",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "null",
  "undefined",
  "true",
  "{}",
  "[]",
  "%00",
  "../../etc/passwd",
  "2026-02-30",
  "9999-99-99",
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...SPECIAL_TEXT), fc.string({ maxLength: 10 })).map((parts) => parts.join("")) },
  // Huge strings: far past every limit, of one- and two-unit characters.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("x", "é", "😀", "\u202E", " "), fc.integer({ min: 1_000, max: 100_000 })).map(([text, times]) => text.repeat(times)) },
);

const nastyNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 2, 2 ** 31, 2 ** 53),
  fc.double(),
  fc.integer(),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

/** An object whose own keys include `__proto__` or `constructor`, as JSON.parse or a decoded request would make it. */
function withOwnKey(key: string, value: unknown, rest: Record<string, unknown> = {}): Record<string, unknown> {
  const object: Record<string, unknown> = { ...rest };
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const prototypeObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(JSON.parse('{"__proto__": {"role": "ADMIN", "isAdmin": true, "polluted": true}}')),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), scalar).map(([key, value]) => withOwnKey(key, value)),
  fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), nastyString), scalar, { maxKeys: 4 }),
);

/** A value of any type, meant for a field that expects something else. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: prototypeObject },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(new Map([["role", "ADMIN"]]), new Set(["x"]), [[["deep"]]], new Uint8Array([0, 1, 2])) },
);

type Path = (string | number)[];

/** Every path into `value` (objects and arrays, a few levels deep), leaves and containers alike. */
export function pathsOf(value: unknown, depth = 4, prefix: Path = []): Path[] {
  if (depth === 0 || value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, depth - 1, [...prefix, key])]);
}

type Mutation = { kind: "set"; path: Path; value: unknown } | { kind: "delete"; path: Path } | { kind: "add"; key: string; value: unknown };

function isPlain(value: unknown): value is Record<string | number, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

function apply(example: Record<string, unknown>, mutations: Mutation[]): unknown {
  const input = structuredClone(example);
  for (const mutation of mutations) {
    if (mutation.kind === "add") {
      Object.defineProperty(input, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    // Follow the path through plain objects and arrays only: an earlier mutation may have put a Map or a typed array there.
    let parent: Record<string | number, unknown> | null = input;
    for (const step of mutation.path.slice(0, -1)) {
      const next: unknown = parent[step];
      if (!isPlain(next)) {
        parent = null;
        break;
      }
      parent = next;
    }
    if (!parent) continue;
    const last = mutation.path.at(-1)!;
    if (mutation.kind === "delete") delete parent[last];
    else parent[last] = mutation.value;
  }
  return input;
}

/**
 * Inputs made from a valid example: one to three of its fields (at any depth) replaced by a hostile value or removed,
 * protected or prototype keys added; or, one time in eight, a hostile value instead of the whole input.
 */
export function brokenInputs(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    ...(paths.length > 0
      ? [
          { weight: 6, arbitrary: fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...paths), value: nastyValue }) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...paths) }) },
        ]
      : []),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), key: fc.constantFrom(...PROTOTYPE_KEYS, ...PROTECTED_KEYS), value: nastyValue }) },
  );
  return fc.oneof(
    { weight: 7, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => apply(example, mutations)) },
    { weight: 1, arbitrary: nastyValue },
  );
}

/** The seed of a run, from TANDEM_FUZZ_SEED when a failure is being reproduced, else fast-check's own. */
export function fuzzOptions(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.TANDEM_FUZZ_SEED;
  return { numRuns, ...(seed && { seed: Number(seed) }) };
}
