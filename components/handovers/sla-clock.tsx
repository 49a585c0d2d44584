"use client";
import { useEffect, useState } from "react";
import { formatClock, slaClock } from "@/lib/handovers/rules";
import { Badge } from "@/components/ui/badge";

const TONE = { open: "neutral", "due soon": "warning", breached: "danger", "answered in time": "success", "answered late": "danger" } as const;

/** The time left to answer a handover, ticking every half minute; red once the SLA is breached. */
export function SlaClock({ createdAt, dueAt, respondedAt }: { createdAt: string; dueAt: string; respondedAt: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (respondedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [respondedAt]);
  const clock = slaClock({ createdAt: new Date(createdAt), dueAt: new Date(dueAt), respondedAt: respondedAt ? new Date(respondedAt) : null }, new Date(now));
  const text = clock.msLeft === null ? clock.state : clock.state === "breached" ? `SLA breached · ${formatClock(clock.msLeft)}` : formatClock(clock.msLeft);
  return (
    <Badge tone={TONE[clock.state]} suppressHydrationWarning>
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </Badge>
  );
}
