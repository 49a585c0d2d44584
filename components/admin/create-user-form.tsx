"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserAction } from "@/lib/users/actions";
import { createUserSchema, type CreateUserInput, type CreateUserValues } from "@/lib/users/schemas";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

const EMPTY = { name: "", email: "", role: "SALES_REP", password: "" } satisfies CreateUserValues;

export function CreateUserForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateUserValues, unknown, CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await createUserAction(values);
    if (!result.ok) {
      setMessage({ tone: "danger", text: result.formError ?? "The user was not created." });
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    reset(EMPTY);
    setMessage({ tone: "success", text: `${values.name} can now sign in.` });
    router.refresh();
  });

  const a11y = (name: keyof CreateUserValues) => fieldA11y(`new-user-${name}`, errors[name]?.message);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Add a user">
      {message && (
        <div className="sm:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <Field label="Name" htmlFor="new-user-name" error={errors.name?.message}>
        <Input autoComplete="off" {...a11y("name")} {...register("name")} />
      </Field>
      <Field label="Email" htmlFor="new-user-email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...a11y("email")} {...register("email")} />
      </Field>
      <Field label="Role" htmlFor="new-user-role" error={errors.role?.message}>
        <Select {...a11y("role")} {...register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Initial password" htmlFor="new-user-password" hint="At least 12 characters. Share it privately." error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...a11y("password")} {...register("password")} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" pending={isSubmitting}>
          Add user
        </Button>
      </div>
    </form>
  );
}
