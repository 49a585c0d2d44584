import type { ApiKeyRow } from "@/lib/api-keys/queries";
import { formatDateTime } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR, TableEmpty } from "@/components/ui/table";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export function ApiKeysTable({ rows }: { rows: ApiKeyRow[] }) {
  return (
    <Table aria-label="API keys">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Key</TH>
          <TH>Status</TH>
          <TH>Created</TH>
          <TH>Last used</TH>
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={6}>No API keys yet. Create one below for each integration that sends leads.</TableEmpty>
        ) : (
          rows.map((key) => (
            <TR key={key.id} data-testid={`api-key-row-${key.name}`}>
              <TD className="font-medium">{key.name}</TD>
              <TD className="font-mono text-xs">{key.prefix}…</TD>
              <TD>{key.revokedAt ? <Badge tone="neutral">Revoked {formatDateTime(key.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>}</TD>
              <TD className="whitespace-nowrap">
                {formatDateTime(key.createdAt)}
                {key.createdBy ? ` by ${key.createdBy}` : " (command line)"}
              </TD>
              <TD className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</TD>
              <TD>{key.revokedAt ? null : <RevokeApiKeyButton id={key.id} name={key.name} />}</TD>
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
