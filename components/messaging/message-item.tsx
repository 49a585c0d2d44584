"use client";
import { useState, useTransition } from "react";
import type { MessageView } from "@/lib/messaging/rules";
import type { SubjectInput } from "@/lib/messaging/schemas";
import { deleteMessageAction, editMessageAction } from "@/lib/messaging/actions";
import { formatDateTime } from "@/lib/ui/format";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MessageMarkdown } from "./message-markdown";
import { MentionTextarea } from "./mention-textarea";

interface Props {
  message: MessageView;
  subject: SubjectInput;
  mine: boolean;
  /** A newer state of the message from the server (after an edit or a deletion). */
  onChanged: (message: MessageView) => void;
}

/** One message: its author, time and text; edited ones say so, deleted ones keep their place and lose their text. */
export function MessageItem({ message, subject, mine, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body ?? "");
  const [error, setError] = useState<{ field?: string; form?: string } | null>(null);
  const [saving, startSave] = useTransition();

  const save = () =>
    startSave(async () => {
      const result = await editMessageAction({ messageId: message.id, version: message.version, body: draft });
      if (!result.ok) {
        setError({ field: result.fieldErrors?.body?.[0], form: result.fieldErrors?.body ? undefined : result.formError });
        return;
      }
      setError(null);
      setEditing(false);
      onChanged(result.data);
    });

  const remove = async () => {
    const result = await deleteMessageAction({ messageId: message.id, version: message.version });
    if (!result.ok) setError({ form: result.formError });
    else onChanged(result.data);
  };

  const editorId = `edit-${message.id}`;
  return (
    <li id={`message-${message.id}`} className="scroll-mt-24 rounded-md px-2 py-2 target:bg-brand-soft" aria-label={`Message from ${message.author.name}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{message.author.name}</span>
        <time dateTime={message.createdAt} className="text-muted">
          {formatDateTime(message.createdAt)}
        </time>
        {message.editedAt && <Badge title={`Edited ${formatDateTime(message.editedAt)}`}>edited</Badge>}
        {mine && !message.deletedAt && !editing && (
          <span className="ml-auto flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => { setDraft(message.body ?? ""); setError(null); setEditing(true); }}>
              Edit
            </Button>
            <ConfirmDialog
              trigger={<Button size="sm" variant="ghost">Delete</Button>}
              title="Delete this message?"
              description="Its text is removed for everyone; the thread shows that a message was deleted."
              confirmLabel="Delete message"
              tone="danger"
              onConfirm={remove}
            />
          </span>
        )}
      </div>
      {error?.form && <Alert tone="danger" className="mt-2">{error.form}</Alert>}
      {message.deletedAt ? (
        <p className="text-sm text-muted italic">Message deleted</p>
      ) : editing ? (
        <form
          className="mt-1 space-y-2"
          aria-label="Edit message"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <label htmlFor={editorId} className="sr-only">
            Edit your message
          </label>
          <MentionTextarea id={editorId} subject={subject} value={draft} onChange={setDraft} onSubmit={save} error={error?.field} />
          {error?.field && (
            <p id={`${editorId}-error`} className="text-sm font-medium text-danger">
              {error.field}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" pending={saving}>
              Save
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <MessageMarkdown body={message.body ?? ""} />
      )}
    </li>
  );
}
