"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors as ServerFieldErrors } from "@/lib/actions/result";
import { updateDefinitionAction } from "@/lib/agreement/actions";
import { definitionRulesSchema, type DefinitionRules } from "@/lib/agreement/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { FitSection, RequiredFieldsSection } from "./definition-form-fit";
import { RejectionReasonsSection } from "./definition-form-reasons";
import { QualificationSection, ScoringSection } from "./definition-form-scoring";
import { ErrorSummary, collectErrors } from "./error-summary";
import type { RulesInput, RulesOutput } from "./form-parts";

export interface DefinitionFormProps {
  id: string;
  /** The revision the editor loaded; the server refuses the save if someone changed the version since. */
  revision: number;
  version: number;
  status: "DRAFT" | "PROPOSED";
  rules: DefinitionRules;
}

/** Server field errors come back keyed by the action's input ("rules.fit.countries"); the form's paths drop "rules.". */
function splitServerErrors(fieldErrors: ServerFieldErrors | undefined) {
  const onFields: ServerFieldErrors = {};
  const general: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (key.startsWith("rules.")) onFields[key.slice("rules.".length)] = messages;
    else general.push(...(messages ?? []));
  }
  return { onFields, general };
}

export function DefinitionForm({ id, revision, version, status, rules }: DefinitionFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<RulesInput, unknown, RulesOutput>({
    resolver: zodResolver(definitionRulesSchema),
    defaultValues: rules,
    // Errors appear on the first save (a new reason row is not flagged while it is being typed), then follow each change.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting, submitCount } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateDefinitionAction({ id, revision, rules: values });
    if (!result.ok) {
      const { onFields, general } = splitServerErrors(result.fieldErrors);
      setFormError({ message: result.formError ?? `Version ${version} was not saved.`, details: general });
      applyServerErrors(form.setError, onFields);
      return;
    }
    setLeaving(true);
    router.push("/agreement");
    router.refresh();
  });

  // The summary appears once a save was attempted, and shrinks as the problems are fixed.
  const problems = submitCount > 0 ? collectErrors(errors) : [];

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit lead definition v${version}`} className="max-w-4xl space-y-6">
      {formError && (
        <Alert tone="danger" title={`Version ${version} was not saved`}>
          <p>{formError.message}</p>
          {formError.details.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {formError.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      {status === "PROPOSED" && (
        <Alert tone="info" className="border-warning/30 bg-warning-soft text-warning">
          Saving clears the signatures collected so far.
        </Alert>
      )}

      <RequiredFieldsSection form={form} />
      <FitSection form={form} />
      <ScoringSection form={form} />
      <QualificationSection form={form} />
      <RejectionReasonsSection form={form} />

      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting || leaving}>
          Save version
        </Button>
        <Button asChild variant="ghost">
          <Link href="/agreement">Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
