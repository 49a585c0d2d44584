import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { readEnv } from "@/lib/env";
import { curlExamples } from "@/lib/intake/examples";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/api-keys/code-block";

export const metadata: Metadata = { title: "API docs" };

const ENDPOINTS = [
  ["POST", "/api/v1/leads", "Send one lead. 201 when created, 200 when merged into the lead with the same email."],
  ["POST", "/api/v1/leads/batch", "Send up to 1,000 leads. All or none, unless you ask for partial acceptance."],
  ["GET", "/api/v1/leads/{id}", "A lead's stage, score and owner."],
  ["GET", "/api/v1/leads?email=…", "The same, found by email."],
  ["POST", "/api/v1/forms/{token}", "A campaign's public web form, posted from your own website: no API key (see Web forms below)."],
] as const;

export default async function DevelopersPage() {
  const user = await requirePermission("api:docs");
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;
  const examples = curlExamples(origin);
  const env = readEnv();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Intake API</h1>
        <p className="text-sm text-muted">
          Websites, forms and other tools send leads here. Every lead is checked with the same rules as the lead form, scored against the active lead
          definition, and handed to a rep when it qualifies. The full description is the{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-brand underline-offset-2 hover:underline">
            OpenAPI document
          </a>
          .
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Endpoints</CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="space-y-2 text-sm">
            {ENDPOINTS.map(([method, path, what]) => (
              <li key={`${method} ${path}`}>
                <code className="font-mono font-semibold">{method}</code> <code className="font-mono">{path}</code>: {what}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Authentication and limits</CardTitle>
        </CardHeader>
        <CardBody className="space-y-2 text-sm">
          <p>
            Send an API key as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>.{" "}
            {can(user.role, "apikey:manage") ? (
              <Link href="/admin/api-keys" className="font-medium text-brand underline-offset-2 hover:underline">
                Create and revoke keys
              </Link>
            ) : (
              "An admin creates keys."
            )}{" "}
            A missing, unknown or revoked key gets 401.
          </p>
          <p>
            Each key may make {env.INTAKE_RATE_LIMIT} requests per {env.INTAKE_RATE_WINDOW_SECONDS} seconds; beyond that the answer is 429 with a{" "}
            <code className="font-mono">Retry-After</code> header in seconds.
          </p>
          <p>
            Send an <code className="font-mono">Idempotency-Key</code> header (a new UUID per lead or batch) and retry freely: the same key with the same body
            returns the first answer and writes nothing new for 24 hours; the same key with a different body gets 409.
          </p>
          <p>
            Invalid input gets 422 with every field&apos;s errors, and nothing is written. A lead whose email (ignoring case and spaces) already exists
            updates that lead: empty fields are filled and the new source is recorded.
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Web forms</CardTitle>
        </CardHeader>
        <CardBody className="space-y-2 text-sm">
          <p>
            For a form on your own website, no key is needed (a key must never be put in a web page). Turn on a campaign&apos;s web form on its page under{" "}
            <Link href="/campaigns" className="font-medium text-brand underline-offset-2 hover:underline">
              Campaigns
            </Link>
            , list the websites allowed to post to it, and paste the HTML snippet shown there: a plain form that posts to{" "}
            <code className="font-mono">/api/v1/forms/&lt;token&gt;</code>. Its leads come from the website, attributed to that campaign, and are
            checked, scored and handed over like the API&apos;s.
          </p>
          <p>
            Only the listed origins may post (others get 403; a script&apos;s CORS preflight is answered for them alone). Each visitor&apos;s address may
            send {env.WEBFORM_RATE_LIMIT} forms per {env.WEBFORM_RATE_WINDOW_SECONDS / 60} minutes, then 429 with <code className="font-mono">Retry-After</code>.
            A hidden <code className="font-mono">website</code> field catches bots: when it is filled, the answer looks like success and nothing is
            written. Scripts may post JSON (or ask for <code className="font-mono">Accept: application/json</code>) and get 422 with every field&apos;s
            errors; a plain form shows a thank-you page or goes to the thank-you address you set. Rotating the token, or turning the form off, makes the
            old address answer 404 at once.
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Examples</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4 text-sm">
          <p>Send one lead:</p>
          <CodeBlock label="Send one lead with curl">{examples.single}</CodeBlock>
          <p>Send a batch of up to {examples.maxBatch.toLocaleString("en")} leads, writing the valid ones even if some are invalid:</p>
          <CodeBlock label="Send a batch with curl">{examples.batch}</CodeBlock>
          <p>Check what became of a lead:</p>
          <CodeBlock label="Find a lead by email with curl">{examples.byEmail}</CodeBlock>
          <CodeBlock label="Get a lead by id with curl">{examples.byId}</CodeBlock>
        </CardBody>
      </Card>
    </div>
  );
}
