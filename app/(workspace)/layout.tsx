import { requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/navigation";
import { AppShell } from "@/components/shell/app-shell";

// Every page below re-checks its own permission; this layout only draws the shell for a signed-in user.
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={{ name: user.name, role: user.role }} nav={navigationFor(user.role)}>
      {children}
    </AppShell>
  );
}
