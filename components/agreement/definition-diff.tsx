import type { DiffRow } from "@/lib/agreement/describe";
import { cn } from "@/lib/ui/cn";
import { Badge } from "@/components/ui/badge";
import { Table, TableEmpty } from "@/components/ui/table";
import { groupBySection } from "./sections";

const cell = "border-b border-border px-3 py-2 align-top text-left";

function ChangeBadge({ row }: { row: DiffRow }) {
  if (row.before === null) return <Badge tone="success">Added</Badge>;
  if (row.after === null) return <Badge tone="danger">Removed</Badge>;
  return <Badge tone="warning">Changed</Badge>;
}

function Value({ text, missing }: { text: string | null; missing: string }) {
  return text === null ? <span className="text-muted italic">{missing}</span> : <>{text}</>;
}

/** Two versions side by side, rule by rule, grouped by section; changed rules carry a marker and a badge. */
export function DefinitionDiff({ rows, activeVersion, version }: { rows: DiffRow[]; activeVersion: number; version: number }) {
  const groups = groupBySection(rows);
  return (
    <Table aria-label={`Version ${version} compared with active version ${activeVersion}`} className="table-fixed">
      <colgroup>
        <col className="w-1/4" />
        <col className="w-[37.5%]" />
        <col className="w-[37.5%]" />
      </colgroup>
      <thead className="bg-subtle">
        <tr>
          <th scope="col" className={cn(cell, "text-xs font-semibold text-muted")}>
            Rule
          </th>
          <th scope="col" className={cn(cell, "text-xs font-semibold text-muted")}>
            Active (v{activeVersion})
          </th>
          <th scope="col" className={cn(cell, "text-xs font-semibold text-muted")}>
            This version (v{version})
          </th>
        </tr>
      </thead>
      {groups.length === 0 ? (
        <tbody>
          <TableEmpty colSpan={3}>No rules differ from the active version.</TableEmpty>
        </tbody>
      ) : (
        groups.map(({ section, rows: sectionRows }) => (
          <tbody key={section}>
            <tr>
              <th scope="rowgroup" colSpan={3} className={cn(cell, "bg-subtle/60 pt-4 text-xs font-semibold tracking-wide text-muted uppercase")}>
                {section}
              </th>
            </tr>
            {sectionRows.map((row) => (
              <tr key={row.key} className={cn(row.changed && "bg-warning-soft/40")}>
                <th scope="row" className={cn(cell, "font-medium", row.changed ? "border-l-4 border-l-warning" : "border-l-4 border-l-transparent")}>
                  <span className="block">{row.label}</span>
                  {row.changed && (
                    <span className="mt-1 block">
                      <ChangeBadge row={row} />
                    </span>
                  )}
                </th>
                <td className={cn(cell, row.changed && "text-muted")}>
                  <Value text={row.before} missing={`Not in v${activeVersion}`} />
                </td>
                <td className={cn(cell, row.changed && "font-medium")}>
                  <Value text={row.after} missing={`Not in v${version}`} />
                </td>
              </tr>
            ))}
          </tbody>
        ))
      )}
    </Table>
  );
}
