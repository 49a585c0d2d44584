"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import type { z } from "zod";
import { signInSchema } from "@/lib/auth/schemas";
import { signInErrorMessage } from "@/lib/auth/throttle-rules";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";

type Values = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      // The same words for an unknown email and a wrong password: the form never reveals who has an account. Too many
      // failures (counted for unknown emails too) say how long to wait.
      setFormError(signInErrorMessage(result?.error ?? ""));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in</CardTitle>
      </CardHeader>
      <CardBody>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {formError && <Alert tone="danger">{formError}</Alert>}
          <Field label="Email" htmlFor="email" error={errors.email?.message}>
            <Input type="email" autoComplete="email" autoFocus {...fieldA11y("email", errors.email?.message)} {...register("email")} />
          </Field>
          <Field label="Password" htmlFor="password" error={errors.password?.message}>
            <Input
              type="password"
              autoComplete="current-password"
              {...fieldA11y("password", errors.password?.message)}
              {...register("password")}
            />
          </Field>
          <Button type="submit" className="w-full" pending={isSubmitting}>
            Sign in
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
