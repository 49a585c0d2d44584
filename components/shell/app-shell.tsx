import Link from "next/link";
import type { Role } from "@/lib/db/enums";
import type { NavItem } from "@/lib/navigation";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { Badge } from "@/components/ui/badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks } from "./nav-links";

interface Props {
  user: { name: string; role: Role };
  nav: NavItem[];
  /** Unread notifications when the page was drawn; the navigation keeps it current. */
  unread?: number;
  children: React.ReactNode;
}

export function AppShell({ user, nav, unread, children }: Props) {
  return (
    <div className="min-h-screen bg-canvas">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        {/* Up to 14 sections: the brand and the user share the first row, the navigation takes a full row of its own
            below and wraps, so every label stays visible from a phone to 1280px without scrolling sideways. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight text-brand">
            Tandem
          </Link>
          <NavLinks items={nav.map(({ href, label }) => ({ href, label }))} unread={unread} />
          <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="current-user">
            <span className="font-medium">{user.name}</span>
            <Badge tone="brand">{ROLE_LABELS[user.role]}</Badge>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
