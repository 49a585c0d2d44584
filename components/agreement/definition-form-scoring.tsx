"use client";
import { useWatch, type Path } from "react-hook-form";
import { maxScore } from "@/lib/agreement/schemas";
import { LeadSource } from "@/lib/db/enums";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { ControlGroup, FormSection, errorAt, fieldId, type RulesForm, type RulesInput } from "./form-parts";
import { NumberField } from "./number-field";

const THRESHOLD: Path<RulesInput>[] = ["mqlThreshold"];

const FIT_POINTS = [
  ["scoring.companySize", "Company size fits"],
  ["scoring.industry", "Industry fits"],
  ["scoring.country", "Country fits"],
  ["scoring.seniority", "Seniority fits"],
  ["scoring.campaign", "Came from a campaign"],
  ["scoring.perTouch", "Each touch"],
  ["scoring.maxTouchPoints", "Touches, at most in all"],
] as const;

export function ScoringSection({ form }: { form: RulesForm }) {
  const scoring = useWatch({ control: form.control, name: "scoring" });
  const max = maxScore({ scoring });

  return (
    <FormSection title="Scoring" description="Points a lead earns for fitting and for engaging. Only the best-scoring source counts.">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {FIT_POINTS.map(([name, label]) => (
          <NumberField key={name} form={form} name={name} label={`${label} (points)`} min={0} max={100} revalidate={THRESHOLD} />
        ))}
      </div>
      <ControlGroup
        id={fieldId("scoring.sources")}
        legend="Points by source"
        error={errorAt(form, "scoring.sources")}
        className="gap-y-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        {Object.values(LeadSource).map((source) => (
          <NumberField key={source} form={form} name={`scoring.sources.${source}`} label={SOURCE_LABELS[source]} min={0} max={100} revalidate={THRESHOLD} />
        ))}
      </ControlGroup>
      <p aria-live="polite" className="rounded-md bg-subtle px-3 py-2 text-sm">
        Maximum possible score: <strong className="tabular-nums">{Number.isFinite(max) ? max : "—"}</strong>
      </p>
    </FormSection>
  );
}

export function QualificationSection({ form }: { form: RulesForm }) {
  return (
    <FormSection title="Qualification and service levels">
      <NumberField
        form={form}
        name="mqlThreshold"
        label="MQL threshold (points)"
        hint="A lead becomes an MQL at this score, once every required field and fit rule is met."
        min={1}
        max={1000}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          form={form}
          name="sla.acceptHours"
          label="Hours to accept or reject a handover"
          hint="From the handover to the rep's answer."
          min={1}
          max={336}
        />
        <NumberField
          form={form}
          name="sla.firstTouchHours"
          label="Hours to the first touch"
          hint="From accepting the lead to the first call, email or meeting."
          min={1}
          max={336}
        />
      </div>
    </FormSection>
  );
}
