// Enum values from the Prisma schema, safe to import anywhere (client components included): no database code.
export { Role, Stage, LeadSource, CampaignChannel, DefinitionStatus, Side, HandoverStatus, TouchKind, JobStatus, ThreadSubject, NotificationKind } from "./generated/enums";
export { HelpRequestKind, HelpRequestStatus } from "./generated/enums";
export { GoalMetric, GoalStatus, GoalSide } from "./generated/enums";
