// The benchmark's data set, generated inside PostgreSQL: a million leads over 18 months with about three million
// stage changes, their handovers and the funnel rollup built from that history. Every value is a pure function of a
// row number (hashint8extended(row, salt) turned into a number in [0, 1)), so the same generator version always gives
// the same rows, and a few INSERT … SELECT … FROM generate_series statements do the work in a couple of minutes.
//
// The shape follows a typical B2B demand waterfall and the way the app records it:
// - 200 people (60 reps, 8 sales managers, 121 marketers, 8 marketing managers, a CRO, 2 admins), one active lead
//   definition (v1, the default rules), 100,000 companies, 200 campaigns spread over the history;
// - 14% of leads are sales-sourced (referral, outbound): logged by a rep, accepted at once (INQUIRY → SAL);
// - about a quarter of marketing's inquiries qualify (INQUIRY → MQL) and are handed to a rep (a handover with the
//   24-hour SLA); the rep accepts about half (→ SAL, speed to lead recorded as firstTouchAt) and rejects the rest with
//   one of the agreed reasons (→ NURTURE or DISQUALIFIED; a few rejections are disputed); most of the others go stale
//   and marketing disqualifies them;
// - about half of SALs become SQLs, 70% of SQLs opportunities (with an amount and a close date), 27% of those are won;
//   stalled leads go back to nurture, and nurtured leads may qualify again (up to four handovers per lead). The
//   recycling and the quarter (rather than a fifth) qualifying bring the history to about 2.9 million changes;
// - nothing happens after the data set's "now" (BENCH_NOW): recent leads are early in the funnel, some handovers wait.
// StageChange.repId is the lead's owner after the change when a rep owns it, as lib/funnel/service.ts records it.
import { DEFAULT_RULES } from "../../lib/agreement/defaults";
import { COUNTRY_CODES, INDUSTRIES } from "../../lib/leads/catalog";

/** Bump when the generated rows change: a data set made by another version is regenerated. */
export const GENERATOR_VERSION = 2;
/** The data set's "now": periods are resolved against it, so results do not depend on the day the bench runs. */
export const BENCH_NOW = new Date("2026-11-22T09:00:00.000Z");
export const LEAD_COUNT = 1_000_000;
const COMPANY_COUNT = 100_000;
const CAMPAIGN_COUNT = 200;
const HISTORY_DAYS = 548;
/** Campaigns start from 45 days before the first lead. */
const CAMPAIGN_LEAD_DAYS = 45;
const MAX_ROUNDS = 4;

// Users by number: 1 CRO, 2-3 admins, 4-11 sales managers, 12-71 reps, 72-79 marketing managers, 80-200 marketers.
const REPS = 60;
const MARKETERS = 121;
const repUser = (index: string) => `(11 + ${index})`;
const marketerUser = (index: string) => `(79 + ${index})`;

const NOW_SQL = `'${BENCH_NOW.toISOString().slice(0, 23).replace("T", " ")}'::timestamp`;
const START_SQL = `(${NOW_SQL} - interval '${HISTORY_DAYS} days')`;

/** A number in [0, 1) from a row key and a salt. */
const r = (key: string, salt: number) => `((hashint8extended((${key})::int8, ${salt}) & 2147483647)::float8 / 2147483648.0)`;
/** An integer in 1..n from a row key and a salt. */
const pick = (key: string, salt: number, n: number) => `(1 + (hashint8extended((${key})::int8, ${salt}) & 2147483647) % ${n})::int`;
const days = (expr: string) => `((${expr}) * interval '1 day')`;
const hours = (expr: string) => `((${expr}) * interval '1 hour')`;
/** The instant, or NULL when it would be after the data set's "now" (that move has not happened yet). */
const upTo = (expr: string) => `(CASE WHEN (${expr}) <= ${NOW_SQL} THEN (${expr}) END)`;
const text = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `ARRAY[${values.map(text).join(", ")}]`;
/** One of the values, by weight, for a draw in [0, 1). */
function weighted(draw: string, choices: readonly (readonly [string, number])[]): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const arms = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight / total;
    return `WHEN ${draw} < ${cumulative.toFixed(6)} THEN ${text(value)}`;
  });
  return `(CASE ${arms.join(" ")} ELSE ${text(choices[choices.length - 1]![0])} END)`;
}
const id = (prefix: string, number: string, width: number) => `('${prefix}' || lpad((${number})::text, ${width}, '0'))`;
const userId = (number: string) => `(CASE WHEN (${number}) IS NOT NULL THEN ${id("bench_user_", number, 3)} END)`;
const leadId = (number: string) => id("bench_lead_", number, 7);

const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
  "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
  "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily", "Paul", "Michelle", "Andrew", "Amanda", "Joshua", "Melissa",
  "Kevin", "Laura", "Brian", "Olivia", "Lucas", "Sofia", "Mateo", "Emma", "Noah", "Chloe", "Liam", "Hannah", "Ethan",
  "Aisha", "Omar", "Priya", "Arjun", "Mei", "Wei", "Yuki", "Hiro", "Fatima", "Lars", "Ingrid",
];
const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez",
  "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
  "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
  "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Schmidt", "Muller", "Rossi", "Dubois", "Jansen", "Novak",
  "Kowalski", "Tanaka", "Sato", "Kim", "Park", "Chen", "Wang", "Singh", "Patel", "Khan", "Silva", "Costa", "Larsen",
  "Nielsen", "Berg", "Lindqvist", "Murphy", "Kelly", "O'Brien", "Walsh", "Byrne", "Fischer", "Weber", "Keller",
];
const TITLES: readonly (readonly [string, number])[] = [
  ["Marketing Coordinator", 8], ["Operations Analyst", 8], ["Software Engineer", 8], ["Sales Associate", 6],
  ["Operations Manager", 10], ["IT Manager", 8], ["Marketing Manager", 8], ["Finance Manager", 6],
  ["Director of Operations", 7], ["Director of IT", 6], ["Head of Marketing", 5], ["VP Engineering", 4],
  ["VP Sales", 3], ["Chief Technology Officer", 2], ["Chief Financial Officer", 1],
];
const COMPANY_PREFIXES = [
  "Acme", "Apex", "Blue", "Bright", "Cedar", "Clear", "Coastal", "Copper", "Crest", "Delta", "Eagle", "Echo", "Ever",
  "Falcon", "First", "Forge", "Global", "Golden", "Granite", "Green", "Harbor", "High", "Horizon", "Iron", "Keystone",
  "Lake", "Liberty", "Lumen", "Maple", "Meridian", "Metro", "North", "Nova", "Oak", "Ocean", "Orbit", "Peak", "Pine",
  "Pioneer", "Prime", "Quantum", "Red", "River", "Rock", "Sage", "Silver", "Sky", "Solar", "Spring", "Star", "Stone",
  "Summit", "Sun", "Terra", "True", "Union", "Valley", "Vertex", "West", "Zenith",
];
const COMPANY_CORES = [
  "Analytics", "Bio", "Cloud", "Data", "Dynamics", "Energy", "Engineering", "Finance", "Foods", "Freight", "Health",
  "Industries", "Insights", "Labs", "Logic", "Logistics", "Machines", "Media", "Medical", "Metrics", "Mobility",
  "Networks", "Optics", "Partners", "Pharma", "Power", "Robotics", "Security", "Software", "Solutions", "Supply",
  "Systems", "Tech", "Telecom", "Textiles", "Tools", "Travel", "Ventures", "Vision", "Works", "Retail", "Capital",
  "Consulting", "Devices", "Digital", "Estates", "Farms", "Fleet", "Games", "Grid", "Homes", "Learning", "Legal",
  "Materials", "Motors", "Packaging", "Print", "Studio", "Water", "Wireless",
];
const COMPANY_SUFFIXES = [
  "Inc", "LLC", "Ltd", "GmbH", "AG", "SA", "BV", "AB", "Oy", "Group", "Holdings", "Co", "Corp", "Partners", "International",
  "Worldwide", "Global", "Europe", "America", "Pacific", "Nordic", "UK", "Labs", "Collective", "Company", "Enterprises",
  "Services", "Associates", "Brothers", "& Sons",
];
const CHANNELS = ["WEBINAR", "EVENT", "CONTENT", "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "PARTNER"] as const;
const channelOf = (campaign: string) => `(${textArray(CHANNELS)})[${pick(campaign, 90, CHANNELS.length)}]`;
const STALE_REASONS = ["No engagement after the nurture sequence", "Not a fit: student or job seeker", "Competitor research", "Bounced email"];
const RECYCLE_REASONS = ["No timeline", "No budget", "No need", "No authority"];
const LOST_REASONS: readonly (readonly [string, number])[] = [["Lost to competitor", 40], ["No decision", 30], ["Price", 20], ["Timing", 10]];
const REJECTION_NOTES = [
  "Spoke to them: not now.",
  "Checked with the account team.",
  "See the call notes.",
  "They asked us to come back next quarter.",
  "Wrong contact for this.",
];
/** How often reps choose each agreed reason (by code); the labels and outcomes come from the default definition. */
const REJECTION_WEIGHTS: Record<string, number> = {
  not_icp: 14,
  no_budget: 16,
  no_authority: 12,
  no_need: 12,
  no_timeline: 18,
  bad_contact_data: 10,
  duplicate: 7,
  spam: 4,
  already_customer: 7,
};

export interface GenerationStep {
  name: string;
  sql: string;
  params?: unknown[];
}

/** The statements that fill an empty, migrated database, in order. Run them on one connection (temp tables). */
export function generationSteps(leadCount = LEAD_COUNT): GenerationStep[] {
  const reasons = DEFAULT_RULES.rejectionReasons;
  const reasonChoices = reasons.map((reason, index) => [String(index + 1), REJECTION_WEIGHTS[reason.code] ?? 5] as const);
  const reasonFor = (key: string) => weighted(r(key, 23), reasonChoices);
  const toNurture = reasons.flatMap((reason, index) => (reason.outcome === "NURTURE" ? [index + 1] : []));
  const span = HISTORY_DAYS * 86_400;
  const campaignStep = ((HISTORY_DAYS + CAMPAIGN_LEAD_DAYS) * 86_400) / CAMPAIGN_COUNT;
  const campaignStart = `(${START_SQL} - interval '${CAMPAIGN_LEAD_DAYS} days')`;

  return [
    {
      name: "users",
      sql: `
        INSERT INTO "User" (id, email, name, "passwordHash", role, active, version, "createdAt", "updatedAt")
        SELECT ${id("bench_user_", "u", 3)}, lower(p.first || '.' || p.last || '.' || u || '@bench.tandem.test'), p.first || ' ' || p.last,
               '!benchmark: no sign-in', p.role::"Role", true, 1, ${START_SQL} - interval '60 days', ${START_SQL} - interval '60 days'
        FROM generate_series(1, 200) AS u
        CROSS JOIN LATERAL (SELECT (${textArray(FIRST_NAMES)})[${pick("u", 101, FIRST_NAMES.length)}] AS first,
                                   replace((${textArray(LAST_NAMES)})[${pick("u", 102, LAST_NAMES.length)}], '''', '') AS last,
                                   CASE WHEN u = 1 THEN 'CRO' WHEN u <= 3 THEN 'ADMIN' WHEN u <= 11 THEN 'SALES_MANAGER'
                                        WHEN u <= ${11 + REPS} THEN 'SALES_REP' WHEN u <= 79 THEN 'MARKETING_MANAGER' ELSE 'MARKETER' END AS role) p
        ORDER BY u`,
    },
    {
      name: "lead definition",
      sql: `
        INSERT INTO "LeadDefinition" (id, version, status, rules, "createdById", "createdAt", "updatedAt", "proposedAt", "proposedById",
                                      "activatedAt", "activatedVia", "activatedById", revision)
        VALUES ('bench_definition_v1', 1, 'ACTIVE', $1::jsonb, 'bench_user_072', ${START_SQL} - interval '12 days', ${START_SQL} - interval '6 days',
                ${START_SQL} - interval '10 days', 'bench_user_072', ${START_SQL} - interval '6 days', 'SIGNATURES', 'bench_user_004', 1);
        `,
      params: [JSON.stringify(DEFAULT_RULES)],
    },
    {
      name: "signatures",
      sql: `
        INSERT INTO "DefinitionSignature" (id, "definitionId", side, "userId", "signedAt")
        VALUES ('bench_signature_marketing', 'bench_definition_v1', 'MARKETING', 'bench_user_072', ${START_SQL} - interval '10 days'),
               ('bench_signature_sales', 'bench_definition_v1', 'SALES', 'bench_user_004', ${START_SQL} - interval '6 days')`,
    },
    {
      name: `${COMPANY_COUNT.toLocaleString("en")} companies`,
      // A bijection of the row number onto prefix × core × suffix (60 × 60 × 30 = 108,000) keeps names unique.
      sql: `
        INSERT INTO "Company" (id, name, "normalizedName", size, industry, country, "createdAt", "updatedAt")
        SELECT ${id("bench_company_", "c", 6)}, x.name, lower(x.name),
               CASE WHEN ${r("c", 111)} < 0.15 THEN NULL ELSE round(exp(1.5 + 8.5 * ${r("c", 112)}))::int END,
               CASE WHEN ${r("c", 113)} < 0.10 THEN NULL ELSE (${textArray(INDUSTRIES)})[${pick("c", 114, INDUSTRIES.length)}] END,
               CASE WHEN ${r("c", 115)} < 0.08 THEN NULL ELSE (${textArray(COUNTRY_CODES)})[${pick("c", 116, COUNTRY_CODES.length)}] END,
               ${START_SQL} - interval '30 days', ${START_SQL} - interval '30 days'
        FROM generate_series(1, ${COMPANY_COUNT}) AS c
        CROSS JOIN LATERAL (SELECT ((c - 1)::int8 * 7919) % 108000 AS slot) s
        CROSS JOIN LATERAL (SELECT (${textArray(COMPANY_PREFIXES)})[1 + s.slot % 60] || (${textArray(COMPANY_CORES)})[1 + (s.slot / 60) % 60]
                                   || ' ' || (${textArray(COMPANY_SUFFIXES)})[1 + s.slot / 3600] AS name) x
        ORDER BY c`,
    },
    {
      name: `${CAMPAIGN_COUNT} campaigns`,
      sql: `
        INSERT INTO "Campaign" (id, name, channel, "startsAt", "endsAt", budget, "ownerId", "createdAt", "updatedAt")
        SELECT ${id("bench_campaign_", "k", 3)}, initcap(replace(x.channel, '_', ' ')) || ' ' || to_char(x.starts, 'Mon YYYY') || ' #' || k,
               x.channel::"CampaignChannel", x.starts, x.starts + ${days(`30 + 60 * ${r("k", 121)}`)},
               round(2000 + 48000 * ${r("k", 122)}), ${userId(marketerUser(pick("k", 123, MARKETERS)))}, x.starts - interval '14 days', x.starts - interval '14 days'
        FROM generate_series(1, ${CAMPAIGN_COUNT}) AS k
        CROSS JOIN LATERAL (SELECT ${channelOf("k")} AS channel, date_trunc('milliseconds', ${campaignStart} + (k - 1) * interval '${campaignStep} seconds') AS starts) x
        ORDER BY k`,
    },
    {
      name: "plan: rejection reasons (table)",
      sql: `CREATE TEMP TABLE breason (idx int, code text, label text, outcome text)`,
    },
    {
      name: "plan: rejection reasons",
      sql: `INSERT INTO breason SELECT * FROM jsonb_to_recordset($1::jsonb) AS j(idx int, code text, label text, outcome text)`,
      params: [JSON.stringify(reasons.map((reason, index) => ({ idx: index + 1, code: reason.code, label: reason.label, outcome: reason.outcome })))],
    },
    {
      name: "plan: leads",
      // One row per lead: when and how it came, who logged it, and its first moves.
      sql: `
        CREATE TEMP TABLE bl AS
        SELECT n, t.created_at, o.sales, c.campaign,
               (CASE WHEN o.sales THEN ${weighted(r("n", 4), [["REFERRAL", 45], ["OUTBOUND", 55]])}
                     WHEN c.campaign IS NOT NULL THEN ${channelOf("c.campaign")}
                     ELSE ${weighted(r("n", 5), [["WEBSITE", 45], ["PAID_SEARCH", 25], ["CONTENT", 12], ["PAID_SOCIAL", 10], ["EMAIL", 8]])} END)::"LeadSource" AS source,
               ${pick("n", 7, COMPANY_COUNT)} AS company,
               CASE WHEN o.sales THEN ${repUser(pick("n", 6, REPS))} ELSE ${marketerUser(pick("n", 6, MARKETERS))} END AS creator,
               q.qualifies,
               CASE WHEN q.qualifies THEN ${upTo(`t.created_at + ${days(`0.01 + 25 * power(${r("n", 11)}, 3)`)}`)} END AS mql_at,
               CASE WHEN NOT o.sales AND NOT q.qualifies AND ${r("n", 12)} < 0.9 THEN ${upTo(`t.created_at + ${days(`15 + 75 * ${r("n", 13)}`)}`)} END AS disq_at,
               CASE WHEN o.sales THEN ${upTo(`t.created_at + ${hours(`0.1 + 47 * ${r("n", 14)}`)}`)} END AS sal_at,
               CASE WHEN q.qualifies OR o.sales THEN 74 + ${pick("n", 15, 26)} ELSE ${pick("n", 15, 75)} - 1 END AS score
        FROM generate_series(1, ${leadCount}) AS n
        CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', ${START_SQL} + ((n - 1 + ${r("n", 1)}) * ${span / leadCount}) * interval '1 second') AS created_at) t
        CROSS JOIN LATERAL (SELECT ${r("n", 2)} < 0.14 AS sales, ${r("n", 2)} < 0.64 AS campaign_draw) o
        CROSS JOIN LATERAL (SELECT CASE WHEN NOT o.sales AND o.campaign_draw
                                   THEN greatest(1, least(${CAMPAIGN_COUNT}, floor(extract(epoch FROM t.created_at - ${campaignStart}) / ${campaignStep})::int + 1 - (${pick("n", 3, 12)} - 1))) END AS campaign) c
        CROSS JOIN LATERAL (SELECT NOT o.sales AND ${r("n", 10)} < 0.25 AS qualifies) q`,
    },
    {
      name: "plan: handover cycles",
      sql: `
        CREATE TEMP TABLE bc (n int, round int, direct boolean, start_at timestamp, owner_in int, rep int, responded_at timestamp, accepted boolean,
                              reason int, first_touch_at timestamp, disputed_at timestamp, resolved_at timestamp, sal_at timestamp, sql_at timestamp,
                              opp_at timestamp, amount numeric, close_date timestamp, closed_at timestamp, won boolean, nurture_at timestamp,
                              stall_from "Stage", end_disq_at timestamp, next_mql_at timestamp, owner_out int)`,
    },
    ...Array.from({ length: MAX_ROUNDS }, (_, index) => {
      const round = index + 1;
      const source =
        round === 1
          ? `SELECT n, 1 AS round, true AS direct, sal_at AS start_at, creator AS owner_in FROM bl WHERE sal_at IS NOT NULL
             UNION ALL SELECT n, 1, false, mql_at, NULL::int FROM bl WHERE mql_at IS NOT NULL`
          : `SELECT n, ${round} AS round, false AS direct, next_mql_at AS start_at, owner_out AS owner_in FROM bc WHERE round = ${round - 1} AND next_mql_at IS NOT NULL`;
      return { name: `plan: cycle ${round}`, sql: cycleSql(source, round, reasonFor, toNurture) };
    }),
    {
      name: "plan: stage changes",
      sql: `
        CREATE TEMP TABLE bsc (n int, at timestamp(3), from_stage "Stage", to_stage "Stage", actor int, reason text, rep int);
        INSERT INTO bsc SELECT n, created_at, NULL, 'INQUIRY', creator, 'Logged', CASE WHEN sales THEN creator END FROM bl;
        INSERT INTO bsc SELECT n, disq_at, 'INQUIRY', 'DISQUALIFIED', creator, (${textArray(STALE_REASONS)})[${pick("n", 16, STALE_REASONS.length)}], NULL
          FROM bl WHERE disq_at IS NOT NULL;
        INSERT INTO bsc SELECT c.n, c.start_at, CASE WHEN c.round = 1 THEN 'INQUIRY' ELSE 'NURTURE' END::"Stage", 'MQL',
                               CASE WHEN c.round = 1 THEN NULL ELSE ${marketerUser(pick("c.n * 8 + c.round", 60, MARKETERS))} END,
                               'Met lead definition v1 with ' || l.score || ' points', c.owner_in
          FROM bc c JOIN bl l USING (n) WHERE NOT c.direct;
        INSERT INTO bsc SELECT n, sal_at, CASE WHEN direct THEN 'INQUIRY' ELSE 'MQL' END::"Stage", 'SAL', rep,
                               CASE WHEN direct THEN NULL ELSE 'Accepted the handover' END, rep
          FROM bc WHERE sal_at IS NOT NULL;
        INSERT INTO bsc SELECT c.n, c.responded_at, 'MQL', x.outcome::"Stage", c.rep,
                               'Rejected: ' || x.label || '. ' || (${textArray(REJECTION_NOTES)})[${pick("c.n * 8 + c.round", 24, REJECTION_NOTES.length)}], c.owner_in
          FROM bc c JOIN breason x ON x.idx = c.reason
          WHERE c.accepted = false;
        INSERT INTO bsc SELECT n, sql_at, 'SAL', 'SQL', rep, NULL, rep FROM bc WHERE sql_at IS NOT NULL;
        INSERT INTO bsc SELECT n, opp_at, 'SQL', 'OPPORTUNITY', rep, NULL, rep FROM bc WHERE opp_at IS NOT NULL;
        INSERT INTO bsc SELECT n, closed_at, 'OPPORTUNITY', CASE WHEN won THEN 'WON' ELSE 'LOST' END::"Stage", rep,
                               CASE WHEN won THEN NULL ELSE ${weighted(r("n * 8 + round", 50), LOST_REASONS)} END, rep
          FROM bc WHERE closed_at IS NOT NULL;
        INSERT INTO bsc SELECT n, nurture_at, stall_from, 'NURTURE', rep, (${textArray(RECYCLE_REASONS)})[${pick("n * 8 + round", 51, RECYCLE_REASONS.length)}], owner_out
          FROM bc WHERE stall_from IS NOT NULL AND nurture_at IS NOT NULL;
        INSERT INTO bsc SELECT n, end_disq_at, 'NURTURE', 'DISQUALIFIED', ${marketerUser(pick("n * 8 + round", 61, MARKETERS))},
                               (${textArray(STALE_REASONS)})[${pick("n * 8 + round", 62, STALE_REASONS.length)}], owner_out
          FROM bc WHERE end_disq_at IS NOT NULL;`,
    },
    {
      name: `${leadCount.toLocaleString("en")} leads`,
      sql: `
        CREATE TEMP TABLE blast AS
          SELECT DISTINCT ON (n) n, to_stage AS stage, at, count(*) OVER (PARTITION BY n) AS changes FROM bsc ORDER BY n, at DESC;
        CREATE TEMP TABLE bown AS
          SELECT DISTINCT ON (n) n, owner_out, NOT direct AS qualified, CASE WHEN opp_at IS NOT NULL THEN amount END AS amount,
                 CASE WHEN opp_at IS NOT NULL THEN close_date END AS close_date
          FROM bc ORDER BY n, round DESC;
        INSERT INTO "Lead" (id, name, email, title, "companyId", source, "campaignId", stage, "stageChangedAt", score, "qualifiedVersion",
                            "ownerId", "createdById", amount, "expectedCloseDate", version, "createdAt", "updatedAt")
        SELECT ${leadId("l.n")}, p.first || ' ' || p.last,
               lower(replace(p.first || '.' || p.last, '''', '')) || '.' || l.n || '@' || lower(regexp_replace(co.name, '[^A-Za-z]+', '', 'g')) || '.example',
               CASE WHEN NOT l.sales AND ${r("l.n", 17)} < 0.1 THEN NULL ELSE ${weighted(r("l.n", 18), TITLES)} END,
               co.id, l.source, CASE WHEN l.campaign IS NOT NULL THEN ${id("bench_campaign_", "l.campaign", 3)} END,
               f.stage, f.at, l.score, CASE WHEN o.qualified THEN 1 END,
               ${userId("coalesce(o.owner_out, l.creator)")}, ${userId("l.creator")}, o.amount, o.close_date, f.changes::int, l.created_at, f.at
        FROM bl l
        JOIN blast f USING (n)
        JOIN "Company" co ON co.id = ${id("bench_company_", "l.company", 6)}
        LEFT JOIN bown o USING (n)
        CROSS JOIN LATERAL (SELECT (${textArray(FIRST_NAMES)})[${pick("l.n", 19, FIRST_NAMES.length)}] AS first,
                                   (${textArray(LAST_NAMES)})[${pick("l.n", 20, LAST_NAMES.length)}] AS last) p
        ORDER BY l.n`,
    },
    {
      name: "stage changes",
      // In the order the app would have written them (by time), with ids that follow that order.
      sql: `
        INSERT INTO "StageChange" (id, "leadId", "fromStage", "toStage", at, "actorId", reason, "repId")
        SELECT ${id("bench_change_", "row_number() OVER (ORDER BY at, n, to_stage)", 8)}, ${leadId("n")}, from_stage, to_stage, at,
               ${userId("actor")}, reason, ${userId("rep")}
        FROM bsc ORDER BY at, n, to_stage`,
    },
    {
      name: "handovers",
      sql: `
        INSERT INTO "Handover" (id, "leadId", "fromUserId", "toUserId", "definitionVersion", "createdAt", "dueAt", "firstTouchHours", "firstTouchAt",
                                status, "respondedAt", "reasonCode", "reasonLabel", note, "disputedAt", "disputedById", "disputeNote",
                                resolution, "resolvedAt", "resolvedById")
        SELECT ${id("bench_handover_", "row_number() OVER (ORDER BY c.start_at, c.n)", 7)}, ${leadId("c.n")}, ${userId("coalesce(c.owner_in, l.creator)")},
               ${userId("c.rep")}, 1, c.start_at, c.start_at + interval '${DEFAULT_RULES.sla.acceptHours} hours', ${DEFAULT_RULES.sla.firstTouchHours},
               c.first_touch_at,
               (CASE WHEN c.accepted IS NULL THEN 'PENDING' WHEN c.accepted THEN 'ACCEPTED'
                     WHEN c.disputed_at IS NOT NULL AND c.resolved_at IS NULL THEN 'DISPUTED' ELSE 'REJECTED' END)::"HandoverStatus",
               c.responded_at, x.code, x.label,
               CASE WHEN c.accepted = false THEN (${textArray(REJECTION_NOTES)})[${pick("c.n * 8 + c.round", 24, REJECTION_NOTES.length)}] END,
               c.disputed_at, CASE WHEN c.disputed_at IS NOT NULL THEN ${userId("l.creator")} END,
               CASE WHEN c.disputed_at IS NOT NULL THEN 'They attended two webinars this month: please call them.' END,
               CASE WHEN c.resolved_at IS NOT NULL THEN 'UPHELD' END, c.resolved_at,
               CASE WHEN c.resolved_at IS NOT NULL THEN ${userId(`3 + ${pick("c.n", 63, 8)}`)} END
        FROM bc c JOIN bl l USING (n)
        LEFT JOIN breason x ON x.idx = c.reason AND c.accepted = false
        WHERE NOT c.direct
        ORDER BY c.start_at, c.n`,
    },
  ];
}

/**
 * One handover cycle per row of `source` (n, round, direct, start_at, owner_in): the handover and its answer (or, for a
 * sales-sourced lead's first cycle, the rep's own acceptance), then the sales stages, the return to nurture, and what
 * follows it (another qualification next round, or marketing disqualifying the lead).
 */
function cycleSql(source: string, round: number, reasonFor: (key: string) => string, toNurture: readonly number[]): string {
  const key = "s.n * 8 + s.round";
  return `
    INSERT INTO bc
    SELECT s.n, s.round, s.direct, s.start_at, s.owner_in, h.rep, h.responded_at,
           CASE WHEN h.responded_at IS NOT NULL THEN h.accept_draw END, h.reason,
           CASE WHEN h.responded_at IS NOT NULL AND h.accept_draw THEN ${upTo(`h.responded_at + ${hours(`0.2 + 70 * power(${r(key, 25)}, 2)`)}`)} END,
           d.disputed_at, CASE WHEN d.disputed_at IS NOT NULL THEN ${upTo(`d.disputed_at + ${days(`1 + 3 * ${r(key, 27)}`)}`)} END,
           a.sal_at, b.sql_at, c.opp_at, c.amount, c.close_date, e.closed_at, e.won, g.nurture_at, g.stall_from,
           CASE WHEN g.nurture_at IS NOT NULL AND NOT g.again AND ${r(key, 45)} < 0.4 THEN ${upTo(`g.nurture_at + ${days(`30 + 150 * ${r(key, 46)}`)}`)} END,
           CASE WHEN g.nurture_at IS NOT NULL AND g.again THEN ${upTo(`g.nurture_at + ${days(`20 + 130 * ${r(key, 47)}`)}`)} END,
           CASE WHEN a.sal_at IS NOT NULL THEN h.rep ELSE s.owner_in END
    FROM (${source}) s
    CROSS JOIN LATERAL (SELECT ${key} AS key) k
    CROSS JOIN LATERAL (
      SELECT CASE WHEN s.direct THEN s.owner_in ELSE ${repUser(pick("k.key", 20, REPS))} END AS rep,
             CASE WHEN s.direct THEN NULL ELSE ${upTo(`s.start_at + ${hours(`0.2 + 40 * power(${r("k.key", 21)}, 2)`)}`)} END AS responded_at,
             ${r("k.key", 22)} < 0.5 AS accept_draw,
             ${reasonFor("k.key")}::int AS reason) h
    CROSS JOIN LATERAL (
      SELECT CASE WHEN h.responded_at IS NOT NULL AND NOT h.accept_draw AND ${r("k.key", 26)} < 0.08
                  THEN ${upTo(`h.responded_at + ${hours(`2 + 46 * ${r("k.key", 28)}`)}`)} END AS disputed_at) d
    CROSS JOIN LATERAL (
      SELECT CASE WHEN s.direct THEN s.start_at WHEN h.responded_at IS NOT NULL AND h.accept_draw THEN h.responded_at END AS sal_at,
             ${r("k.key", 30)} < 0.5 AS sql_draw, ${r("k.key", 32)} < 0.7 AS opp_draw) a
    CROSS JOIN LATERAL (
      SELECT CASE WHEN a.sal_at IS NOT NULL AND a.sql_draw THEN ${upTo(`a.sal_at + ${days(`2 + 19 * ${r("k.key", 31)}`)}`)} END AS sql_at) b
    CROSS JOIN LATERAL (
      SELECT x.opp_at, CASE WHEN x.opp_at IS NOT NULL THEN round((5000 + 145000 * power(${r("k.key", 34)}, 2)) / 100) * 100 END AS amount,
             CASE WHEN x.opp_at IS NOT NULL THEN date_trunc('day', x.opp_at + ${days(`30 + 90 * ${r("k.key", 35)}`)}) END AS close_date
      FROM (SELECT CASE WHEN b.sql_at IS NOT NULL AND a.opp_draw THEN ${upTo(`b.sql_at + ${days(`3 + 27 * ${r("k.key", 33)}`)}`)} END AS opp_at) x) c
    CROSS JOIN LATERAL (
      SELECT ${upTo(`greatest(c.opp_at + interval '7 days', c.close_date + ${days(`-15 + 45 * ${r("k.key", 36)}`)} + ${hours(`9 + 8 * ${r("k.key", 37)}`)})`)} AS closed_at,
             ${r("k.key", 38)} < 0.27 AS won) e
    CROSS JOIN LATERAL (
      SELECT y.*, ${round < MAX_ROUNDS ? `${r("k.key", 44)} < 0.7` : "false"} AS again
      FROM (SELECT CASE
                     WHEN h.responded_at IS NOT NULL AND NOT h.accept_draw
                       THEN CASE WHEN h.reason IN (${toNurture.join(", ")}) THEN h.responded_at END
                     WHEN a.sal_at IS NOT NULL AND NOT a.sql_draw AND ${r("k.key", 40)} < 0.8 THEN ${upTo(`a.sal_at + ${days(`14 + 46 * ${r("k.key", 41)}`)}`)}
                     WHEN b.sql_at IS NOT NULL AND NOT a.opp_draw AND ${r("k.key", 42)} < 0.7 THEN ${upTo(`b.sql_at + ${days(`14 + 31 * ${r("k.key", 43)}`)}`)}
                   END AS nurture_at,
                   CASE WHEN h.responded_at IS NOT NULL AND NOT h.accept_draw THEN NULL
                        WHEN a.sal_at IS NOT NULL AND NOT a.sql_draw THEN 'SAL'
                        WHEN b.sql_at IS NOT NULL AND NOT a.opp_draw THEN 'SQL' END::"Stage" AS stall_from) y) g`;
}
