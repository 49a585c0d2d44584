"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { NewKeyPanel } from "./new-key-panel";

/** Names a new key; the server makes it and this form shows it once, with a copy button. */
export function CreateApiKeyForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setMade(null);
    const result = await createApiKeyAction(values);
    if (!result.ok) {
      setFormError(result.formError ?? "The key was not created.");
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    reset({ name: "" });
    setMade({ name: result.data.name, key: result.data.key });
    router.refresh();
  });

  return (
    <div className="space-y-4">
      {made && <NewKeyPanel name={made.name} apiKey={made.key} onDone={() => setMade(null)} />}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 sm:flex-row sm:items-end" aria-label="Create an API key">
        <Field label="Name" htmlFor="new-key-name" hint="Who will use it, e.g. “Website forms” or “Events team”." error={errors.name?.message} className="sm:w-96">
          <Input autoComplete="off" {...fieldA11y("new-key-name", errors.name?.message, "hint")} {...register("name")} />
        </Field>
        <Button type="submit" pending={isSubmitting} className="sm:mb-7">
          Create key
        </Button>
      </form>
      {formError && <Alert tone="danger">{formError}</Alert>}
    </div>
  );
}
