// Every server action and every route handler, called by someone without a session: refused, and not one row of any
// table changes. The actions and routes are found on disk, so features that land later are covered without editing
// this file. Actions are public POST endpoints: these checks must live in them, whatever the pages or proxy.ts do.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { signInAs } from "./support/session";

const root = path.resolve(import.meta.dirname, "../..");

function filesNamed(folder: string, name: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Routes that are public by design: the sign-in endpoints themselves, and the health check (it reveals nothing). */
// Public on purpose: sign-in itself, the health check, and the intake API's description (its endpoints need a key).
const PUBLIC_ROUTES = new Set([
  path.join("app", "api", "auth", "[...nextauth]", "route.ts"),
  path.join("app", "api", "health", "route.ts"),
  path.join("app", "api", "v1", "openapi.json", "route.ts"),
]);
/** Every module that declares server actions ("use server" at the top), wherever it lives. */
const ACTION_FILES = ["lib", "app", "components"].flatMap((folder) =>
  readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")))
    .sort(),
);
/**
 * Public on purpose, but still checked below: a campaign's web form takes posts from anyone on the listed websites,
 * without a session or a key. What guards it is its form token (unguessable, 192 random bits), the form's origins and
 * a per-address limit (tests/integration/web-forms.test.ts). Called here with a token that names no form, every
 * method must answer 404 and write nothing.
 */
const TOKEN_ROUTES = new Set([path.join("app", "api", "v1", "forms", "[token]", "route.ts")]);
const ROUTE_FILES = filesNamed("app", "route.ts").filter((file) => !PUBLIC_ROUTES.has(file));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Rows per table, every table of the schema (including tables that features add later). */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "public"."${tablename}"`);
    counts[tablename] = Number(row!.n);
  }
  return counts;
}

/** Inputs a real form could send, pointing at real rows, so a missing check would find something to change. */
function inputsFor(ids: { leadId: string; userId: string }): unknown[] {
  const formData = new FormData();
  for (const [key, value] of Object.entries({ ...ids, id: ids.leadId, version: "1", stage: "WON", role: "ADMIN", name: "X" })) {
    formData.set(key, value);
  }
  return [{ ...ids, id: ids.leadId, version: 1, role: "ADMIN", active: false, to: "WON", stage: "WON" }, formData];
}

describe("without a session", () => {
  let ids: { leadId: string; userId: string };

  beforeAll(async () => {
    await makeActiveDefinition();
    const marketer = await makeUser("MARKETER");
    const rep = await makeUser("SALES_REP");
    const lead = await makeLead({ id: marketer.id, role: "MARKETER" });
    ids = { leadId: lead.id, userId: rep.id };
    signInAs(null);
  });

  it("finds the actions and routes to check", () => {
    expect(ACTION_FILES).toEqual(expect.arrayContaining(["lib/leads/actions.ts", "lib/users/actions.ts", "lib/agreement/actions.ts"]));
    for (const file of TOKEN_ROUTES) expect(ROUTE_FILES).toContain(file);
  });

  for (const file of ACTION_FILES) {
    it(`refuses every action in ${file} and writes nothing`, async () => {
      const exported = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const actions = Object.entries(exported).filter((entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => typeof entry[1] === "function");
      expect(actions.length).toBeGreaterThan(0);
      const before = await tableCounts();
      for (const [name, action] of actions) {
        for (const input of inputsFor(ids)) {
          // Both call shapes: action(input) and useActionState's action(previousState, formData).
          for (const args of [[input], [undefined, input]]) {
            const result = (await action(...args)) as { ok?: boolean; formError?: string };
            expect(result, `${name}(${args.length} args)`).toMatchObject({ ok: false });
            expect(result.formError, name).toMatch(/session has ended|sign in/i);
          }
        }
      }
      expect(await tableCounts()).toEqual(before);
    });
  }

  for (const file of ROUTE_FILES) {
    it(`refuses every method of ${file}, even with a forged x-middleware-subrequest header`, async () => {
      const exported = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const before = await tableCounts();
      for (const method of METHODS) {
        const handler = exported[method];
        if (typeof handler !== "function") continue;
        const request = new Request(`http://localhost/${file}`, {
          method,
          headers: { "content-type": "application/json", "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
          body: method === "GET" ? undefined : JSON.stringify({ name: "Forged", email: "forged@example.test" }),
        });
        const params = new Proxy({}, { get: () => ids.leadId });
        const response = (await handler(request, { params: Promise.resolve(params) })) as Response;
        expect(TOKEN_ROUTES.has(file) ? [404] : [401, 403, 404, 405], `${method} ${file}`).toContain(response.status);
      }
      expect(await tableCounts()).toEqual(before);
    });
  }
});
