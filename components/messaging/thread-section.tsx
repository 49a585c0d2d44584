import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getThreadPage } from "@/lib/messaging/queries";
import type { SubjectInput } from "@/lib/messaging/schemas";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ThreadPanel } from "./thread-panel";

interface Props {
  user: CurrentUser;
  subject: SubjectInput;
  title: string;
  description?: string;
  className?: string;
}

/**
 * A subject's thread in a card, for any page: `<ThreadSection user={user} subject={{ subjectType: "CAMPAIGN",
 * subjectId: campaign.id }} title="Discussion" />`. Draws nothing for someone who may not see the subject. Its
 * anchor (#thread-campaign, #thread-handover-<id>…) is what inbox links point at.
 */
export async function ThreadSection({ user, subject, title, description, className }: Props) {
  const page = await getThreadPage(user, subject);
  if (!page) return null;
  const anchor = subject.subjectType === "HANDOVER" ? `thread-handover-${subject.subjectId}` : `thread-${subject.subjectType.toLowerCase()}`;
  return (
    <Card id={anchor} className={className} aria-labelledby={`${anchor}-title`}>
      <CardHeader>
        <CardTitle id={`${anchor}-title`}>{title}</CardTitle>
        {description && <p className="w-full text-sm text-muted">{description}</p>}
      </CardHeader>
      <CardBody>
        <ThreadPanel
          subject={subject}
          viewerId={user.id}
          canPost={can(user.role, "message:post")}
          initial={{ messages: page.messages, hasOlder: page.hasOlder, now: new Date().toISOString() }}
        />
      </CardBody>
    </Card>
  );
}
