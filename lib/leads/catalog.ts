// Fixed vocabularies for lead fields, shared by the form, the server schema, the demo data and (later) fit rules.
// Closed lists keep fit rules and reports exact: "Software" and "software " are one industry.
export const INDUSTRIES = [
  "Software",
  "Financial services",
  "Healthcare",
  "Manufacturing",
  "Retail",
  "Education",
  "Media",
  "Logistics",
  "Energy",
  "Telecommunications",
  "Professional services",
  "Public sector",
  "Hospitality",
  "Real estate",
  "Non-profit",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** ISO 3166-1 alpha-2 codes with English names, for the markets the demo company sells in and their neighbours. */
export const COUNTRIES = {
  US: "United States",
  CA: "Canada",
  MX: "Mexico",
  BR: "Brazil",
  GB: "United Kingdom",
  IE: "Ireland",
  DE: "Germany",
  FR: "France",
  NL: "Netherlands",
  BE: "Belgium",
  ES: "Spain",
  IT: "Italy",
  PT: "Portugal",
  CH: "Switzerland",
  AT: "Austria",
  SE: "Sweden",
  NO: "Norway",
  DK: "Denmark",
  FI: "Finland",
  PL: "Poland",
  IN: "India",
  SG: "Singapore",
  JP: "Japan",
  AU: "Australia",
  NZ: "New Zealand",
  ZA: "South Africa",
  AE: "United Arab Emirates",
  IL: "Israel",
} as const;
export type CountryCode = keyof typeof COUNTRIES;
export const COUNTRY_CODES = Object.keys(COUNTRIES) as CountryCode[];

export const SOURCE_LABELS = {
  WEBSITE: "Website",
  CONTENT: "Content download",
  WEBINAR: "Webinar",
  EVENT: "Event",
  PAID_SEARCH: "Paid search",
  PAID_SOCIAL: "Paid social",
  EMAIL: "Email",
  PARTNER: "Partner",
  REFERRAL: "Referral",
  OUTBOUND: "Sales outbound",
} as const;

export const STAGE_LABELS = {
  INQUIRY: "Inquiry",
  MQL: "MQL",
  SAL: "SAL",
  SQL: "SQL",
  OPPORTUNITY: "Opportunity",
  WON: "Won",
  LOST: "Lost",
  NURTURE: "Nurture",
  DISQUALIFIED: "Disqualified",
} as const;

export const TOUCH_KIND_LABELS = { CALL: "Call", EMAIL: "Email", MEETING: "Meeting", NOTE: "Note" } as const;
