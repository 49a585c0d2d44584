// The coverage guard: every server action, route handler and page on disk must be described in
// support/action-catalog.ts (its permission, or why it is public), and the server must behave as described, role by
// role: the permission table itself, the permission each action checks, who each action and route refuses, and what
// each page requires. A feature that lands with an action, route or page missing from the catalog fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/enums";
import { ACTION_CATALOG, discoverActions, EXPECTED_PERMISSIONS, PAGE_CATALOG, PAGE_FILES, root, ROUTE_CATALOG, ROUTE_FILES } from "./support/action-catalog";
import { databaseFingerprint } from "./support/fingerprint";
import { makeActiveDefinition, makeUser } from "./support/factories";
import { spy } from "./support/pipeline-spy";
import { signInAs } from "./support/session";

vi.mock("@/lib/actions/pipeline", async (original) => (await import("./support/pipeline-spy")).spyOn(await original()));

const ROLE_REFUSAL = "Your role does not allow this. Nothing was changed.";
const actions = await discoverActions();
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const routeMethods = (
  await Promise.all(
    ROUTE_FILES.map(async (file) => {
      const exported = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      return METHODS.filter((method) => typeof exported[method] === "function").map((method) => ({ key: `${file} ${method}`, file, method, handler: exported[method] as (...args: unknown[]) => Promise<Response> }));
    }),
  )
).flat();

const users = {} as Record<Role, { id: string }>;
const inactive = {} as Record<Role, { id: string }>;
let before: Record<string, string>;

beforeAll(async () => {
  await makeActiveDefinition();
  for (const role of ROLES) {
    users[role] = await makeUser(role);
    inactive[role] = await makeUser(role, { active: false });
  }
  before = await databaseFingerprint();
});

afterAll(async () => {
  // Hundreds of calls, by every role, allowed and refused: not one row of any table changed.
  expect(await databaseFingerprint()).toEqual(before);
});

describe("the catalog covers everything on disk", () => {
  it("describes every server action, and nothing that no longer exists", () => {
    const found = actions.map((action) => action.key).sort();
    expect(found.filter((key) => !(key in ACTION_CATALOG)), "actions without an entry in support/action-catalog.ts").toEqual([]);
    expect(Object.keys(ACTION_CATALOG).filter((key) => !found.includes(key)), "entries for actions that no longer exist").toEqual([]);
  });

  it("describes every route handler's every method", () => {
    const found = routeMethods.map((route) => route.key).sort();
    expect(found.filter((key) => !(key in ROUTE_CATALOG)), "route methods without an entry").toEqual([]);
    expect(Object.keys(ROUTE_CATALOG).filter((key) => !found.includes(key)), "entries for route methods that no longer exist").toEqual([]);
  });

  it("describes every page", () => {
    expect(PAGE_FILES.filter((file) => !(file in PAGE_CATALOG)), "pages without an entry").toEqual([]);
    expect(Object.keys(PAGE_CATALOG).filter((file) => !PAGE_FILES.includes(file)), "entries for pages that no longer exist").toEqual([]);
  });

  it("has every valid example accepted by its action's own schema (so fuzzing starts from a valid input)", async () => {
    for (const { key, action } of actions) {
      signInAs(null);
      spy.last = null;
      await action(ACTION_CATALOG[key]?.example);
      expect(spy.last!.schema.safeParse(spy.last!.input).error?.issues, key).toBeUndefined();
    }
  });
});

describe("the permission table, role by role", () => {
  it("is exactly the intended table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED_PERMISSIONS).sort());
    for (const [permission, roles] of Object.entries(EXPECTED_PERMISSIONS)) {
      expect([...PERMISSIONS[permission as Permission]].sort(), permission).toEqual([...roles].sort());
    }
  });

  it("has every permission enforced by some action, route or page", () => {
    const used = new Set<string>([
      ...Object.values(ACTION_CATALOG).map((entry) => entry.permission),
      ...Object.values(ROUTE_CATALOG).flatMap((access) => (access.kind === "session" ? [access.permission] : [])),
      ...Object.values(PAGE_CATALOG),
    ]);
    expect(Object.keys(PERMISSIONS).filter((permission) => !used.has(permission))).toEqual([]);
  });
});

describe("every server action, called as every role", () => {
  for (const { key, action } of actions) {
    const entry = ACTION_CATALOG[key];
    it(`${key} checks ${entry?.permission ?? "(no entry)"}: allowed to ${entry ? EXPECTED_PERMISSIONS[entry.permission].join(", ") : "?"}, refused to every other role`, async () => {
      expect(entry, `${key} has no entry in support/action-catalog.ts`).toBeDefined();
      signInAs(null);
      spy.last = null;
      await action(42);
      expect(spy.last, `${key} does not go through runAction`).not.toBeNull();
      expect(spy.last!.permission).toBe(entry!.permission);

      const allowed = EXPECTED_PERMISSIONS[entry!.permission];
      const seen: Record<string, "allowed" | "refused"> = {};
      for (const role of ROLES) {
        signInAs(users[role]);
        // An input no schema accepts: an allowed role gets past the permission check to the validation, and writes nothing.
        const result = (await action(42)) as { ok: boolean; formError?: string };
        expect(result.ok).toBe(false);
        seen[role] = result.formError === ROLE_REFUSAL ? "refused" : "allowed";
        if (!allowed.includes(role)) {
          // A refused role is refused before anything else, even with a valid input.
          expect(await action(entry!.example), `${role} with a valid input`).toEqual({ ok: false, formError: ROLE_REFUSAL });
        } else {
          expect(result.formError, role).toBe("Some fields need attention.");
        }
        // The same role, deactivated, is signed out whatever its session says.
        signInAs(inactive[role]);
        expect(await action(entry!.example)).toMatchObject({ ok: false, formError: expect.stringMatching(/session has ended/) });
      }
      expect(seen).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? "allowed" : "refused"])));
    });
  }
});

describe("every route handler, called as every role", () => {
  const params = { subjectType: "TEAM", subjectId: "team", id: "lead-1", nextauth: ["session"] };
  const call = (route: (typeof routeMethods)[number]) =>
    route.handler(new NextRequest(`http://localhost/api/test?subjectType=TEAM&subjectId=team&q=a&email=a%40b.test`, { method: route.method }), { params: Promise.resolve(params) });

  for (const route of routeMethods) {
    const access = ROUTE_CATALOG[route.key];
    if (!access || access.kind === "public") continue;
    it(`${route.key}: ${access.kind === "session" ? `${access.permission}, per role` : "an API key only, whatever the session"}`, async () => {
      for (const role of ROLES) {
        signInAs(users[role]);
        const status = (await call(route)).status;
        if (access.kind === "api-key") expect(status, role).toBe(401);
        // Allowed: past the permission check; an empty upload is then refused as bad input (400), never 401/403.
        else if (EXPECTED_PERMISSIONS[access.permission].includes(role)) expect(route.method === "POST" ? [200, 400, 404] : [200, 404], role).toContain(status);
        else expect(status, role).toBe(403);
        signInAs(inactive[role]);
        expect((await call(route)).status, `inactive ${role}`).toBe(401);
      }
    });
  }
});

describe("every page", () => {
  it("requires, before it shows anything, the permission the catalog names", () => {
    for (const [file, access] of Object.entries(PAGE_CATALOG)) {
      const source = readFileSync(path.join(root, file), "utf8");
      const first = /require(Permission|User)\(\s*(?:"([^"]+)")?/.exec(source);
      if (access === "public") expect(first, file).toBeNull();
      else if (access === "signed-in") expect(first?.[1], file).toBe("User");
      else expect([first?.[1], first?.[2]], file).toEqual(["Permission", access]);
    }
  });
});
