import { connection } from "next/server";
import { db } from "@/lib/db/client";

/** Liveness and database reachability, for load balancers and the test runner. Reveals nothing else. */
export async function GET() {
  await connection();
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
