import type { DefinitionView } from "@/lib/agreement/queries";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { DefinitionSummary } from "./definition-summary";
import { Provenance } from "./provenance";
import { DefinitionStatusBadge } from "./status-badge";

/** The version in force, in plain language. */
export function ActiveDefinition({ definition }: { definition: DefinitionView }) {
  return (
    <Card aria-labelledby="active-definition-title">
      <CardHeader>
        <div className="space-y-1">
          <div className="flex items-center gap-2">
            <CardTitle id="active-definition-title">Lead definition v{definition.version}</CardTitle>
            <DefinitionStatusBadge status={definition.status} />
          </div>
          <Provenance definition={definition} />
        </div>
      </CardHeader>
      <CardBody>
        <DefinitionSummary lines={definition.lines} reasons={definition.rules.rejectionReasons} />
      </CardBody>
    </Card>
  );
}
