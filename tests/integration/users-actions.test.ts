import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { changeRoleAction, createUserAction, setUserActiveAction } from "@/lib/users/actions";
import { signInAs } from "./support/session";
import { makeUser, rowCounts } from "./support/factories";
import { resetDatabase } from "./support/db";

const ROLES = Object.values(Role);

beforeEach(async () => {
  await resetDatabase();
});

describe.each(ROLES)("user administration as %s", (role) => {
  const allowed = can(role, "user:manage");

  it(allowed ? "creates a user, changes a role and deactivates, each audited" : "is refused for every action and writes nothing", async () => {
    const actor = await makeUser(role);
    await makeUser("ADMIN"); // so that removing an admin is never the last-admin case
    const target = await makeUser("SALES_REP");
    signInAs(actor);
    const before = await rowCounts();

    const created = await createUserAction({ name: "New Person", email: "new.person@example.test", role: "MARKETER", password: "a-long-enough-password" });
    const demoted = await changeRoleAction({ userId: target.id, version: target.version, role: "MARKETER" });
    const deactivated = await setUserActiveAction({ userId: target.id, version: target.version + 1, active: false });

    if (!allowed) {
      for (const result of [created, demoted, deactivated]) {
        expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      }
      expect(await rowCounts()).toEqual(before);
      expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "SALES_REP", active: true, version: 1 });
      return;
    }
    expect([created.ok, demoted.ok, deactivated.ok]).toEqual([true, true, true]);
    const newcomer = await db().user.findUniqueOrThrow({ where: { email: "new.person@example.test" } });
    expect(newcomer).toMatchObject({ role: "MARKETER", active: true });
    expect(newcomer.passwordHash).not.toContain("a-long-enough-password");
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "MARKETER", active: false, version: 3 });
    const actions = (await db().auditEvent.findMany({ orderBy: { at: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["user.created", "user.role_changed", "user.deactivated"]);
  });
});

describe("user administration rules", () => {
  it("refuses callers without a session", async () => {
    const target = await makeUser("SALES_REP");
    signInAs(null);
    const before = await rowCounts();
    const result = await setUserActiveAction({ userId: target.id, version: 1, active: false });
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/session has ended/) });
    expect(await rowCounts()).toEqual(before);
  });

  it("takes a deactivated or demoted user's access away on their very next request", async () => {
    const admin = await makeUser("ADMIN");
    const rep = await makeUser("SALES_REP");
    const manager = await makeUser("SALES_MANAGER");

    signInAs(admin);
    expect((await setUserActiveAction({ userId: rep.id, version: 1, active: false })).ok).toBe(true);
    expect((await changeRoleAction({ userId: manager.id, version: 1, role: "SALES_REP" })).ok).toBe(true);

    signInAs(rep); // the cookie still names the user; the database says no
    expect(await getCurrentUser()).toBeNull();
    signInAs(manager);
    expect(await getCurrentUser()).toMatchObject({ id: manager.id, role: "SALES_REP" });
  });

  it("detects a concurrent edit instead of overwriting it", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("MARKETER");
    signInAs(admin);
    expect((await changeRoleAction({ userId: target.id, version: 1, role: "MARKETING_MANAGER" })).ok).toBe(true);
    const stale = await setUserActiveAction({ userId: target.id, version: 1, active: false });
    expect(stale).toEqual({ ok: false, formError: expect.stringMatching(/changed this user a moment ago/) });
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "MARKETING_MANAGER", active: true });
  });

  it("lets exactly one of two simultaneous edits of the same version win", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("MARKETER");
    signInAs(admin);
    const results = await Promise.all([
      changeRoleAction({ userId: target.id, version: 1, role: "CRO" }),
      changeRoleAction({ userId: target.id, version: 1, role: "SALES_REP" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ version: 2 });
  });

  it("never lets an admin lock themselves out or remove the last active admin", async () => {
    const admin = await makeUser("ADMIN");
    signInAs(admin);
    expect(await setUserActiveAction({ userId: admin.id, version: 1, active: false })).toMatchObject({ ok: false, formError: expect.stringMatching(/your own account/) });
    expect(await changeRoleAction({ userId: admin.id, version: 1, role: "CRO" })).toMatchObject({ ok: false, formError: expect.stringMatching(/your own role/) });

    const other = await makeUser("ADMIN");
    expect((await setUserActiveAction({ userId: other.id, version: 1, active: false })).ok).toBe(true);
    expect(await db().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("refuses a second user with the same email, in any case", async () => {
    const admin = await makeUser("ADMIN");
    await makeUser("SALES_REP", { email: "taken@example.test" });
    signInAs(admin);
    const result = await createUserAction({ name: "Twin", email: "TAKEN@example.test", role: "SALES_REP", password: "a-long-enough-password" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: ["Someone already uses this email."] } });
  });

  it("returns field errors for a weak password and an unknown role", async () => {
    const admin = await makeUser("ADMIN");
    signInAs(admin);
    const before = await rowCounts();
    const result = await createUserAction({ name: "X", email: "x@example.test", role: "OWNER", password: "short" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: [expect.any(String)], password: ["Use at least 12 characters"] } });
    expect(await rowCounts()).toEqual(before);
  });
});
