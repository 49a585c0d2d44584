"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";

/**
 * Uploads the chosen CSV to /api/imports (a route handler: files outgrow a server action's body limit). The server
 * parses and checks it and writes no lead; the import's page then shows the preview, mapping and errors.
 */
export function UploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError("Choose a CSV file to upload.");
      return;
    }
    setError(null);
    setPending(true);
    try {
      const response = await fetch("/api/imports", { method: "POST", body: data });
      const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
      if (!response.ok || !body.id) {
        setError(body.error ?? "The file could not be uploaded. Please try again.");
        return;
      }
      router.push(`/leads/import/${body.id}`);
    } catch {
      setError("The file could not be uploaded: check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Upload a CSV of leads" className="space-y-4" noValidate>
      {error && <Alert tone="danger">{error}</Alert>}
      <Field
        label="CSV file"
        htmlFor="import-file"
        hint="The first line names the columns (Name, Email, Company, Source…). Up to 200,000 leads and 25 MB. Nothing is written until you choose to import."
      >
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-hint"
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-surface file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-subtle"
        />
      </Field>
      <Button type="submit" pending={pending}>
        Upload and check
      </Button>
    </form>
  );
}
