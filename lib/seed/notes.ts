// What people wrote in the demo workspace: reps' rejection notes, marketing's dispute notes and the notes on touches.
// Short and specific, the way they read in a real queue.
import type { TouchKind } from "../db/enums";

/** By rejection reason code (lib/agreement/defaults.ts). */
export const REJECTION_NOTES: Record<string, readonly string[]> = {
  not_icp: [
    "Subsidiary of a group we cannot sell to; their IT buys centrally.",
    "They run everything on-premises and have no plans to move.",
    "Student project, not a company evaluation.",
  ],
  no_budget: [
    "Budget frozen until the next fiscal year.",
    "Interested, but they just signed a two-year contract elsewhere.",
    "Spending is on hold after their reorganisation.",
  ],
  no_authority: [
    "Researching for their manager; asked to be introduced to the decision maker.",
    "Contact is an analyst with no say in tooling.",
    "Procurement decides; our contact only collects quotes.",
  ],
  no_need: [
    "Downloaded the report for a class, no project behind it.",
    "Their current setup covers what they need for now.",
    "Only wanted the template, not a platform.",
  ],
  no_timeline: [
    "Evaluation planned for next year; asked us to check back in Q3.",
    "Nothing before their migration finishes in six months.",
    "Open to talk, but no project this year.",
  ],
  bad_contact_data: [
    "Phone number does not exist and the email bounced.",
    "Wrong person: nobody by that name at the company.",
    "Generic info@ address, nobody answers.",
  ],
  duplicate: [
    "Same person already in my queue under a personal email.",
    "Duplicate of a lead a colleague is already working.",
  ],
  spam: ["Fake name and a throwaway email address.", "Form filled by a bot; gibberish in every field."],
  already_customer: [
    "Existing customer; passed to their account manager.",
    "They renewed last month; this is a support question.",
  ],
};

export const DISPUTE_NOTES = [
  "They asked for a demo in the form and match every fit rule. Please give it a call before recycling it.",
  "Budget was confirmed on the webinar Q&A. Can we take another look?",
  "This contact is the decision maker for the platform; we spoke at the event.",
  "They are not a customer: the account in the CRM is a different subsidiary.",
  "The phone number works, I called it this morning. Could you try again?",
  "Two people from this account attended the webinar this week; the need is real.",
  "This met the definition we both signed. What would have made it acceptable?",
];

/** Marketing's nurture emails to inquiries. */
export const NURTURE_EMAIL_NOTES = [
  "Sent the on-demand recording and the slides",
  "Follow-up email with the benchmark report",
  "Invited to next month's webinar",
  "Shared a customer story from their industry",
  "Sent the buyer's guide they asked about",
  "Answered their question about integrations by email",
  "Sent the ROI calculator",
  "Nurture email: pricing overview",
];

/** Reps' touches on the leads they work. */
export const REP_TOUCH_NOTES: Record<TouchKind, readonly string[]> = {
  CALL: [
    "Intro call: walked through their reporting setup",
    "Left a voicemail, will try again tomorrow",
    "Discovery call: three teams, data in two warehouses",
    "Quick call to confirm the evaluation timeline",
    "Called to book the technical deep dive",
    "No answer; sent a text",
  ],
  EMAIL: [
    "Sent a recap and two time slots for a demo",
    "Shared the security questionnaire",
    "Followed up with the pricing sheet",
    "Sent the case study they asked for",
    "Checked in after the trial started",
  ],
  MEETING: [
    "Demo with their data team",
    "Technical deep dive with IT and security",
    "Workshop on their pipeline reporting",
    "Commercial review with the budget holder",
  ],
  NOTE: [
    "Champion is the head of analytics; the CFO signs",
    "Competitor in the deal; they like our pricing model",
    "Asked to pause until their quarter closes",
    "Procurement needs three quotes",
  ],
};
