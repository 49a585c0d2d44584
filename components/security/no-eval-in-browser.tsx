"use client";
import { z } from "zod";

// zod compiles object schemas with `new Function` when it may, probing with `Function("")` first. The CSP forbids
// eval, so the probe would report a violation on every page with a form: tell zod up front to interpret instead.
// Module scope, so it applies as soon as the browser loads this chunk, before any form validates.
z.config({ jitless: true });

/** Rendered once by the root layout; draws nothing. */
export function NoEvalInBrowser() {
  return null;
}
