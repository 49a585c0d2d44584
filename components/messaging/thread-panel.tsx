"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useTransition } from "react";
import { mergeMessages, type MessageView } from "@/lib/messaging/rules";
import type { SubjectInput } from "@/lib/messaging/schemas";
import { Button } from "@/components/ui/button";
import { MessageComposer } from "./message-composer";
import { MessageItem } from "./message-item";

/** How often an open thread asks for new, edited and deleted messages. */
const POLL_MS = 4_000;

export interface ThreadPanelProps {
  subject: SubjectInput;
  viewerId: string;
  initial: { messages: MessageView[]; hasOlder: boolean; now: string };
  canPost: boolean;
  emptyText?: string;
}

type Page = { messages: MessageView[]; hasOlder?: boolean; now: string };

/**
 * A live thread: the newest page, older pages on demand, new messages without a reload (it polls the thread's
 * route handler, which applies the same access rule as the page), and a composer with "@" completion.
 */
export function ThreadPanel({ subject, viewerId, initial, canPost, emptyText = "No messages yet. Start the conversation." }: ThreadPanelProps) {
  const [messages, setMessages] = useState(initial.messages);
  const [hasOlder, setHasOlder] = useState(initial.hasOlder);
  const [loadingOlder, startLoadingOlder] = useTransition();
  const [lost, setLost] = useState(false);
  const cursor = useRef(initial.now);
  const base = `/api/threads/${subject.subjectType}/${encodeURIComponent(subject.subjectId)}/messages`;

  // The list stays scrolled to the newest message unless the reader scrolled up, or arrived at a linked message.
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const linked = window.location.hash.startsWith("#message-") && list.current?.querySelector(`[id="${CSS.escape(window.location.hash.slice(1))}"]`);
    if (linked) {
      pinned.current = false;
      linked.scrollIntoView({ block: "center" });
    }
  }, []);
  useLayoutEffect(() => {
    if (pinned.current && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages]);
  const onScroll = () => {
    const element = list.current;
    if (element) pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  };

  const merge = useCallback((incoming: MessageView[]) => setMessages((shown) => mergeMessages(shown, incoming)), []);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(`${base}?since=${encodeURIComponent(cursor.current)}`, { cache: "no-store" });
        if (stopped) return;
        setLost(!response.ok);
        if (!response.ok) return;
        const page = (await response.json()) as Page;
        cursor.current = page.now;
        merge(page.messages);
      } catch {
        if (!stopped) setLost(true);
      }
    };
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [base, merge]);

  const loadOlder = () =>
    startLoadingOlder(async () => {
      const first = messages[0];
      if (!first) return;
      const response = await fetch(`${base}?before=${encodeURIComponent(first.id)}`, { cache: "no-store" });
      if (!response.ok) return;
      const page = (await response.json()) as Page;
      merge(page.messages);
      setHasOlder(Boolean(page.hasOlder));
    });

  return (
    <div className="space-y-3">
      {hasOlder && (
        <Button size="sm" variant="secondary" pending={loadingOlder} onClick={loadOlder}>
          Show older messages
        </Button>
      )}
      {messages.length === 0 ? (
        <p className="text-sm text-muted">{emptyText}</p>
      ) : (
        // Focusable, so keyboard users can scroll the thread; new messages are announced politely.
        <ol
          ref={list}
          onScroll={onScroll}
          tabIndex={0}
          className="max-h-[32rem] divide-y divide-border overflow-y-auto focus-visible:outline-2 focus-visible:outline-brand"
          aria-label="Messages"
          aria-live="polite"
          aria-relevant="additions"
        >
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} subject={subject} mine={message.author.id === viewerId} onChanged={(next) => merge([next])} />
          ))}
        </ol>
      )}
      {lost && (
        <p role="status" className="text-xs text-muted">
          Not updating: the connection to Tandem was lost. New messages appear once it is back.
        </p>
      )}
      {canPost && (
        <MessageComposer
          subject={subject}
          onPosted={(message) => {
            pinned.current = true;
            merge([message]);
          }}
        />
      )}
    </div>
  );
}
