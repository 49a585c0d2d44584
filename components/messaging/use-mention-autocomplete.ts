"use client";
import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from "react";
import { insertMention, mentionAtCaret } from "@/lib/messaging/rules";
import type { MentionCandidate } from "@/lib/messaging/queries";
import type { SubjectInput } from "@/lib/messaging/schemas";

interface Options {
  subject: SubjectInput;
  text: string;
  setText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}

/**
 * "@" completion for a textarea, as a combobox: typing "@sa" asks the server for people who may read the thread;
 * ArrowUp/ArrowDown move through them, Enter or Tab inserts the handle, Escape closes the list. The server resolves
 * mentions from the text it receives, so this only helps typing; it decides nothing.
 */
export function useMentionAutocomplete({ subject, text, setText, textarea }: Options) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [candidates, setCandidates] = useState<MentionCandidate[]>([]);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const typing = mentionAtCaret(text, caret);
  const query = typing && typing.start !== dismissedAt ? typing.query : null;

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ subjectType: subject.subjectType, subjectId: subject.subjectId, q: query });
      try {
        const response = await fetch(`/api/mentions?${params.toString()}`, { signal: controller.signal });
        if (!response.ok) return;
        const data = (await response.json()) as { candidates: MentionCandidate[] };
        setCandidates(data.candidates);
        setActive(0);
      } catch {
        // Aborted by the next keystroke, or offline: the list simply does not update.
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, subject.subjectType, subject.subjectId]);

  const open = query !== null && candidates.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (candidate: MentionCandidate) => {
    if (!typing) return;
    const next = insertMention(text, typing.start, caret, candidate.handle);
    setText(next.text);
    setCaret(next.caret);
    setCandidates([]);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + candidates.length) % candidates.length);
      return true;
    }
    if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(candidates[active] ?? candidates[0]!);
      return true;
    }
    if (event.key === "Escape") {
      // Closes the list only: a surrounding dialog stays open.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(typing?.start ?? null);
      return true;
    }
    return false;
  };

  return {
    open,
    candidates,
    active,
    choose,
    onKeyDown,
    trackCaret: (element: HTMLTextAreaElement) => setCaret(element.selectionStart),
    inputProps: {
      role: "combobox" as const,
      "aria-autocomplete": "list" as const,
      "aria-expanded": open,
      "aria-controls": listId,
      "aria-activedescendant": open ? optionId(active) : undefined,
    },
    listProps: { id: listId, optionId },
  };
}
