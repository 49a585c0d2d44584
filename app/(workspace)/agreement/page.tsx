import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getAgreementOverview } from "@/lib/agreement/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { ActiveDefinition } from "@/components/agreement/active-definition";
import { DraftButton } from "@/components/agreement/draft-button";
import { OpenVersion } from "@/components/agreement/open-version";
import { ReevaluationStatus } from "@/components/agreement/reevaluation-status";
import { VersionHistory } from "@/components/agreement/version-history";

export const metadata: Metadata = { title: "Agreement" };

export default async function AgreementPage() {
  const user = await requirePermission("agreement:read");
  const { active, open, versions, reevaluation } = await getAgreementOverview();
  const mayDraft = can(user.role, "agreement:draft") && !open;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Agreement</h1>
          <p className="max-w-prose text-sm text-muted">
            The lead definition sales and marketing have agreed on: what a lead must have, how it scores, when it becomes an MQL,
            and how quickly sales responds.
          </p>
        </div>
        {mayDraft && active && <DraftButton label="Draft a new version" />}
      </div>

      {reevaluation && <ReevaluationStatus progress={reevaluation} />}

      {open && <OpenVersion definition={open} role={user.role} hasActive={active !== null} />}

      {active ? (
        <ActiveDefinition definition={active} />
      ) : (
        <EmptyState
          title="No lead definition is active yet"
          description={
            open
              ? `Until version ${open.version} is signed by both heads (or activated by the CRO), no lead can become an MQL.`
              : "Until both heads sign a lead definition, no lead can become an MQL."
          }
          action={mayDraft ? <DraftButton label={versions.length === 0 ? "Draft the first version" : "Draft a new version"} /> : undefined}
        />
      )}

      <section aria-labelledby="version-history-title" className="space-y-3">
        <h2 id="version-history-title" className="text-lg font-semibold">
          Version history
        </h2>
        <VersionHistory versions={versions} />
      </section>
    </div>
  );
}
