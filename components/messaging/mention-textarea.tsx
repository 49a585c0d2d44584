"use client";
import { useRef } from "react";
import { cn } from "@/lib/ui/cn";
import type { SubjectInput } from "@/lib/messaging/schemas";
import { Textarea } from "@/components/ui/textarea";
import { fieldA11y } from "@/components/ui/field";
import { useMentionAutocomplete } from "./use-mention-autocomplete";

interface Props {
  id: string;
  subject: SubjectInput;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter or Cmd+Enter (Enter alone writes a new line, or picks a person while the list is open). */
  onSubmit: () => void;
  error?: string;
  hint?: string;
  rows?: number;
}

/** A message box with "@" completion of people who may read the thread. */
export function MentionTextarea({ id, subject, value, onChange, onSubmit, error, hint, rows = 3 }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionAutocomplete({ subject, text: value, setText: onChange, textarea });
  return (
    <div className="relative">
      <Textarea
        ref={textarea}
        rows={rows}
        value={value}
        maxLength={5_000}
        {...fieldA11y(id, error, hint)}
        {...mentions.inputProps}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          mentions.trackCaret(event.currentTarget);
        }}
        onSelect={(event) => mentions.trackCaret(event.currentTarget)}
        onKeyDown={(event) => {
          if (mentions.onKeyDown(event)) return;
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmit();
          }
        }}
      />
      <ul
        id={mentions.listProps.id}
        role="listbox"
        aria-label="People to mention"
        hidden={!mentions.open}
        className="absolute left-0 z-30 mt-1 max-h-60 w-96 max-w-full overflow-auto rounded-md border border-border bg-surface py-1 shadow-lg"
      >
        {mentions.candidates.map((candidate, index) => (
          <li
            key={candidate.handle}
            id={mentions.listProps.optionId(index)}
            role="option"
            aria-selected={index === mentions.active}
            // mousedown, not click: the textarea keeps focus and its caret.
            onMouseDown={(event) => {
              event.preventDefault();
              mentions.choose(candidate);
            }}
            className={cn("cursor-pointer px-3 py-1.5 text-sm", index === mentions.active && "bg-brand-soft")}
          >
            <span className="font-medium">{candidate.name}</span> <span className="text-muted">@{candidate.handle} · {candidate.role}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
