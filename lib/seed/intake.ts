// Demo API keys: one that a website form uses, and one revoked when the old landing pages went away. Their hashes
// are of a fixed text that is not a key (no key exists whose hash they are), so the demo ships no working key: an
// admin makes one on /admin/api-keys or with `npm run api-key -- create <name>`. Deterministic; pure rows out.
import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const unusableHash = (label: string) => createHash("sha256").update(`tandem demo key (not a key): ${label}`).digest("hex");

export function intakeDemoRows(users: readonly Prisma.UserCreateManyInput[], now: Date) {
  const admin = users.find((user) => user.email === "admin@tandem.test");
  const at = (daysAgo: number, hour = 10) => new Date(Math.floor(now.getTime() / DAY) * DAY - daysAgo * DAY + hour * HOUR).toISOString();
  const apiKeys: Prisma.ApiKeyCreateManyInput[] = [
    { id: "seed_api_key_website", name: "Website forms", prefix: "tdm_Wf7kQ2xa", hash: unusableHash("website"), createdById: admin?.id ?? null, createdAt: at(120), lastUsedAt: at(0, 8) },
    {
      id: "seed_api_key_landing",
      name: "Old landing pages",
      prefix: "tdm_L0pG9sVd",
      hash: unusableHash("landing"),
      createdById: admin?.id ?? null,
      createdAt: at(400),
      lastUsedAt: at(200),
      revokedAt: at(190),
      revokedById: admin?.id ?? null,
    },
  ];
  return { apiKeys };
}
