import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { dayOf } from "@/lib/requests/rules";
import { RequestForm } from "@/components/requests/request-form";

export const metadata: Metadata = { title: "Ask marketing" };

export default async function NewRequestPage() {
  await requirePermission("request:create");
  return (
    <div className="space-y-4">
      <Link href="/requests" className="text-sm text-brand hover:underline">
        ← Requests
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Ask marketing for help</h1>
      <p className="max-w-prose text-sm text-muted">Say what you need and by when; a marketer takes it and sends you a link when it is ready.</p>
      <RequestForm clientKey={randomUUID()} today={dayOf(new Date())} />
    </div>
  );
}
