import Form from "next/form";
import Link from "next/link";
import { LeadSource } from "@/lib/db/enums";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { PERIOD_KEYS, PERIOD_LABELS, TEAM_LABELS, TEAMS, type DashboardQuery } from "@/lib/metrics/filter";
import type { FilterOption } from "@/lib/metrics/breakdowns";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { AutoSubmitSelect } from "@/components/leads/auto-submit-select";

type Field = "period" | "team" | "rep" | "source" | "campaign";

interface Props {
  /** The page the form reloads with the new filters, e.g. "/dashboard". */
  action: string;
  query: DashboardQuery;
  reps?: FilterOption[];
  campaigns?: FilterOption[];
  fields?: readonly Field[];
}

const PERIODS = PERIOD_KEYS.map((key) => ({ value: key, label: PERIOD_LABELS[key] }));
const TEAM_OPTIONS = TEAMS.map((team) => ({ value: team, label: TEAM_LABELS[team] }));
const SOURCES = Object.values(LeadSource).map((source) => ({ value: source, label: SOURCE_LABELS[source] }));

function FilterSelect(props: { name: Field; label: string; value: string | undefined; allLabel?: string; options: FilterOption[]; wide?: boolean }) {
  const id = `filter-${props.name}`;
  return (
    <div className={props.wide ? "w-72 max-w-full" : "w-44"}>
      <Label htmlFor={id}>{props.label}</Label>
      <AutoSubmitSelect id={id} name={props.name} defaultValue={props.value ?? ""} key={props.value ?? ""}>
        {props.allLabel && <option value="">{props.allLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  );
}

/**
 * The dashboards' filters as a GET form: they live in the URL, so a view can be bookmarked, shared and reloaded, and
 * every chart on the page is drawn from the same filters. The selects apply on change; Apply stays for keyboards.
 */
export function FilterBar({ action, query, reps = [], campaigns = [], fields = ["period", "team", "rep", "source", "campaign"] }: Props) {
  const shown = new Set(fields);
  return (
    <Form action={action} role="search" aria-label="Filter figures" className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
      {shown.has("period") && <FilterSelect name="period" label="Period" value={query.period} options={PERIODS} />}
      {shown.has("team") && <FilterSelect name="team" label="Team" value={query.team} allLabel="Both teams" options={TEAM_OPTIONS} />}
      {shown.has("rep") && <FilterSelect name="rep" label="Rep" value={query.rep} allLabel="All reps" options={reps} />}
      {shown.has("source") && <FilterSelect name="source" label="Source" value={query.source} allLabel="All sources" options={SOURCES} />}
      {shown.has("campaign") && <FilterSelect name="campaign" label="Campaign" value={query.campaign} allLabel="All campaigns" options={campaigns} wide />}
      <Button type="submit">Apply</Button>
      {fields.length > 1 && (
        <Button variant="ghost" asChild>
          <Link href={action}>Clear</Link>
        </Button>
      )}
    </Form>
  );
}
