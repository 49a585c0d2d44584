import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { getPulseTrend, listPulseComments } from "@/lib/pulse/queries";
import { QUESTIONS } from "@/lib/pulse/rules";
import { PulseComments } from "@/components/pulse/pulse-comments";
import { PulseTrendPanel } from "@/components/pulse/pulse-trend-panel";

export const metadata: Metadata = { title: "Pulse" };

const MONTHS = 12;

type Search = Promise<Record<string, string | string[] | undefined>>;

function pageParam(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 && value <= 100_000 ? value : 1;
}

/** The reps' monthly pulse, for the CRO and the head of marketing: the trend of both questions and the comments. */
export default async function PulsePage({ searchParams }: { searchParams: Search }) {
  await requirePermission("pulse:read");
  const page = pageParam((await searchParams).page);
  const [trend, comments] = await Promise.all([getPulseTrend(MONTHS), listPulseComments(page)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Pulse</h1>
        <p className="max-w-prose text-sm text-muted">
          Each month every rep answers two questions: “{QUESTIONS.usefulness}” and “{QUESTIONS.support}”, from 1 to 5, with an optional
          comment. Last {MONTHS} months.
        </p>
      </div>
      <PulseTrendPanel trend={trend} months={MONTHS} />
      <section aria-labelledby="pulse-comments-title" className="space-y-3">
        <h2 id="pulse-comments-title" className="text-lg font-semibold">
          Comments
        </h2>
        <PulseComments comments={comments} hrefForPage={(next) => `/pulse?page=${next}`} />
      </section>
    </div>
  );
}
