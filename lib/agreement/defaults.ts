import type { DefinitionRules } from "./schemas";

/** The starting point for a workspace's first definition: a typical mid-market B2B agreement. */
export const DEFAULT_RULES: DefinitionRules = {
  requiredFields: ["title", "companySize", "industry", "country"],
  fit: {
    companySize: { min: 50, max: 5000 },
    industries: ["Software", "Financial services", "Healthcare", "Manufacturing", "Retail", "Logistics", "Telecommunications", "Professional services"],
    countries: ["US", "CA", "GB", "IE", "DE", "FR", "NL", "BE", "ES", "IT", "CH", "AT", "SE", "NO", "DK", "FI", "AU", "NZ", "SG"],
    minSeniority: "MANAGER",
  },
  scoring: {
    companySize: 20,
    industry: 15,
    country: 10,
    seniority: 20,
    campaign: 10,
    perTouch: 5,
    maxTouchPoints: 15,
    sources: {
      WEBSITE: 10,
      CONTENT: 10,
      WEBINAR: 20,
      EVENT: 20,
      PAID_SEARCH: 5,
      PAID_SOCIAL: 5,
      EMAIL: 5,
      PARTNER: 15,
      REFERRAL: 25,
      OUTBOUND: 0,
    },
  },
  mqlThreshold: 75,
  sla: { acceptHours: 24, firstTouchHours: 48 },
  rejectionReasons: [
    { code: "not_icp", label: "Not in ideal customer profile", outcome: "DISQUALIFIED" },
    { code: "no_budget", label: "No budget", outcome: "NURTURE" },
    { code: "no_authority", label: "No authority", outcome: "NURTURE" },
    { code: "no_need", label: "No need", outcome: "NURTURE" },
    { code: "no_timeline", label: "No timeline", outcome: "NURTURE" },
    { code: "bad_contact_data", label: "Bad contact data", outcome: "DISQUALIFIED" },
    { code: "duplicate", label: "Duplicate", outcome: "DISQUALIFIED" },
    { code: "spam", label: "Spam", outcome: "DISQUALIFIED" },
    { code: "already_customer", label: "Already a customer", outcome: "DISQUALIFIED" },
  ],
};
