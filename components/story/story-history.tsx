import Link from "next/link";
import type { StoryVersionSummary } from "@/lib/story/queries";
import { formatDate } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR, TableEmpty } from "@/components/ui/table";
import { DefinitionStatusBadge } from "@/components/agreement/status-badge";

const VIA: Record<string, string> = { SIGNATURES: "by both signatures", CRO: "by the CRO" };

export function StoryHistory({ versions }: { versions: StoryVersionSummary[] }) {
  return (
    <Table aria-label="Story versions">
      <THead>
        <TR>
          <TH>Version</TH>
          <TH>Status</TH>
          <TH>Created</TH>
          <TH>In force from</TH>
        </TR>
      </THead>
      <TBody>
        {versions.length === 0 ? (
          <TableEmpty colSpan={4}>No versions yet.</TableEmpty>
        ) : (
          versions.map((version) => (
            <TR key={version.id}>
              <TD>
                <Link href={`/story/versions/${version.version}`} className="font-medium text-brand hover:underline">
                  Story v{version.version}
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
