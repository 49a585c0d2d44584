"use client";
import type { ComponentProps } from "react";
import { Select } from "@/components/ui/select";

/** A select that applies its form as soon as the choice changes; the form's submit button stays for keyboard users. */
export function AutoSubmitSelect(props: ComponentProps<typeof Select>) {
  return <Select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />;
}
