import "server-only";
import { db } from "../db/client";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const API_KEYS_PAGE_SIZE = 25;

/** The keys, newest first, live and revoked. Never the hash. */
export async function listApiKeys(page: number): Promise<{ rows: ApiKeyRow[]; page: number; pageCount: number; total: number }> {
  const total = await db().apiKey.count();
  const pageCount = Math.max(1, Math.ceil(total / API_KEYS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const keys = await db().apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * API_KEYS_PAGE_SIZE,
    take: API_KEYS_PAGE_SIZE,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return {
    rows: keys.map((key) => ({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      createdAt: key.createdAt.toISOString(),
      createdBy: key.createdBy?.name ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    })),
    page: current,
    pageCount,
    total,
  };
}
