"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors as ServerFieldErrors } from "@/lib/actions/result";
import { updateStoryAction } from "@/lib/story/actions";
import { MAX_PERSONAS, storyContentSchema, type StoryContent, type StoryContentInput } from "@/lib/story/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

interface Props {
  id: string;
  /** The revision the editor loaded; the server refuses the save if someone changed the version since. */
  revision: number;
  version: number;
  status: "DRAFT" | "PROPOSED";
  content: StoryContent;
}

const PARAGRAPH_HINT = "Separate paragraphs with a blank line.";
const MESSAGES_HINT = "One message per line.";

/** Server field errors are keyed by the action's input ("content.brand"); the form's paths drop "content.". */
function onFields(fieldErrors: ServerFieldErrors | undefined): ServerFieldErrors {
  return Object.fromEntries(Object.entries(fieldErrors ?? {}).flatMap(([key, messages]) => (key.startsWith("content.") ? [[key.slice(8), messages]] : [])));
}

export function StoryForm({ id, revision, version, status, content }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<StoryContentInput, unknown, StoryContent>({ resolver: zodResolver(storyContentSchema), defaultValues: content, mode: "onSubmit", reValidateMode: "onChange" });
  const { register, formState, setError, control } = form;
  const { errors, isSubmitting } = formState;
  const personas = useFieldArray({ control, name: "personas" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateStoryAction({ id, revision, content: values });
    if (!result.ok) {
      setFormError(result.formError ?? `Version ${version} was not saved.`);
      applyServerErrors(setError, onFields(result.fieldErrors));
      return;
    }
    setLeaving(true);
    router.push("/story");
    router.refresh();
  });

  const personasError = errors.personas?.message ?? errors.personas?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit story v${version}`} className="max-w-3xl space-y-6">
      {formError && <Alert tone="danger" title={`Version ${version} was not saved`}>{formError}</Alert>}
      {status === "PROPOSED" && <Alert tone="info">Saving clears the signatures collected so far: the heads sign what they read.</Alert>}
      <Field label="Brand" htmlFor="story-brand" error={errors.brand?.message} hint={PARAGRAPH_HINT}>
        <Textarea rows={6} {...fieldA11y("story-brand", errors.brand?.message, PARAGRAPH_HINT)} {...register("brand")} />
      </Field>
      <Field label="Product" htmlFor="story-product" error={errors.product?.message} hint={PARAGRAPH_HINT}>
        <Textarea rows={6} {...fieldA11y("story-product", errors.product?.message, PARAGRAPH_HINT)} {...register("product")} />
      </Field>
      <fieldset className="space-y-4 rounded-lg border border-border bg-surface p-4" aria-describedby={personasError ? "story-personas-error" : undefined}>
        <legend className="px-1 text-base font-semibold">Key messages by persona</legend>
        {personas.fields.map((field, index) => {
          const error = errors.personas?.[index];
          return (
            <div key={field.id} className="grid gap-3 border-b border-border pb-4 last:border-b-0 sm:grid-cols-[14rem_1fr]">
              <Field label={`Persona ${index + 1}`} htmlFor={`story-persona-${index}-name`} error={error?.name?.message}>
                <Input autoComplete="off" {...fieldA11y(`story-persona-${index}-name`, error?.name?.message)} {...register(`personas.${index}.name`)} />
              </Field>
              <Field label={`Key messages for persona ${index + 1}`} htmlFor={`story-persona-${index}-messages`} error={error?.messages?.message} hint={MESSAGES_HINT}>
                <Textarea rows={3} {...fieldA11y(`story-persona-${index}-messages`, error?.messages?.message, MESSAGES_HINT)} {...register(`personas.${index}.messages`)} />
              </Field>
              <div className="sm:col-start-2">
                <Button type="button" size="sm" variant="ghost" disabled={personas.fields.length === 1} onClick={() => personas.remove(index)}>
                  Remove persona {index + 1}
                </Button>
              </div>
            </div>
          );
        })}
        {personasError && (
          <p id="story-personas-error" className="text-sm font-medium text-danger">
            {personasError}
          </p>
        )}
        <Button type="button" size="sm" variant="secondary" disabled={personas.fields.length >= MAX_PERSONAS} onClick={() => personas.append({ name: "", messages: "" })}>
          Add a persona
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting || leaving}>
          Save version
        </Button>
        <Button asChild variant="ghost">
          <Link href="/story">Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
