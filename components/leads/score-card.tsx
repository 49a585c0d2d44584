import type { Evaluation } from "@/lib/agreement/rules";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

interface Props {
  result: { version: number; basis: "active" | "qualified"; evaluation: Evaluation } | null;
}

/** The score the server computed, rule by rule, and a checklist of what the lead still lacks to qualify. */
export function ScoreCard({ result }: Props) {
  if (!result) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Score</CardTitle>
        </CardHeader>
        <CardBody>
          <p className="text-sm text-muted">There is no active lead definition yet, so leads are not scored.</p>
        </CardBody>
      </Card>
    );
  }
  const { evaluation, version, basis } = result;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Score: {evaluation.score}</CardTitle>
        <Badge tone={evaluation.qualifies ? "success" : "neutral"}>
          {basis === "qualified" ? `Qualified under v${version}` : evaluation.qualifies ? `Meets v${version}` : `Does not meet v${version} yet`}
        </Badge>
      </CardHeader>
      <CardBody className="space-y-4">
        <table className="w-full text-sm" aria-label="Score breakdown">
          <thead className="sr-only">
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.breakdown.map((line) => (
              <tr key={line.rule} className="border-b border-border last:border-0">
                <td className="py-1.5">{line.label}</td>
                <td className="py-1.5 text-right tabular-nums">
                  {line.points} <span className="text-muted">/ {line.max}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {basis === "active" && (
          <div>
            <h3 className="text-sm font-medium">{evaluation.qualifies ? "Meets every rule of the definition" : "What it still lacks"}</h3>
            {evaluation.missing.length > 0 && (
              <ul className="mt-2 space-y-1 text-sm" aria-label="What the lead still lacks">
                {evaluation.missing.map((item) => (
                  <li key={item} className="flex gap-2">
                    <span aria-hidden="true" className="text-danger">
                      ✗
                    </span>
                    {item}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
