// The intake API under load, against the production server: the single-lead endpoint driven by autocannon (a real
// HTTP load tool, many connections, a unique email per request), and the batch endpoint with batches of 1,000.
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { COUNTRY_CODES, INDUSTRIES } from "../../lib/leads/catalog";
import { summarise } from "./measure";
import { startIntakeWorld } from "./intake-setup";

export const SINGLE_TARGET_PER_SECOND = 500;
export const BATCH_TARGET_PER_SECOND = 5000;

export interface IntakeResult {
  operation: string;
  unit: "requests/s" | "leads/s";
  rate: number;
  /** null for the reference figure (the server's health route), which has no target. */
  target: number | null;
  met: boolean | null;
  requests: number;
  leads: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  detail: string;
}

const TITLES = ["Head of Operations", "VP Sales", "Marketing Manager", "Chief Financial Officer", "Analyst", "Director of IT", "Intern"];
const SOURCES = ["WEBSITE", "CONTENT", "WEBINAR", "EVENT", "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "PARTNER"];

/**
 * A plausible lead, different for every n. One in four fits the default definition (and is handed to a rep), as
 * about a quarter of marketing's inquiries do in the demo and benchmark data; the rest stay inquiries.
 */
export function benchLead(run: string, n: number) {
  const fits = n % 4 === 0;
  return {
    name: `Bench Lead ${n}`,
    email: `lead.${run}.${n}@bench.test`,
    title: fits ? "VP Sales" : TITLES[n % TITLES.length],
    company: `Bench Company ${n % 5000}`,
    companySize: fits ? 250 + (n % 1000) : 5 + (n % 40),
    industry: fits ? "Software" : INDUSTRIES[n % INDUSTRIES.length],
    country: fits ? "US" : COUNTRY_CODES[(n * 7) % COUNTRY_CODES.length],
    source: fits ? "WEBINAR" : SOURCES[n % SOURCES.length],
  };
}

/**
 * autocannon on `POST /api/v1/leads` for `duration` seconds: every request a new lead (benchLead), numbered on from
 * one call to the next so that no email repeats.
 */
export function singleLeadLoad(world: { baseUrl: string; apiKey: string }, connections: number) {
  const run = Date.now().toString(36);
  let sequence = 0;
  return (duration: number) =>
    autocannon({
      url: `${world.baseUrl}/api/v1/leads`,
      method: "POST",
      headers: { authorization: `Bearer ${world.apiKey}`, "content-type": "application/json" },
      connections,
      duration,
      requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(benchLead(run, sequence++)) }) }],
    });
}

export async function benchIntake(folder: string, options: { seconds: number; connections: number; batches: number; log: (line: string) => void }): Promise<IntakeResult[]> {
  const { log } = options;
  const world = await startIntakeWorld(folder, log);
  try {
    const headers = { authorization: `Bearer ${world.apiKey}`, "content-type": "application/json" };
    const run = Date.now().toString(36);
    const single = singleLeadLoad(world, options.connections);
    log(`Intake API: warming up (3 s)…`);
    await single(3);
    // What this server answers per second on this machine at all: a route that does one `SELECT 1`.
    const health = await autocannon({ url: `${world.baseUrl}/api/health`, connections: options.connections, duration: 5 });
    const reference: IntakeResult = {
      operation: "GET /api/health (reference: one SELECT 1, no key)",
      unit: "requests/s",
      rate: health.requests.average,
      target: null,
      met: null,
      requests: health.requests.total,
      leads: 0,
      seconds: health.duration,
      p50Ms: health.latency.p50,
      p99Ms: health.latency.p99,
      errors: health.errors + health.timeouts,
      non2xx: health.non2xx,
      detail: `${options.connections} connections, 5 s`,
    };
    log(`Intake API: reference (health route): ${reference.rate.toFixed(0)} requests/s, p50 ${reference.p50Ms} ms.`);
    log(`Intake API: single lead, ${options.connections} connections for ${options.seconds} s…`);
    const measured = await single(options.seconds);
    const singleResult: IntakeResult = {
      operation: "POST /api/v1/leads (one lead per request, autocannon)",
      unit: "requests/s",
      rate: measured.requests.average,
      target: SINGLE_TARGET_PER_SECOND,
      met: measured.requests.average >= SINGLE_TARGET_PER_SECOND && measured.errors === 0 && measured.non2xx === 0,
      requests: measured.requests.total,
      leads: measured["2xx"],
      seconds: measured.duration,
      p50Ms: measured.latency.p50,
      p99Ms: measured.latency.p99,
      errors: measured.errors + measured.timeouts,
      non2xx: measured.non2xx,
      detail: `${options.connections} connections, ${measured.requests.total.toLocaleString("en")} requests`,
    };

    log(`Intake API: single lead: ${singleResult.rate.toFixed(0)} requests/s, p50 ${singleResult.p50Ms} ms, p99 ${singleResult.p99Ms} ms, ${singleResult.errors + singleResult.non2xx} errors.`);
    log(`Intake API: ${options.batches} batches of 1,000 leads, two at a time…`);
    const batchRun = `${run}b`;
    const samples: number[] = [];
    let failures = 0;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (let batch = next++; batch < options.batches; batch = next++) {
        const leads = Array.from({ length: 1000 }, (_, index) => benchLead(batchRun, batch * 1000 + index));
        const start = performance.now();
        const response = await fetch(`${world.baseUrl}/api/v1/leads/batch`, { method: "POST", headers, body: JSON.stringify({ leads }) });
        const body = (await response.json()) as { summary?: { created: number } };
        samples.push(performance.now() - start);
        if (response.status !== 200 || body.summary?.created !== 1000) failures += 1;
      }
    };
    await Promise.all([worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    const timing = summarise(samples);
    const p99 = [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.99 * samples.length) - 1)]!;
    const leadsPerSecond = ((options.batches - failures) * 1000) / seconds;
    const batchResult: IntakeResult = {
      operation: "POST /api/v1/leads/batch (1,000 leads per request)",
      unit: "leads/s",
      rate: leadsPerSecond,
      target: BATCH_TARGET_PER_SECOND,
      met: leadsPerSecond >= BATCH_TARGET_PER_SECOND && failures === 0,
      requests: options.batches,
      leads: (options.batches - failures) * 1000,
      seconds,
      p50Ms: timing.medianMs,
      p99Ms: p99,
      errors: failures,
      non2xx: failures,
      detail: `${options.batches} batches, 2 concurrent`,
    };
    return [reference, singleResult, batchResult];
  } finally {
    await world.stop();
  }
}

const COLUMNS = ["operation", "rate", "target", "met?", "p50 ms", "p99 ms", "errors", "load"] as const;

export function formatIntakeTable(results: readonly IntakeResult[]): string {
  const rows = results.map((result) => [
    result.operation,
    `${result.rate.toFixed(0)} ${result.unit}`,
    result.target === null ? "reference" : `≥ ${result.target} ${result.unit}`,
    result.met === null ? "—" : result.met ? "yes" : "NO",
    result.p50Ms.toFixed(1),
    result.p99Ms.toFixed(1),
    String(result.errors + result.non2xx),
    result.detail,
  ]);
  const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(" | ")} |`;
  return [line(COLUMNS), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
