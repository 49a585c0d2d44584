import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { navigationFor } from "@/lib/navigation";
import { countUnread } from "@/lib/messaging/queries";
import { AppShell } from "@/components/shell/app-shell";

// Every page below re-checks its own permission; this layout only draws the shell for a signed-in user.
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = can(user.role, "inbox:read") ? await countUnread(user) : 0;
  return (
    <AppShell user={{ name: user.name, role: user.role }} nav={navigationFor(user.role)} unread={unread}>
      {children}
    </AppShell>
  );
}
