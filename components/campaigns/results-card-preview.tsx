import type { ReactNode } from "react";
import Markdown from "react-markdown";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * The results card as the team channel will show it, and its Markdown text. Rendered with react-markdown, which never
 * renders raw HTML; the text itself escapes Markdown in names (resultsCard).
 */
export function ResultsCardPreview({ markdown, action }: { markdown: string; action?: ReactNode }) {
  return (
    <Card aria-labelledby="card-title">
      <CardHeader>
        <CardTitle id="card-title">Results card</CardTitle>
        <p className="text-sm text-muted">What sharing to the team channel will post: successes and failures alike.</p>
      </CardHeader>
      <CardBody className="space-y-3">
        <div
          data-testid="results-card"
          className="rounded-md border border-border bg-subtle p-4 text-sm [&_li]:ml-5 [&_li]:list-disc [&_p]:my-2 [&_strong]:font-semibold"
        >
          <Markdown>{markdown}</Markdown>
        </div>
        <details>
          <summary className="cursor-pointer text-sm text-brand">Show the Markdown text</summary>
          <pre className="mt-2 overflow-x-auto rounded-md bg-subtle p-3 text-xs whitespace-pre-wrap">{markdown}</pre>
        </details>
        {action}
      </CardBody>
    </Card>
  );
}
