import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { hashApiKey, looksLikeApiKey } from "@/lib/api-keys/rules";
import { signInAs } from "./support/session";
import { makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { intakeCounts, makeApiKey } from "./support/intake";

const ROLES = Object.values(Role);

beforeEach(async () => {
  await resetDatabase();
});

describe.each(ROLES)("API key actions as %s", (role) => {
  const allowed = can(role, "apikey:manage");

  it(allowed ? "creates a key (shown once, stored as a hash) and revokes it, each audited" : "is refused creating or revoking, and nothing changes", async () => {
    const actor = await makeUser(role);
    const existing = await makeApiKey("Existing");
    signInAs(actor);
    const before = await intakeCounts();

    const created = await createApiKeyAction({ name: "  Website forms " });
    const revoked = await revokeApiKeyAction({ id: existing.id });

    if (!allowed) {
      for (const result of [created, revoked]) expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect(await intakeCounts()).toEqual(before);
      expect(await db().apiKey.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ revokedAt: null });
      return;
    }
    expect(created.ok && revoked.ok).toBe(true);
    const key = created.ok ? created.data.key : "";
    expect(looksLikeApiKey(key)).toBe(true);
    const stored = await db().apiKey.findFirstOrThrow({ where: { name: "Website forms" } });
    expect(stored).toMatchObject({ hash: hashApiKey(key), prefix: key.slice(0, 12), createdById: actor.id, revokedAt: null });
    expect(JSON.stringify(await db().apiKey.findMany())).not.toContain(key.slice(12));
    expect(await db().apiKey.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ revokedById: actor.id, revokedAt: expect.any(Date) });
    const audit = await db().auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { at: "asc" }, select: { action: true, entityId: true } });
    expect(audit).toEqual([
      { action: "api_key.created", entityId: stored.id },
      { action: "api_key.revoked", entityId: existing.id },
    ]);
  });
});

describe("API key actions", () => {
  it("refuses a caller without a session and writes nothing", async () => {
    const existing = await makeApiKey("Existing");
    signInAs(null);
    const before = await intakeCounts();
    expect((await createApiKeyAction({ name: "Sneaky" })).ok).toBe(false);
    expect((await revokeApiKeyAction({ id: existing.id })).ok).toBe(false);
    expect(await intakeCounts()).toEqual(before);
  });

  it("refuses a bad or taken name with a field error; a revoked key's name may be reused", async () => {
    const admin = await makeUser("ADMIN");
    signInAs(admin);
    expect(await createApiKeyAction({ name: "" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await createApiKeyAction({ name: "<script>" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    const first = await createApiKeyAction({ name: "Events" });
    expect(await createApiKeyAction({ name: "Events" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/already has this name/)] } });
    await revokeApiKeyAction({ id: first.ok ? first.data.id : "" });
    expect((await createApiKeyAction({ name: "Events" })).ok).toBe(true);
    expect(await db().apiKey.count({ where: { name: "Events" } })).toBe(2);
  });

  it("says so when a key is revoked twice or does not exist, changing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const key = await makeApiKey("Once");
    signInAs(admin);
    expect((await revokeApiKeyAction({ id: key.id })).ok).toBe(true);
    const before = await intakeCounts();
    expect(await revokeApiKeyAction({ id: key.id })).toEqual({ ok: false, formError: "That key was already revoked." });
    expect(await revokeApiKeyAction({ id: "missing" })).toEqual({ ok: false, formError: "That API key does not exist." });
    expect(await intakeCounts()).toEqual(before);
  });
});
