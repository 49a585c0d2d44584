// Job titles for demo leads, from individual contributors to the C-suite, drawn by seniority. The lead definition
// reads the seniority back from the title (seniorityOf in lib/agreement/rules.ts): the titles below read as at least
// a manager exactly when they were drawn at manager level or above.
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
  // At small companies the founders fill in the forms themselves. Most form fills come from the people who do the
  // work: about half of inquiries are below the manager level that the lead definition asks for.
  const cLevel = companySize < 50 ? 14 : 5;
  return random.weighted<Seniority>([
    ["INDIVIDUAL_CONTRIBUTOR", 53],
    ["MANAGER", 26],
    ["DIRECTOR", 14],
    ["VP", 7],
    ["C_LEVEL", cLevel],
  ]);
}

export function drawTitle(random: SeededRandom, seniority: Seniority): string {
  return random.pick(TITLES[seniority]);
}
