"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { rateCampaignAction } from "@/lib/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

const LABELS = ["Poor", "Weak", "Mixed", "Good", "Great"] as const;

interface Props {
  campaignId: string;
  /** The rep's rating so far, if they gave one: the form edits it. */
  current: { rating: number; comment: string | null; version: number } | null;
}

/** A rep rates the campaign's leads from 1 to 5 with a comment; their one rating, which they can change. */
export function RatingForm({ campaignId, current }: Props) {
  const router = useRouter();
  const [rating, setRating] = useState<number | null>(current?.rating ?? null);
  const [comment, setComment] = useState(current?.comment ?? "");
  const [errors, setErrors] = useState<{ rating?: string; comment?: string; form?: string }>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (rating === null) {
      setErrors({ rating: "Choose a rating from 1 to 5" });
      return;
    }
    startTransition(async () => {
      const result = await rateCampaignAction({ campaignId, rating, comment, version: current?.version });
      if (!result.ok) {
        setErrors({ rating: result.fieldErrors?.rating?.[0], comment: result.fieldErrors?.comment?.[0], form: result.formError });
        return;
      }
      setErrors({});
      setSaved(true);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-border p-4" aria-label="Your rating">
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      {saved && <Alert tone="success">Thanks: your rating is saved. Marketing sees it on this page and in its pipeline review.</Alert>}
      <fieldset aria-describedby={errors.rating ? "rating-error" : undefined}>
        <legend className="text-sm font-medium">{current ? "Your rating (you can change it)" : "How good were this campaign's leads?"}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {LABELS.map((label, index) => {
            const value = index + 1;
            return (
              <label key={value} className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-input px-3 py-1.5 text-sm has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand">
                <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} className="accent-brand" />
                {value} · {label}
              </label>
            );
          })}
        </div>
        {errors.rating && (
          <p id="rating-error" className="mt-1 text-sm font-medium text-danger">
            {errors.rating}
          </p>
        )}
      </fieldset>
      <Field label="Comment (optional)" htmlFor="rating-comment" error={errors.comment} hint="What made the leads good or poor: fit, intent, contact data…">
        <Textarea
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          {...fieldA11y("rating-comment", errors.comment, "What made the leads good or poor: fit, intent, contact data…")}
        />
      </Field>
      <Button type="submit" pending={pending}>
        {current ? "Update rating" : "Save rating"}
      </Button>
    </form>
  );
}
