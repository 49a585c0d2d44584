import type { StoryContent } from "@/lib/story/schemas";
import { messagesOf, paragraphsOf } from "@/lib/story/rules";

/** The story as people read it: brand and product in paragraphs, then each persona's key messages. */
export function StoryText({ content, headingLevel = "h2" }: { content: StoryContent; headingLevel?: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <div className="max-w-prose space-y-6">
      <section className="space-y-2">
        <Heading className="text-base font-semibold">Brand</Heading>
        {paragraphsOf(content.brand).map((paragraph, index) => (
          <p key={index} className="text-sm leading-relaxed whitespace-pre-line">
            {paragraph}
          </p>
        ))}
      </section>
      <section className="space-y-2">
        <Heading className="text-base font-semibold">Product</Heading>
        {paragraphsOf(content.product).map((paragraph, index) => (
          <p key={index} className="text-sm leading-relaxed whitespace-pre-line">
            {paragraph}
          </p>
        ))}
      </section>
      <section className="space-y-3">
        <Heading className="text-base font-semibold">Key messages by persona</Heading>
        <dl className="space-y-3">
          {content.personas.map((persona) => (
            <div key={persona.name}>
              <dt className="text-sm font-semibold">{persona.name}</dt>
              <dd>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
                  {messagesOf(persona.messages).map((message, index) => (
                    <li key={index}>{message}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
