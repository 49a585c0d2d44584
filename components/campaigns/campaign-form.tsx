"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { campaignInputSchema, type CampaignFormValues, type CampaignInput } from "@/lib/campaigns/schemas";
import { CHANNEL_LABELS } from "@/lib/campaigns/rules";
import { CampaignChannel } from "@/lib/db/enums";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

export interface CampaignFormDefaults {
  name: string;
  channel: string;
  startsAt: string;
  endsAt: string;
  budget: string;
  ownerId: string;
  goal: string;
  targetMqls: string;
}

interface Props {
  owners: { value: string; label: string }[];
  defaults: CampaignFormDefaults;
  /** Present when editing: the campaign and the version the editor loaded. */
  editing?: { id: string; version: number };
}

/** A one-time id for this form's creation, so a double-submit creates one campaign (see createCampaign). */
function newRequestId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Outside a secure context randomUUID is missing; getRandomValues is not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function CampaignForm({ owners, defaults, editing }: Props) {
  const router = useRouter();
  const [requestId] = useState(newRequestId);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, getValues, setError, formState } = useForm<CampaignFormValues, unknown, CampaignInput>({
    resolver: zodResolver(campaignInputSchema),
    defaultValues: defaults as CampaignFormValues,
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const a11y = (name: keyof CampaignFormDefaults, hint?: string) => fieldA11y(name, errors[name]?.message, hint);

  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    // The fields as typed, not as parsed: the server parses them with the same schema, which reads dates and numbers
    // from the strings a form sends.
    const raw = getValues();
    const result = editing ? await updateCampaignAction({ ...raw, ...editing }) : await createCampaignAction({ ...raw, requestId });
    if (!result.ok) {
      setFormError(result.formError ?? "The campaign was not saved.");
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    router.push(`/campaigns/${result.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2" aria-label={editing ? "Edit campaign" : "New campaign"}>
      {formError && (
        <div className="sm:col-span-2">
          <Alert tone="danger">{formError}</Alert>
        </div>
      )}
      <Field label="Name" htmlFor="name" error={errors.name?.message} className="sm:col-span-2">
        <Input autoComplete="off" {...a11y("name")} {...register("name")} />
      </Field>
      <Field label="Channel" htmlFor="channel" error={errors.channel?.message}>
        <Select {...a11y("channel")} {...register("channel")}>
          <option value="">Choose…</option>
          {Object.values(CampaignChannel).map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Owner" htmlFor="ownerId" error={errors.ownerId?.message} hint="The marketer who runs it">
        <Select {...a11y("ownerId", "The marketer who runs it")} {...register("ownerId")}>
          <option value="">Choose…</option>
          {owners.map((owner) => (
            <option key={owner.value} value={owner.value}>
              {owner.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Starts" htmlFor="startsAt" error={errors.startsAt?.message}>
        <Input type="date" {...a11y("startsAt")} {...register("startsAt")} />
      </Field>
      <Field label="Ends (optional)" htmlFor="endsAt" error={errors.endsAt?.message}>
        <Input type="date" {...a11y("endsAt")} {...register("endsAt")} />
      </Field>
      <Field label="Budget in USD (optional)" htmlFor="budget" error={errors.budget?.message}>
        <Input inputMode="decimal" autoComplete="off" {...a11y("budget")} {...register("budget")} />
      </Field>
      <Field label="Target MQLs (optional)" htmlFor="targetMqls" error={errors.targetMqls?.message}>
        <Input inputMode="numeric" autoComplete="off" {...a11y("targetMqls")} {...register("targetMqls")} />
      </Field>
      <Field label="Goal (optional)" htmlFor="goal" error={errors.goal?.message} className="sm:col-span-2" hint="What the campaign is for, in a sentence or two">
        <Textarea rows={3} {...a11y("goal", "What the campaign is for, in a sentence or two")} {...register("goal")} />
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" pending={isSubmitting}>
          {editing ? "Save changes" : "Create campaign"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
