"use client";

import Link from "next/link";
import Markdown from "react-markdown";
import { useState } from "react";
import { shareResultsCardAction } from "@/lib/campaigns/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

const newKey = () => crypto.randomUUID();

/**
 * "Share to team channel": shows the card in a confirmation dialog, then asks the server to post it. The server
 * computes the card again from the real results; the preview here is what the page was rendered with. One key per
 * sharing, so a double click or a retry posts once; after a share, a new key makes the next share a new post.
 */
export function ShareResultsButton({ campaignId, markdown }: { campaignId: string; markdown: string }) {
  const [clientKey, setClientKey] = useState(newKey);
  const [outcome, setOutcome] = useState<{ link: string } | { error: string } | null>(null);

  async function share() {
    const result = await shareResultsCardAction({ campaignId, clientKey });
    if (result.ok) {
      setOutcome({ link: result.data.link });
      setClientKey(newKey());
    } else {
      setOutcome({ error: result.formError ?? "Nothing was shared. Please try again." });
    }
  }

  return (
    <div className="space-y-3">
      <ConfirmDialog
        trigger={<Button type="button">Share to team channel</Button>}
        title="Share this results card to the team channel?"
        description={
          <div className="space-y-2">
            <p>Everyone in the team channel will read it, successes and failures alike. The figures are taken again when you share.</p>
            <div className="max-h-72 overflow-y-auto rounded-md border border-border bg-subtle p-3 text-foreground [&_li]:ml-5 [&_li]:list-disc [&_p]:my-2 [&_strong]:font-semibold">
              <Markdown>{markdown}</Markdown>
            </div>
          </div>
        }
        confirmLabel="Share"
        onConfirm={share}
      />
      {outcome && "link" in outcome && (
        <Alert tone="success">
          Shared to the team channel.{" "}
          <Link href={outcome.link} className="font-medium underline">
            See the message
          </Link>
        </Alert>
      )}
      {outcome && "error" in outcome && <Alert tone="danger">{outcome.error}</Alert>}
    </div>
  );
}
