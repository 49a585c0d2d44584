import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listImports } from "@/lib/imports/queries";
import { formatCount, formatDateTime } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { UploadForm } from "@/components/imports/upload-form";
import { ImportStateBadge } from "@/components/imports/import-state-badge";

export const metadata: Metadata = { title: "Import leads" };

export default async function ImportLeadsPage() {
  const user = await requirePermission("lead:import");
  const imports = await listImports(user);
  return (
    <div className="space-y-4">
      <Link href="/leads" className="text-sm text-brand hover:underline">
        ← Leads
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Import leads from CSV</h1>
      <Card aria-labelledby="upload-title">
        <CardHeader>
          <CardTitle id="upload-title">Upload a file</CardTitle>
        </CardHeader>
        <CardBody>
          <UploadForm />
        </CardBody>
      </Card>
      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="text-base font-semibold">
          {user.role === "MARKETING_MANAGER" ? "Recent imports by marketing" : "Your recent imports"}
        </h2>
        {imports.length === 0 ? (
          <EmptyState title="No imports yet" description="Files you upload appear here, with what became of their rows." />
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>File</TH>
                <TH>By</TH>
                <TH>Uploaded</TH>
                <TH numeric>Rows</TH>
                <TH numeric>Created</TH>
                <TH numeric>Merged</TH>
                <TH>State</TH>
              </TR>
            </THead>
            <TBody>
              {imports.map((item) => (
                <TR key={item.id}>
                  <TD>
                    <Link href={`/leads/import/${item.id}`} className="text-brand hover:underline">
                      {item.fileName}
                    </Link>
                  </TD>
                  <TD>{item.owner}</TD>
                  <TD>{formatDateTime(item.createdAt)}</TD>
                  <TD numeric>{formatCount(item.totalRows)}</TD>
                  <TD numeric>{formatCount(item.created)}</TD>
                  <TD numeric>{formatCount(item.merged)}</TD>
                  <TD>
                    <ImportStateBadge state={item.state} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
