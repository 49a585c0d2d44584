import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names and lets a caller's Tailwind utilities override a component's defaults. */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
