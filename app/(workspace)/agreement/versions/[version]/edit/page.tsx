import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getDefinitionWithDiff } from "@/lib/agreement/queries";
import { DefinitionForm } from "@/components/agreement/definition-form";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";
import { parseVersionParam } from "../version-param";

export const metadata: Metadata = { title: "Edit lead definition" };

export default async function EditVersionPage({ params }: { params: Promise<{ version: string }> }) {
  await requirePermission("agreement:draft");
  const version = parseVersionParam((await params).version);
  if (version === null) notFound();
  const result = await getDefinitionWithDiff(version);
  if (!result) notFound();
  const { definition } = result;
  // Only the open version can change; an active, superseded or withdrawn one is history.
  if (definition.status !== "DRAFT" && definition.status !== "PROPOSED") redirect(`/agreement/versions/${definition.version}`);

  return (
    <div className="space-y-4">
      <Link href="/agreement" className="text-sm text-brand hover:underline">
        ← Agreement
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Edit lead definition v{definition.version}</h1>
        <DefinitionStatusBadge status={definition.status} />
      </div>
      <p className="max-w-prose text-sm text-muted">
        Changes apply to version {definition.version} only. The active definition stays in force until this version is signed by
        both heads or activated by the CRO.
      </p>
      <DefinitionForm
        key={definition.revision}
        id={definition.id}
        revision={definition.revision}
        version={definition.version}
        status={definition.status}
        rules={definition.rules}
      />
    </div>
  );
}
