"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { answerPulseAction } from "@/lib/pulse/actions";
import { QUESTIONS } from "@/lib/pulse/rules";
import { pulseAnswerSchema, type PulseAnswerFormValues, type PulseAnswerInput } from "@/lib/pulse/schemas";
import type { MyPulse } from "@/lib/pulse/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { ScaleField } from "./scale-field";

const COMMENT_HINT = "What helped, what did not. The head of marketing and the CRO read it, with your name.";

/** This month's two questions and an optional comment; the same form changes the answer until the month ends. */
export function PulseForm({ pulse }: { pulse: MyPulse }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const { answer } = pulse;
  const { register, handleSubmit, setError, formState } = useForm<PulseAnswerFormValues, unknown, PulseAnswerInput>({
    resolver: zodResolver(pulseAnswerSchema),
    defaultValues: {
      usefulness: answer ? String(answer.usefulness) : undefined,
      support: answer ? String(answer.support) : undefined,
      comment: answer?.comment ?? "",
      version: answer?.version ?? null,
    },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await answerPulseAction({ ...values, version: answer?.version ?? null });
    if (!result.ok) {
      setMessage({ tone: "danger", text: result.formError ?? "Your answer was not saved." });
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    setMessage({ tone: "success", text: `Thank you: your answer for ${pulse.monthLabel} is saved. You can change it until the month ends.` });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Pulse for ${pulse.monthLabel}`} className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ScaleField id="pulse-usefulness" legend={QUESTIONS.usefulness} error={errors.usefulness?.message} registration={register("usefulness")} />
      <ScaleField id="pulse-support" legend={QUESTIONS.support} error={errors.support?.message} registration={register("support")} />
            <Field label="Comment (optional)" htmlFor="pulse-comment" error={errors.comment?.message} hint={COMMENT_HINT}>
        <Textarea rows={2} {...fieldA11y("pulse-comment", errors.comment?.message, COMMENT_HINT)} {...register("comment")} />
      </Field>
      <Button type="submit" pending={isSubmitting}>
        {answer ? "Update my answer" : "Send my answer"}
      </Button>
    </form>
  );
}
