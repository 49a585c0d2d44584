"use client";
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";

/** How often the navigation asks for the unread count. */
const POLL_MS = 10_000;
const CHANGED = "tandem:inbox-changed";

/** Tells the navigation's count to look again now (after marking something read). */
export function announceInboxChange() {
  window.dispatchEvent(new Event(CHANGED));
}

async function fetchUnread(): Promise<number | null> {
  try {
    const response = await fetch("/api/inbox/unread", { cache: "no-store" });
    return response.ok ? ((await response.json()) as { unread: number }).unread : null;
  } catch {
    // Offline for a moment: keep the last count.
    return null;
  }
}

/** The signed-in user's unread count: from the page at first, then polled, on every navigation and on demand. */
export function useUnreadCount(initial: number): number {
  const [unread, setUnread] = useState(initial);
  const pathname = usePathname();
  useEffect(() => {
    let current = true;
    const refresh = () =>
      void fetchUnread().then((count) => {
        if (current && count !== null) setUnread(count);
      });
    refresh();
    const timer = setInterval(() => !document.hidden && refresh(), POLL_MS);
    window.addEventListener(CHANGED, refresh);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener(CHANGED, refresh);
    };
  }, [pathname]);
  return unread;
}
