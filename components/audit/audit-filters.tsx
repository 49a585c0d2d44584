import Form from "next/form";
import Link from "next/link";
import type { AuditQuery } from "@/lib/audit/schemas";
import type { AuditFilterOptions } from "@/lib/audit/queries";
import { describeAuditAction } from "@/lib/audit/rules";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AutoSubmitSelect } from "@/components/leads/auto-submit-select";

interface Choice {
  value: string;
  label: string;
}

function FilterSelect({ id, label, value, allLabel, choices }: { id: keyof AuditQuery; label: string; value?: string; allLabel: string; choices: Choice[] }) {
  return (
    <div>
      <Label htmlFor={`audit-${id}`}>{label}</Label>
      <AutoSubmitSelect id={`audit-${id}`} name={id} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  );
}

/** A GET form: every filtered view has its own URL, and it works without JavaScript. */
export function AuditFilters({ query, options }: { query: AuditQuery; options: AuditFilterOptions }) {
  return (
    <Form action="/admin/audit" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
      <FilterSelect
        id="action"
        label="Action"
        value={query.action}
        allLabel="All actions"
        choices={options.actions.map((action) => ({ value: action, label: describeAuditAction(action) }))}
      />
      <FilterSelect
        id="entityType"
        label="Record type"
        value={query.entityType}
        allLabel="All records"
        choices={options.entityTypes.map((type) => ({ value: type, label: type }))}
      />
      <FilterSelect id="actor" label="Done by" value={query.actor} allLabel="Anyone" choices={options.actors} />
      <div>
        <Label htmlFor="audit-from">From</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={query.from} />
      </div>
      <div>
        <Label htmlFor="audit-to">To</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={query.to} />
      </div>
      <Button type="submit">Apply</Button>
      <Button variant="ghost" asChild>
        <Link href="/admin/audit">Clear</Link>
      </Button>
    </Form>
  );
}
