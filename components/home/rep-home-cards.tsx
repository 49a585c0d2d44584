import type { CurrentUser } from "@/lib/auth/current-user";
import { getMyPulse } from "@/lib/pulse/queries";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { PulseForm } from "@/components/pulse/pulse-form";

/**
 * What the rep's home adds for issue 5: this month's pulse to answer. A server component inserted once in the queue
 * page, so that the page itself stays the queue's.
 */
export async function RepHomeCards({ user }: { user: CurrentUser }) {
  const pulse = await getMyPulse(user.id);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card aria-labelledby="pulse-card-title">
        <CardHeader>
          <CardTitle id="pulse-card-title">Pulse for {pulse.monthLabel}</CardTitle>
          <span className="text-sm text-muted">{pulse.answer ? "Answered; you can change it this month" : "Two questions, a minute"}</span>
        </CardHeader>
        <CardBody>
          <PulseForm pulse={pulse} />
        </CardBody>
      </Card>
    </div>
  );
}
