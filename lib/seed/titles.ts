// Job titles for demo leads, from individual contributors to the C-suite. The seniority travels with the title so
// that the funnel can favour decision makers the way a lead definition's fit rules would.
import type { SeededRandom } from "./random";

export type Seniority = "INDIVIDUAL_CONTRIBUTOR" | "MANAGER" | "DIRECTOR" | "VP" | "C_LEVEL";

const TITLES: Record<Seniority, readonly string[]> = {
  INDIVIDUAL_CONTRIBUTOR: [
    "Data Analyst",
    "Data Engineer",
    "Senior Data Engineer",
    "Analytics Engineer",
    "Software Engineer",
    "Business Analyst",
    "Financial Analyst",
    "Marketing Specialist",
    "Marketing Coordinator",
    "Sales Operations Analyst",
    "Systems Administrator",
    "Solutions Architect",
    "Product Analyst",
    "Operations Associate",
    "Consultant",
  ],
  MANAGER: [
    "Marketing Manager",
    "Demand Generation Manager",
    "Revenue Operations Manager",
    "Sales Operations Manager",
    "Data Engineering Manager",
    "Analytics Manager",
    "Engineering Manager",
    "IT Manager",
    "Product Manager",
    "Senior Product Manager",
    "Finance Manager",
    "Operations Manager",
  ],
  DIRECTOR: [
    "Director of Data",
    "Director of Analytics",
    "Director of Engineering",
    "Director of Marketing",
    "Director of Revenue Operations",
    "Director of Operations",
    "IT Director",
    "Head of Data",
    "Head of Growth",
    "Head of Platform",
    "Senior Director, Finance",
  ],
  VP: [
    "VP of Engineering",
    "VP of Data",
    "VP of Marketing",
    "VP of Sales",
    "VP of Finance",
    "VP of Operations",
    "Vice President, IT",
    "SVP, Technology",
  ],
  C_LEVEL: [
    "CEO",
    "Co-founder & CEO",
    "CTO",
    "CIO",
    "CFO",
    "COO",
    "CMO",
    "Chief Data Officer",
    "Chief Revenue Officer",
  ],
};

export function drawSeniority(random: SeededRandom, companySize: number): Seniority {
  // At small companies the founders fill in the forms themselves.
  const cLevel = companySize < 50 ? 16 : 6;
  return random.weighted<Seniority>([
    ["INDIVIDUAL_CONTRIBUTOR", 36],
    ["MANAGER", 30],
    ["DIRECTOR", 17],
    ["VP", 9],
    ["C_LEVEL", cLevel],
  ]);
}

export function drawTitle(random: SeededRandom, seniority: Seniority): string {
  return random.pick(TITLES[seniority]);
}
