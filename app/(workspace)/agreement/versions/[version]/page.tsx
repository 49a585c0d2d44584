import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getDefinitionWithDiff } from "@/lib/agreement/queries";
import { Alert } from "@/components/ui/alert";
import { DefinitionDiff } from "@/components/agreement/definition-diff";
import { DefinitionSummary } from "@/components/agreement/definition-summary";
import { Provenance } from "@/components/agreement/provenance";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";
import { parseVersionParam } from "./version-param";

interface Props {
  params: Promise<{ version: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = parseVersionParam((await params).version);
  return { title: version === null ? "Lead definition" : `Lead definition v${version}` };
}

export default async function VersionPage({ params, searchParams }: Props) {
  await requirePermission("agreement:read");
  const version = parseVersionParam((await params).version);
  if (version === null) notFound();
  const result = await getDefinitionWithDiff(version);
  if (!result) notFound();
  const { definition, active, diff } = result;
  const onlyChanges = (await searchParams).changes === "only";
  const changed = diff.filter((row) => row.changed).length;
  const base = `/agreement/versions/${definition.version}`;

  return (
    <div className="space-y-6">
      <Link href="/agreement" className="text-sm text-brand hover:underline">
        ← Agreement
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Lead definition v{definition.version}</h1>
          <DefinitionStatusBadge status={definition.status} />
        </div>
        <Provenance definition={definition} />
      </div>

      {definition.status === "ACTIVE" || !active ? (
        <>
          {definition.status === "ACTIVE" ? (
            <Alert tone="success">This is the active version: the lead definition in force today.</Alert>
          ) : (
            <Alert tone="info">No version is active yet, so there is nothing to compare this one with.</Alert>
          )}
          <DefinitionSummary lines={definition.lines} reasons={definition.rules.rejectionReasons} />
        </>
      ) : (
        <section aria-labelledby="comparison-title" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div>
              <h2 id="comparison-title" className="text-lg font-semibold">
                Compared with the active version (v{active.version})
              </h2>
              <p className="text-sm text-muted">
                {changed === 0
                  ? `No rule differs from v${active.version}.`
                  : `${changed} ${changed === 1 ? "rule differs" : "rules differ"} from v${active.version}.`}
              </p>
            </div>
            <Link href={onlyChanges ? base : `${base}?changes=only`} className="text-sm font-medium text-brand hover:underline">
              {onlyChanges ? "Show all rules" : "Show only changes"}
            </Link>
          </div>
          <DefinitionDiff
            rows={onlyChanges ? diff.filter((row) => row.changed) : diff}
            activeVersion={active.version}
            version={definition.version}
          />
        </section>
      )}
    </div>
  );
}
