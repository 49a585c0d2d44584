"use client";
import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { setImportMappingAction } from "@/lib/imports/actions";
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportMapping } from "@/lib/imports/rules";
import { LeadSource } from "@/lib/db/enums";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

interface Props {
  importId: string;
  headers: string[];
  mapping: ImportMapping;
}

/**
 * One labelled native select per lead field (keyboard and screen-reader friendly), preset from the headers. Saving
 * checks every row again under the new mapping; the page then shows the new errors and counts.
 */
export function MappingForm({ importId, headers, mapping }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const columns = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, String(data.get(field) ?? "")]));
    startTransition(async () => {
      setError(null);
      const result = await setImportMappingAction({ importId, mapping: { columns, defaultSource: String(data.get("defaultSource") ?? "") } });
      if (!result.ok) {
        setError(result.formError ?? "The mapping was not saved.");
        return;
      }
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} aria-label="Column mapping" className="space-y-4">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {IMPORT_FIELDS.map((field) => (
          <div key={field}>
            <Label htmlFor={`map-${field}`}>
              {FIELD_LABELS[field]} column{REQUIRED_FIELDS.includes(field) && field !== "source" ? " (required)" : ""}
            </Label>
            <Select id={`map-${field}`} name={field} defaultValue={mapping.columns[field] === undefined ? "" : String(mapping.columns[field])}>
              <option value="">Not imported</option>
              {headers.map((header, index) => (
                <option key={index} value={String(index)}>
                  {header || `Column ${index + 1}`}
                </option>
              ))}
            </Select>
          </div>
        ))}
        <div>
          <Label htmlFor="map-defaultSource">Source for rows without one</Label>
          <Select id="map-defaultSource" name="defaultSource" defaultValue={mapping.defaultSource ?? ""}>
            <option value="">None (the row is invalid)</option>
            {Object.values(LeadSource).map((source) => (
              <option key={source} value={source}>
                {SOURCE_LABELS[source]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Button type="submit" variant="secondary" pending={pending}>
        Apply mapping and check rows
      </Button>
    </form>
  );
}
