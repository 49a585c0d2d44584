import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getImport, LISTED_DUPLICATES, LISTED_ERRORS } from "@/lib/imports/queries";
import { FIELD_LABELS, IMPORT_FIELDS, ROWS_KEPT_DAYS } from "@/lib/imports/rules";
import { formatCount, formatDateTime } from "@/lib/ui/format";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ImportStateBadge } from "@/components/imports/import-state-badge";
import { MappingForm } from "@/components/imports/mapping-form";
import { FinishImport } from "@/components/imports/finish-import";
import { ImportProgress } from "@/components/imports/import-progress";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("lead:import");
  const view = await getImport(user, (await params).id);
  if (!view) notFound();
  const pending = view.state === "PENDING";
  const rowsGone =
    view.state === "CANCELLED"
      ? "You chose to import nothing, so the file's rows were deleted."
      : `This import finished more than ${ROWS_KEPT_DAYS} days ago, so the file's rows are no longer kept; its leads are in the leads list.`;
  const fieldOf = new Map(IMPORT_FIELDS.flatMap((field) => (view.mapping.columns[field] === undefined ? [] : [[view.mapping.columns[field]!, FIELD_LABELS[field]] as const])));

  return (
    <div className="space-y-4">
      <Link href="/leads/import" className="text-sm text-brand hover:underline">
        ← Imports
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Import of {view.fileName}</h1>
        <ImportStateBadge state={view.state} />
      </div>
      <p className="text-sm text-muted">
        Uploaded by {view.owner} on {formatDateTime(view.createdAt)} · {formatCount(view.totalRows)} rows
      </p>

      {!pending && <ImportProgress
          key={view.state}
          initial={{ id: view.id, state: view.state, total: view.total, processed: view.processed, created: view.created, merged: view.merged, skipped: view.skipped }}
        />}

      <Card aria-labelledby="check-title">
        <CardHeader>
          <CardTitle id="check-title">Checked rows</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <dl className="grid grid-cols-3 gap-3 text-sm" data-testid="import-counts">
            <div>
              <dt className="text-xs font-medium text-muted">Valid</dt>
              <dd className="text-lg font-semibold">{formatCount(view.validRows)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-muted">With errors</dt>
              <dd className="text-lg font-semibold">{formatCount(view.invalidRows)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-muted">Duplicates (merged)</dt>
              <dd className="text-lg font-semibold">{formatCount(view.duplicateRows)}</dd>
            </div>
          </dl>
          {pending && view.problems.length > 0 && (
            <Alert tone="danger" title="Fix the mapping before importing">
              <ul className="list-disc pl-5">
                {view.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Alert>
          )}
          {pending && <FinishImport importId={view.id} validRows={view.validRows} invalidRows={view.invalidRows} duplicateRows={view.duplicateRows} blocked={view.problems.length > 0} />}
        </CardBody>
      </Card>

      {pending && (
        <Card aria-labelledby="mapping-title">
          <CardHeader>
            <CardTitle id="mapping-title">Column mapping</CardTitle>
            <p className="text-sm text-muted">Matched from the file&apos;s headers; change any column and check the rows again.</p>
          </CardHeader>
          <CardBody>
            <MappingForm key={JSON.stringify(view.mapping)} importId={view.id} headers={view.headers} mapping={view.mapping} />
          </CardBody>
        </Card>
      )}

      <section aria-labelledby="preview-title" className="space-y-2">
        <h2 id="preview-title" className="text-base font-semibold">
          {view.rowsKept ? `Preview: the first ${view.preview.length} rows` : "Preview"}
        </h2>
        {!view.rowsKept ? (
          <p className="text-sm text-muted">{rowsGone}</p>
        ) : (
          <Table aria-labelledby="preview-title">
            <THead>
              <TR>
                <TH>Line</TH>
                {view.headers.map((header, index) => (
                  <TH key={index}>
                    {header || `Column ${index + 1}`}
                    <span className="block font-normal">{fieldOf.get(index) ? `→ ${fieldOf.get(index)}` : "not imported"}</span>
                  </TH>
                ))}
              </TR>
            </THead>
            <TBody>
              {view.preview.map((row) => (
                <TR key={row.line}>
                  <TD numeric>{row.line}</TD>
                  {view.headers.map((_, index) => (
                    <TD key={index}>{row.cells[index] ?? ""}</TD>
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      {view.invalidRows > 0 && (
        <section aria-labelledby="errors-title" className="space-y-2">
          <h2 id="errors-title" className="text-base font-semibold">
            Rows with errors ({formatCount(view.invalidRows)}){view.invalidRows > LISTED_ERRORS ? `: the first ${LISTED_ERRORS}` : ""}
          </h2>
          {!view.rowsKept && <p className="text-sm text-muted">{rowsGone}</p>}
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface text-sm empty:hidden" aria-labelledby="errors-title">
            {view.errors.map((row) => (
              <li key={row.line} className="px-3 py-2">
                <span className="font-medium">Line {row.line}:</span> {row.messages.join("; ")}
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.duplicateRows > 0 && (
        <section aria-labelledby="duplicates-title" className="space-y-2">
          <h2 id="duplicates-title" className="text-base font-semibold">
            Duplicates ({formatCount(view.duplicateRows)}){view.duplicateRows > LISTED_DUPLICATES ? `: the first ${LISTED_DUPLICATES}` : ""}
          </h2>
          {!view.rowsKept && <p className="text-sm text-muted">{rowsGone}</p>}
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface text-sm empty:hidden" aria-labelledby="duplicates-title">
            {view.duplicates.map((row) => (
              <li key={row.line} className="px-3 py-2">
                <span className="font-medium">Line {row.line}:</span> {row.email}{" "}
                {row.kind === "existing" ? "is already a lead: it will be merged into it" : "repeats an earlier line: merged into that lead"}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
