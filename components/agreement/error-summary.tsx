import type { FieldErrors } from "react-hook-form";
import { LeadSource } from "@/lib/db/enums";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { Alert } from "@/components/ui/alert";
import { fieldId, type RulesInput } from "./form-parts";

const LABELS: Record<string, string> = {
  requiredFields: "Required fields",
  "fit.companySize": "Company size",
  "fit.companySize.min": "Minimum employees",
  "fit.companySize.max": "Maximum employees",
  "fit.industries": "Industries",
  "fit.countries": "Countries",
  "fit.minSeniority": "Minimum seniority",
  "scoring.companySize": "Company size fits",
  "scoring.industry": "Industry fits",
  "scoring.country": "Country fits",
  "scoring.seniority": "Seniority fits",
  "scoring.campaign": "Came from a campaign",
  "scoring.perTouch": "Each touch",
  "scoring.maxTouchPoints": "Touches, at most in all",
  mqlThreshold: "MQL threshold",
  "sla.acceptHours": "Hours to accept or reject a handover",
  "sla.firstTouchHours": "Hours to the first touch",
  rejectionReasons: "Rejection reasons",
};
const REASON_FIELDS: Record<string, string> = { label: "name", outcome: "outcome", code: "code" };

function labelFor(path: string): string {
  const source = /^scoring\.sources\.(\w+)$/.exec(path)?.[1];
  if (source && source in SOURCE_LABELS) return `Points for ${SOURCE_LABELS[source as LeadSource]}`;
  const reason = /^rejectionReasons\.(\d+)\.(\w+)$/.exec(path);
  if (reason) return `Reason ${Number(reason[1]) + 1}, ${REASON_FIELDS[reason[2] ?? ""] ?? reason[2]}`;
  return LABELS[path] ?? path;
}

/** Every message in react-hook-form's nested error object, with the path of the control it belongs to. */
export function collectErrors(errors: FieldErrors<RulesInput> | undefined, prefix = ""): { path: string; message: string }[] {
  if (!errors || typeof errors !== "object") return [];
  const found: { path: string; message: string }[] = [];
  const node = errors as Record<string, unknown>;
  if (prefix && typeof node.message === "string" && node.message) found.push({ path: prefix, message: node.message });
  for (const [key, value] of Object.entries(node)) {
    if (key === "message" || key === "type" || key === "types" || key === "ref" || !value || typeof value !== "object") continue;
    // A field array's own error (e.g. "Each reason code once") sits under root; it belongs to the array.
    found.push(...collectErrors(value as FieldErrors<RulesInput>, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key));
  }
  return found;
}

/** Shown after a submit that the browser refused: each problem, linked to its control. */
export function ErrorSummary({ problems }: { problems: { path: string; message: string }[] }) {
  return (
    <Alert tone="danger" title={problems.length === 1 ? "One rule needs attention" : `${problems.length} rules need attention`}>
      <ul className="list-disc space-y-0.5 pl-5">
        {problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            <a href={`#${fieldId(problem.path)}`} className="underline">
              {labelFor(problem.path)}: {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
