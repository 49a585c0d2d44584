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

/**
 * A GET form: the filters live in the URL, so a list can be bookmarked, shared and reloaded. Works without
 * JavaScript; with it, `next/form` navigates client-side and the selects apply on change.
 */
export function LeadFilters({ query, owners }: { query: LeadListQuery; owners: Option[] }) {
  return (
    <Form action="/leads" role="search" aria-label="Filter leads" className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="min-w-56 flex-1">
        <Label htmlFor="lead-search">Search</Label>
        <Input id="lead-search" name="q" type="search" defaultValue={query.q} placeholder="Name, email or company" />
      </div>
      <div>
        <Label htmlFor="lead-stage">Stage</Label>
        <AutoSubmitSelect id="lead-stage" name="stage" defaultValue={query.stage ?? ""}>
          <option value="">All stages</option>
          {Object.values(Stage).map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </AutoSubmitSelect>
      </div>
      <div>
        <Label htmlFor="lead-source">Source</Label>
        <AutoSubmitSelect id="lead-source" name="source" defaultValue={query.source ?? ""}>
          <option value="">All sources</option>
          {Object.values(LeadSource).map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </AutoSubmitSelect>
      </div>
      <div>
        <Label htmlFor="lead-owner">Owner</Label>
        <AutoSubmitSelect id="lead-owner" name="owner" defaultValue={query.owner ?? ""}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Nobody</option>
          {owners.map((owner) => (
            <option key={owner.value} value={owner.value}>
              {owner.label}
            </option>
          ))}
        </AutoSubmitSelect>
      </div>
      <div>
        <Label htmlFor="lead-size">Per page</Label>
        <AutoSubmitSelect id="lead-size" name="size" defaultValue={String(query.size)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </AutoSubmitSelect>
      </div>
      <Button type="submit">Apply</Button>
      <Button variant="ghost" asChild>
        <Link href="/leads">Clear</Link>
      </Button>
    </Form>
  );
}

