// The examples the API docs page shows, built from the real limits so they never promise more than the server does.
import { MAX_BATCH } from "./rules";

export function curlExamples(origin: string) {
  const lead = JSON.stringify({ name: "Ada Lovelace", email: "ada@analytical.example", title: "Head of Engineering", company: "Analytical Engines", companySize: 250, industry: "Software", country: "GB", source: "WEBSITE" });
  return {
    single: `curl -X POST ${origin}/api/v1/leads \\
  -H "Authorization: Bearer $TANDEM_API_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $(uuidgen)" \\
  -d '${lead}'`,
    batch: `curl -X POST ${origin}/api/v1/leads/batch \\
  -H "Authorization: Bearer $TANDEM_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"partial": true, "leads": [${lead}]}'`,
    byEmail: `curl "${origin}/api/v1/leads?email=ada@analytical.example" \\
  -H "Authorization: Bearer $TANDEM_API_KEY"`,
    byId: `curl ${origin}/api/v1/leads/<id> \\
  -H "Authorization: Bearer $TANDEM_API_KEY"`,
    maxBatch: MAX_BATCH,
  };
}
