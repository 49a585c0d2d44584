"use client";
import { useState, useTransition } from "react";
import type { MessageView } from "@/lib/messaging/rules";
import type { SubjectInput } from "@/lib/messaging/schemas";
import { postMessageAction } from "@/lib/messaging/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { MentionTextarea } from "./mention-textarea";

/**
 * Writes a message. Each message typed gets its own random key, sent with every attempt to post it, so a
 * double-click or a retry after a lost answer posts it once; the key changes only once the message is posted.
 */
export function MessageComposer({ subject, onPosted }: { subject: SubjectInput; onPosted: (message: MessageView) => void }) {
  const id = `compose-${subject.subjectType.toLowerCase()}-${subject.subjectId}`;
  const [body, setBody] = useState("");
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<{ field?: string; form?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const send = () => {
    if (pending) return;
    startTransition(async () => {
      const sent = body;
      const result = await postMessageAction({ ...subject, body: sent, clientKey });
      if (!result.ok) {
        setError({ field: result.fieldErrors?.body?.[0], form: result.fieldErrors?.body ? undefined : result.formError });
        return;
      }
      setError(null);
      // Cleared only if nothing new was typed while it was sending.
      setBody((current) => (current === sent ? "" : current));
      setClientKey(crypto.randomUUID());
      onPosted(result.data);
    });
  };

  return (
    <form
      aria-label="Write a message"
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {error?.form && <Alert tone="danger">{error.form}</Alert>}
      <Label htmlFor={id}>Message</Label>
      <MentionTextarea
        id={id}
        subject={subject}
        value={body}
        onChange={setBody}
        onSubmit={send}
        error={error?.field}
        hint="Markdown: **bold**, _italic_, lists and links. Type @ to mention someone; Ctrl+Enter sends."
      />
      <p id={`${id}-hint`} className="text-xs text-muted">
        Markdown: **bold**, _italic_, lists and links. Type @ to mention someone; Ctrl+Enter sends.
      </p>
      {error?.field && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error.field}
        </p>
      )}
      <Button type="submit" size="sm" pending={pending}>
        Send
      </Button>
    </form>
  );
}
