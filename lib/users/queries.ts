import "server-only";
import { db } from "../db/client";
import type { Role } from "../db/enums";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
  createdAt: string;
}

export const USERS_PAGE_SIZE = 50;

/** Everyone, for the admin page; never the password hash. Callers must hold `user:manage`. */
export async function listUsers(page: number): Promise<{ rows: UserRow[]; total: number; page: number; pageCount: number }> {
  const total = await db().user.count();
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const users = await db().user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    skip: (current - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: { id: true, name: true, email: true, role: true, active: true, version: true, createdAt: true },
  });
  return {
    total,
    page: current,
    pageCount,
    rows: users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })),
  };
}
