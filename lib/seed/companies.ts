// Demo accounts: company names, sizes, industries and countries with the skew a real B2B database has (many small
// companies, a long tail of large ones, most accounts in a few core markets).
import type { Faker } from "@faker-js/faker";
import { COUNTRY_CODES, INDUSTRIES, type CountryCode, type Industry } from "../leads/catalog";
import { emailPart } from "./email";
import { clamp, type SeededRandom } from "./random";

export interface CompanyDraft {
  id: string;
  name: string;
  normalizedName: string;
  /** What the workspace knows: a few accounts were imported without their size, industry or country. */
  size: number | null;
  industry: Industry | null;
  country: CountryCode | null;
  /** The real headcount, known or not: it drives how many leads and how large a deal the account brings; not stored. */
  employees: number;
  /** Used for the demo contacts' email addresses; not stored. */
  domain: string;
}

/** Shares of accounts whose size, industry or country nobody has filled in yet. */
const UNKNOWN_SHARE = { size: 0.015, industry: 0.01, country: 0.007 };

const INDUSTRY_WEIGHTS: Partial<Record<Industry, number>> = {
  Software: 18,
  "Financial services": 12,
  Healthcare: 10,
  Manufacturing: 10,
  Retail: 8,
  "Professional services": 8,
  Logistics: 6,
  Media: 7,
  Telecommunications: 5,
  Education: 7,
  Energy: 6,
};
const OTHER_INDUSTRY_WEIGHT = 4;

const COUNTRY_WEIGHTS: Partial<Record<CountryCode, number>> = {
  US: 34,
  GB: 11,
  DE: 8,
  CA: 5,
  FR: 5,
  NL: 4,
  AU: 4,
  IN: 5,
  IE: 2,
  ES: 2,
  IT: 2,
  SE: 2,
  CH: 2,
  SG: 2,
};
const OTHER_COUNTRY_WEIGHT = 1.2;

const COUNTRY_TLDS: Partial<Record<CountryCode, string>> = {
  GB: "co.uk",
  DE: "de",
  FR: "fr",
  NL: "nl",
  AU: "com.au",
  ES: "es",
  IT: "it",
  SE: "se",
  CH: "ch",
  IE: "ie",
};

const INDUSTRY_SUFFIXES: Partial<Record<Industry, readonly string[]>> = {
  Software: ["Software", "Labs", "Technologies", "Systems", "Cloud", "Data"],
  "Financial services": ["Capital", "Financial", "Bank", "Insurance", "Payments"],
  Healthcare: ["Health", "Medical", "Clinics", "Care", "Diagnostics"],
  Manufacturing: ["Manufacturing", "Industries", "Components", "Materials"],
  Retail: ["Retail", "Stores", "Outfitters", "Market"],
  Logistics: ["Logistics", "Freight", "Shipping", "Transport"],
  Energy: ["Energy", "Power", "Renewables"],
  Media: ["Media", "Studios", "Publishing"],
  Telecommunications: ["Telecom", "Networks", "Communications"],
  Education: ["Learning", "Academy", "Education"],
  "Professional services": ["Consulting", "Partners", "Advisory"],
};
const GENERIC_SUFFIXES = ["Group", "Holdings", "Company", "International"];
const BRAND_STEMS = [
  ...["North", "Blue", "Summit", "Harbor", "Granite", "Cedar", "Beacon", "Atlas", "Nova", "Pioneer"],
  ...["Vertex", "Evergreen", "Silver", "Crescent", "Orbit", "Bright", "Keystone", "Meridian", "Apex"],
];
const BRAND_ENDINGS = ["line", "path", "point", "wave", "field", "stone", "bridge", "gate", "works", "stack", "view"];

export function buildCompanies(faker: Faker, random: SeededRandom, count: number): CompanyDraft[] {
  // Vocabulary added to the catalog later still shows up, with a small weight.
  const industryWeights = INDUSTRIES.map(
    (industry) => [industry, INDUSTRY_WEIGHTS[industry] ?? OTHER_INDUSTRY_WEIGHT] as const,
  );
  const countryWeights = COUNTRY_CODES.map((code) => [code, COUNTRY_WEIGHTS[code] ?? OTHER_COUNTRY_WEIGHT] as const);
  const taken = new Set<string>();
  const companies: CompanyDraft[] = [];
  while (companies.length < count) {
    const industry = random.weighted(industryWeights);
    const name = companyName(faker, random, industry);
    const normalizedName = name.trim().toLowerCase();
    if (taken.has(normalizedName)) continue;
    taken.add(normalizedName);
    const country = random.weighted(countryWeights);
    const employees = companySize(random);
    companies.push({
      id: `seed_company_${String(companies.length + 1).padStart(4, "0")}`,
      name,
      normalizedName,
      size: random.chance(UNKNOWN_SHARE.size) ? null : employees,
      industry: random.chance(UNKNOWN_SHARE.industry) ? null : industry,
      country: random.chance(UNKNOWN_SHARE.country) ? null : country,
      employees,
      domain: companyDomain(random, name, country),
    });
  }
  return companies;
}

function companyName(faker: Faker, random: SeededRandom, industry: Industry): string {
  const suffixes = INDUSTRY_SUFFIXES[industry] ?? GENERIC_SUFFIXES;
  const style = random.weighted([
    ["surname", 4],
    ["brand", 3],
    ["classic", 3],
  ] as const);
  if (style === "surname") return `${faker.person.lastName()} ${random.pick(suffixes)}`;
  if (style === "brand") {
    return `${random.pick(BRAND_STEMS)}${random.pick(BRAND_ENDINGS)} ${random.pick(suffixes)}`;
  }
  return faker.company.name();
}

/** Employees: median around 70, from 5 to 50,000, rounded the way people report headcount. */
function companySize(random: SeededRandom): number {
  const raw = random.logNormalWithin(70, 2, 5, 50_000);
  const step = raw < 100 ? 1 : raw < 1_000 ? 5 : raw < 10_000 ? 50 : 500;
  return clamp(Math.round(raw / step) * step, 5, 50_000);
}

/** "Parisian, Boehm and Kuphal" in Germany becomes parisianboehm.de or parisianboehm.com. */
function companyDomain(random: SeededRandom, name: string, country: CountryCode): string {
  const words = name
    .split(/[\s,&-]+/)
    .map(emailPart)
    .filter((word) => word && !["and", "inc", "llc", "group", "sons", "the"].includes(word));
  const label = words.slice(0, 2).join("") || "company";
  const localTld = COUNTRY_TLDS[country];
  return `${label}.${localTld && random.chance(0.6) ? localTld : "com"}`;
}
