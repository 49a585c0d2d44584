import Markdown, { type Components } from "react-markdown";
import { splitMentions } from "@/lib/messaging/rules";

// Safe Markdown: raw HTML in a message is never rendered (react-markdown shows it as text), link and image URLs go
// through its default sanitiser (so `javascript:` links are dropped), and only these elements are drawn; anything
// else (headings, images, tables) is unwrapped to its text.
const ALLOWED = ["p", "br", "a", "em", "strong", "ul", "ol", "li", "code", "pre", "blockquote", "hr", "span"];

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

/** Wraps @mentions in the text (not in code or link text) in a span, so they stand out. */
function remarkMentions() {
  const visit = (node: MdNode) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child): MdNode[] => {
      if (child.type === "text" && child.value) {
        return splitMentions(child.value).map((part) =>
          part.mention
            ? { type: "emphasis", data: { hName: "span", hProperties: { className: "font-medium text-brand" } }, children: [{ type: "text", value: part.text }] }
            : { type: "text", value: part.text },
        );
      }
      if (child.type !== "link" && child.type !== "inlineCode" && child.type !== "code") visit(child);
      return [child];
    });
  };
  return (tree: MdNode) => visit(tree);
}

const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" className="text-brand underline" />,
  ul: ({ node: _node, ...props }) => <ul {...props} className="list-disc pl-5" />,
  ol: ({ node: _node, ...props }) => <ol {...props} className="list-decimal pl-5" />,
  code: ({ node: _node, ...props }) => <code {...props} className="rounded bg-subtle px-1 font-mono text-[0.9em]" />,
  pre: ({ node: _node, ...props }) => <pre {...props} className="overflow-x-auto rounded bg-subtle p-2" />,
  blockquote: ({ node: _node, ...props }) => <blockquote {...props} className="border-l-2 border-border pl-3 text-muted" />,
};

export function MessageMarkdown({ body }: { body: string }) {
  return (
    <div className="space-y-2 text-sm break-words">
      <Markdown allowedElements={ALLOWED} unwrapDisallowed remarkPlugins={[remarkMentions]} components={components}>
        {body}
      </Markdown>
    </div>
  );
}
