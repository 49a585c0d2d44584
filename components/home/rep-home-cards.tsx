import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getMyPulse } from "@/lib/pulse/queries";
import { getActiveStoryTeaser } from "@/lib/story/queries";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { PulseForm } from "@/components/pulse/pulse-form";

/**
 * What the rep's home adds beside the queue: this month's pulse to answer, and the story in force. A server
 * component inserted once in the queue page, so that the page itself stays the queue's.
 */
export async function RepHomeCards({ user }: { user: CurrentUser }) {
  const [pulse, story] = await Promise.all([getMyPulse(user.id), getActiveStoryTeaser()]);
  return (
    <div className="grid items-start gap-4 lg:grid-cols-2">
      <Card aria-labelledby="pulse-card-title">
        <CardHeader>
          <CardTitle id="pulse-card-title">Pulse for {pulse.monthLabel}</CardTitle>
          <span className="text-sm text-muted">{pulse.answer ? "Answered; you can change it this month" : "Two questions, a minute"}</span>
        </CardHeader>
        <CardBody>
          <PulseForm pulse={pulse} />
        </CardBody>
      </Card>
      <Card aria-labelledby="story-card-title">
        <CardHeader>
          <CardTitle id="story-card-title">Our story</CardTitle>
          {story && <span className="text-sm text-muted">Version {story.version}, in force</span>}
        </CardHeader>
        <CardBody className="space-y-3">
          {story ? (
            <>
              <p className="text-sm leading-relaxed">{story.teaser}</p>
              <p className="text-sm text-muted">
                The brand and product story, with the key messages for {story.personas} {story.personas === 1 ? "persona" : "personas"}.
              </p>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                <Link href="/story" className="inline-block text-sm font-medium text-brand hover:underline">
                  Read the story
                </Link>
                <Link href="/story#thread-story" className="inline-block text-sm font-medium text-brand hover:underline">
                  Comment on it
                </Link>
              </div>
            </>
          ) : (
            <p className="text-sm text-muted">The heads of sales and marketing have not signed a story yet.</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
