import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A plain GET form, so a search works without JavaScript and has a shareable URL. */
export function CampaignSearch({ q, worked }: { q: string; worked?: string | undefined }) {
  return (
    <form role="search" aria-label="Search campaigns" action="/campaigns" className="flex items-end gap-2">
      <div className="space-y-1.5">
        <Label htmlFor="campaign-q">Search by name</Label>
        <Input id="campaign-q" name="q" type="search" defaultValue={q} className="w-72" />
      </div>
      {worked && <input type="hidden" name="worked" value={worked} />}
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
