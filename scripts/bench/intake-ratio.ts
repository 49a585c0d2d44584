// The single-lead endpoint against the health route, in alternating rounds on one server, for a busy shared machine:
// what the other work on the machine takes changes from minute to minute, so each round's lead rate is divided by the
// health rate measured just before it, and the median of those ratios is reported with the rates.
//
//   node --import tsx --conditions=react-server scripts/bench/intake-ratio.ts [--rounds=4] [--seconds=5] [--connections=32]
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { singleLeadLoad } from "./intake";
import { startIntakeWorld } from "./intake-setup";

const option = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const rounds = option("rounds", 4);
const seconds = option("seconds", 5);
const connections = option("connections", 32);
const log = (line: string) => console.log(`[ratio] ${line}`);

const world = await startIntakeWorld(path.join(process.cwd(), ".data/bench"), log);
try {
  const leads = singleLeadLoad(world, connections);
  const health = (duration: number) => autocannon({ url: `${world.baseUrl}/api/health`, connections, duration });
  // Requests still queued in the server after a round would slow the next one (they hold the pool's connections):
  // each measurement starts after a pause.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
  await leads(3);
  await settle();
  await health(2);
  const rows: { health: number; leads: number; ratio: number; p50: number; p99: number; errors: number; load: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    await settle();
    const h = await health(seconds);
    await settle();
    const l = await leads(seconds);
    const row = {
      health: h.requests.average,
      leads: l.requests.average,
      ratio: l.requests.average / h.requests.average,
      p50: l.latency.p50,
      p99: l.latency.p99,
      errors: l.errors + l.timeouts + l.non2xx + h.errors + h.timeouts + h.non2xx,
      load: os.loadavg()[0]!,
    };
    rows.push(row);
    log(`round ${round}: health ${row.health.toFixed(0)}/s, leads ${row.leads.toFixed(0)}/s (p50 ${row.p50} ms, p99 ${row.p99} ms), ratio ${row.ratio.toFixed(3)}, errors ${row.errors}, load ${row.load.toFixed(1)}`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  log(
    `median over ${rounds} rounds: health ${median(rows.map((r) => r.health)).toFixed(0)}/s, leads ${median(rows.map((r) => r.leads)).toFixed(0)}/s, ` +
      `ratio ${median(rows.map((r) => r.ratio)).toFixed(3)}, p50 ${median(rows.map((r) => r.p50))} ms, p99 ${median(rows.map((r) => r.p99))} ms, errors ${rows.reduce((sum, r) => sum + r.errors, 0)}`,
  );
} finally {
  await world.stop();
}
