import Link from "next/link";
import type { VersionSummary } from "@/lib/agreement/queries";
import { formatDate } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR, TableEmpty } from "@/components/ui/table";
import { DefinitionStatusBadge } from "./status-badge";

const VIA: Record<string, string> = { SIGNATURES: "by both signatures", CRO: "by the CRO" };

export function VersionHistory({ versions }: { versions: VersionSummary[] }) {
  return (
    <Table aria-label="Version history">
      <THead>
        <TR>
          <TH>Version</TH>
          <TH>Status</TH>
          <TH>Created</TH>
          <TH>Activated</TH>
        </TR>
      </THead>
      <TBody>
        {versions.length === 0 ? (
          <TableEmpty colSpan={4}>No versions yet.</TableEmpty>
        ) : (
          versions.map((version) => (
            <TR key={version.id}>
              <TD>
                <Link href={`/agreement/versions/${version.version}`} className="font-medium text-brand hover:underline">
                  Version {version.version}
                </Link>
              </TD>
              <TD>
                <DefinitionStatusBadge status={version.status} />
              </TD>
              <TD className="whitespace-nowrap">{formatDate(version.createdAt)}</TD>
              <TD className="whitespace-nowrap">
                {version.activatedAt ? (
                  <>
                    {formatDate(version.activatedAt)}
                    {version.activatedVia && <span className="text-muted"> · {VIA[version.activatedVia] ?? version.activatedVia}</span>}
                  </>
                ) : (
                  <span className="text-muted">Never</span>
                )}
              </TD>
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
