// The one place that reads the environment. Everything else imports validated values from here.
// Parsed lazily, so that `next build` can load modules without a database configured.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  // `npm run bench` only: a database of its own to fill with a million leads (else an embedded one in <data>/bench).
  BENCH_DATABASE_URL: z.url({ error: "BENCH_DATABASE_URL must be a postgresql:// URL" }).optional(),
  AUTH_SECRET: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Web server processes for `npm start` in production; unset: one per CPU core.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  TANDEM_DATA_DIR: z.string().min(1).default(".data"),
  TANDEM_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  TANDEM_SKIP_SEED: z.stringbool().default(false),
  // Cost factor for password hashes; tests lower it to keep sign-ups fast.
  TANDEM_BCRYPT_ROUNDS: z.coerce.number().int().min(4).max(15).default(12),
  // Proxies in front of Tandem that append to X-Forwarded-For (a load balancer: 1). Sign-in throttling counts the
  // address that many entries from the end of the chain; the entries before are the client's own claims.
  TANDEM_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  CHROMIUM_PATH: z.string().optional(),
  // Intake API: requests each key may make per window (of INTAKE_RATE_WINDOW_SECONDS); the benchmark raises it.
  INTAKE_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
  INTAKE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Public web forms: submissions each client address may make (to all forms together) per window of
  // WEBFORM_RATE_WINDOW_SECONDS. A person sends a form once; an office behind one address sends a few.
  WEBFORM_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(20),
  WEBFORM_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  CI: z.stringbool().default(false),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

/** A secret an attacker cannot guess: long, and not a repeated or placeholder string. */
export function isStrongSecret(secret: string | undefined): secret is string {
  if (!secret || secret.length < 32) return false;
  if (/change[-_ ]?me|secret|example|placeholder/i.test(secret)) return false;
  return new Set(secret).size >= 12;
}

let cached: (Env & { DATABASE_URL: string; AUTH_SECRET: string }) | undefined;

/** The environment the running app needs: a database and a strong signing secret. */
export function serverEnv(): Env & { DATABASE_URL: string; AUTH_SECRET: string } {
  if (cached) return cached;
  const env = readEnv();
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set. Start Tandem with `npm start`, which provides one.");
  if (!isStrongSecret(secret)) {
    throw new Error("AUTH_SECRET is missing or weak: set at least 32 random characters (e.g. `openssl rand -base64 32`).");
  }
  cached = { ...env, DATABASE_URL: env.DATABASE_URL, AUTH_SECRET: secret };
  return cached;
}
