"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-renders the page from the server every few seconds. Rendered only while a background job runs: when a refresh
 * shows it finished, the server stops rendering this component and the polling stops with it.
 */
export function RefreshWhileRunning({ intervalMs = 2000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => {
      // A hidden tab need not poll; it catches up when it is shown again.
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
