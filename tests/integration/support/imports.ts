// Helpers for the CSV import tests: uploading through the real route handler, and a CSV built from rows.
import { POST as upload } from "@/app/api/imports/route";
import { resetDatabase } from "./db";
import { makeActiveDefinition, makeUser } from "./factories";
import { signInAs } from "./session";

/** An empty database with an active definition, three reps (Ada, Bo, Cy) and a marketer, signed in and returned. */
export async function importWorld() {
  await resetDatabase();
  await makeActiveDefinition();
  for (const name of ["Ada", "Bo", "Cy"]) await makeUser("SALES_REP", { name, email: `${name.toLowerCase()}@reps.test` });
  const marketer = await makeUser("MARKETER", { email: "importer@marketing.test" });
  signInAs(marketer);
  return marketer;
}

export function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")).join("\r\n") + "\r\n";
}

/** POSTs the file as the signed-in user (support/session.ts), as the import page's upload form does. */
export async function uploadCsv(text: string, name = "leads.csv"): Promise<{ status: number; body: { id?: string; error?: string } }> {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/csv" }));
  const response = await upload(new Request("http://localhost/api/imports", { method: "POST", body: form, headers: { origin: "http://localhost" } }));
  return { status: response.status, body: (await response.json()) as { id?: string; error?: string } };
}

export const HEADER = ["Name", "Email", "Job title", "Company", "Employees", "Industry", "Country", "Source"];

/** A valid row: about a quarter qualify under the default definition (senior title, big company, target market). */
export function leadRow(n: number, overrides: Partial<Record<"name" | "email" | "title" | "company" | "size" | "industry" | "country" | "source", string>> = {}): string[] {
  const fits = n % 4 === 0;
  return [
    overrides.name ?? `Imported ${n}`,
    overrides.email ?? `imported.${n}@import.test`,
    overrides.title ?? (fits ? "VP Sales" : "Intern"),
    overrides.company ?? `Import Co ${n % 50}`,
    overrides.size ?? (fits ? "400" : "10"),
    overrides.industry ?? "Software",
    overrides.country ?? (fits ? "US" : "BR"),
    overrides.source ?? (n % 2 === 0 ? "Webinar" : "Paid search"),
  ];
}
