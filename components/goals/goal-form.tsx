"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { LeadSource } from "@/lib/db/enums";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { createGoalAction, updateGoalAction } from "@/lib/goals/actions";
import { GOAL_METRIC_KEYS, GOAL_METRICS } from "@/lib/goals/rules";
import { goalFormSchema, type GoalFieldsInput, type GoalFormValues } from "@/lib/goals/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

interface Props {
  campaigns: { value: string; label: string }[];
  /** Editing: the goal as it is, with the version the editor saw. */
  goal?: { id: string; version: number; values: GoalFormValues };
  /** Saving clears the goal's signatures (an agreed goal goes back for signing): the form says so before saving. */
  clearsSignatures?: "agreed" | "signed" | null;
}

const EMPTY: GoalFormValues = { title: "", metric: "MQLS", target: "", periodStart: "", periodEnd: "", source: "", campaignId: "" };

const UNIT_HINTS = { USD: "In dollars.", leads: "A number of leads.", "%": "A percentage, 0 to 100.", minutes: "In minutes; lower is better." } as const;

export function GoalForm({ campaigns, goal, clearsSignatures = null }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  // One key per form: a double-click or a retry after a lost response makes one goal, not two.
  const [requestKey] = useState(() => crypto.randomUUID());
  const { register, handleSubmit, setError, control, formState } = useForm<GoalFormValues, unknown, GoalFieldsInput>({
    resolver: zodResolver(goalFormSchema),
    defaultValues: goal?.values ?? EMPTY,
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  // The unit and hint follow the chosen metric.
  const metric = GOAL_METRICS[useWatch({ control, name: "metric" }) as keyof typeof GOAL_METRICS] ?? GOAL_METRICS.MQLS;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = goal ? await updateGoalAction({ ...values, id: goal.id, version: goal.version }) : await createGoalAction({ ...values, requestKey });
    if (!result.ok) {
      setFormError(result.formError ?? "The goal was not saved.");
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    router.push(`/goals/${goal?.id ?? (result.data as { id: string }).id}`);
    router.refresh();
  });

  const error = (name: keyof GoalFormValues) => errors[name]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2" aria-label={goal ? "Edit goal" : "New goal"}>
      {formError && (
        <div className="sm:col-span-2">
          <Alert tone="danger">{formError}</Alert>
        </div>
      )}
      {clearsSignatures && (
        <div className="sm:col-span-2">
          <Alert tone="info">
            {clearsSignatures === "agreed" ? "This goal is agreed. " : ""}Saving a change clears its signatures: both heads (or the CRO) sign it
            again.
          </Alert>
        </div>
      )}
      <Field label="Name" htmlFor="title" error={error("title")} className="sm:col-span-2">
        <Input autoComplete="off" {...fieldA11y("title", error("title"))} {...register("title")} />
      </Field>
      <Field label="Metric" htmlFor="metric" error={error("metric")} hint={metric.description}>
        <Select {...fieldA11y("metric", error("metric"), metric.description)} {...register("metric")}>
          {GOAL_METRIC_KEYS.map((key) => (
            <option key={key} value={key}>
              {GOAL_METRICS[key].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={`Target (${metric.inputUnit})`} htmlFor="target" error={error("target")} hint={UNIT_HINTS[metric.inputUnit]}>
        <Input inputMode="decimal" autoComplete="off" {...fieldA11y("target", error("target"), UNIT_HINTS[metric.inputUnit])} {...register("target")} />
      </Field>
      <Field label="First day" htmlFor="periodStart" error={error("periodStart")}>
        <Input type="date" {...fieldA11y("periodStart", error("periodStart"))} {...register("periodStart")} />
      </Field>
      <Field label="Last day" htmlFor="periodEnd" error={error("periodEnd")}>
        <Input type="date" {...fieldA11y("periodEnd", error("periodEnd"))} {...register("periodEnd")} />
      </Field>
      <Field label="Only leads from source" htmlFor="source" error={error("source")} hint="Optional.">
        <Select {...fieldA11y("source", error("source"), "Optional.")} {...register("source")}>
          <option value="">Every source</option>
          {Object.values(LeadSource).map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Only leads from campaign" htmlFor="campaignId" error={error("campaignId")} hint="Optional.">
        <Select {...fieldA11y("campaignId", error("campaignId"), "Optional.")} {...register("campaignId")}>
          <option value="">Every campaign</option>
          {campaigns.map((campaign) => (
            <option key={campaign.value} value={campaign.value}>
              {campaign.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" pending={isSubmitting}>
          {goal ? "Save goal" : "Draft goal"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
