import type { Metadata } from "next";
import { connection } from "next/server";
import { NoEvalInBrowser } from "@/components/security/no-eval-in-browser";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tandem", template: "%s · Tandem" },
  description: "One workspace for sales and marketing, run as one revenue team.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next puts this request's CSP nonce (set by proxy.ts) on its scripts:
  // a page prerendered at build time would carry scripts without it, and the browser would refuse to run them.
  await connection();
  return (
    <html lang="en">
      <body>
        <NoEvalInBrowser />
        {children}
      </body>
    </html>
  );
}
