import Form from "next/form";
import Link from "next/link";
import { LeadSource, Stage } from "@/lib/db/enums";
import { SOURCE_LABELS, STAGE_LABELS } from "@/lib/leads/catalog";
import { PAGE_SIZES, type LeadListQuery } from "@/lib/leads/schemas";
import type { Option } from "@/lib/leads/queries";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AutoSubmitSelect } from "./auto-submit-select";

const STAGE_OPTIONS = Object.values(Stage).map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));
const SOURCE_OPTIONS = Object.values(LeadSource).map((source) => ({ value: source, label: SOURCE_LABELS[source] }));
const TEAM_OPTIONS = [
  { value: "marketing", label: "Marketing-sourced" },
  { value: "sales", label: "Sales-sourced" },
];

interface FilterSelectProps {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  /** The choice that means "no filter"; omitted for settings that always have a value. */
  allLabel?: string;
  options: Option[];
}

function FilterSelect({ id, name, label, value, allLabel, options }: FilterSelectProps) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <AutoSubmitSelect id={id} name={name} defaultValue={value ?? ""}>
        {allLabel && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  );
}

/**
 * A GET form: the filters live in the URL, so a list can be bookmarked, shared and reloaded. Works without
 * JavaScript; with it, `next/form` navigates client-side and the selects apply on change.
 */
export function LeadFilters({ query, owners }: { query: LeadListQuery; owners: Option[] }) {
  return (
    <Form action="/leads" role="search" aria-label="Filter leads" className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      {/* Filters that arrive from a dashboard figure are kept while the others change. */}
      {(["campaign", "entered", "from", "to"] as const).map((key) =>
        query[key] ? <input key={key} type="hidden" name={key} value={query[key]} /> : null,
      )}
      <div className="min-w-56 flex-1">
        <Label htmlFor="lead-search">Search</Label>
        <Input id="lead-search" name="q" type="search" defaultValue={query.q} placeholder="Name, email or company" />
      </div>
      <FilterSelect id="lead-stage" name="stage" label="Stage" value={query.stage} allLabel="All stages" options={STAGE_OPTIONS} />
      <FilterSelect id="lead-source" name="source" label="Source" value={query.source} allLabel="All sources" options={SOURCE_OPTIONS} />
      <FilterSelect id="lead-team" name="team" label="Sourced by" value={query.team} allLabel="Either team" options={TEAM_OPTIONS} />
      <FilterSelect
        id="lead-owner"
        name="owner"
        label="Owner"
        value={query.owner}
        allLabel="Anyone"
        options={[{ value: "me", label: "Me" }, { value: "none", label: "Nobody" }, ...owners]}
      />
      <FilterSelect
        id="lead-size"
        name="size"
        label="Per page"
        value={String(query.size)}
        options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
      />
      <Button type="submit">Apply</Button>
      <Button variant="ghost" asChild>
        <Link href="/leads">Clear</Link>
      </Button>
    </Form>
  );
}

