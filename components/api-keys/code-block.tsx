/** A command or payload to copy; scrollable on small screens, focusable so keyboard users can scroll it. */
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="overflow-x-auto rounded-md border border-border bg-subtle p-3 font-mono text-xs leading-relaxed text-foreground">
      <code>{children}</code>
    </pre>
  );
}
