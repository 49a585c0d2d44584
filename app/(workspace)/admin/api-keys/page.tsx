import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listApiKeys } from "@/lib/api-keys/queries";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePermission("apikey:manage");
  const requested = Number((await searchParams).page ?? 1);
  const result = await listApiKeys(Number.isInteger(requested) ? requested : 1);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-sm text-muted">
          Integrations send leads to the intake API with a key. Keys are stored only as a hash: a key is shown once, when it is created.{" "}
          <Link href="/developers" className="font-medium text-brand underline-offset-2 hover:underline">
            How to call the API
          </Link>
        </p>
      </div>
      <ApiKeysTable rows={result.rows} />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(page) => `/admin/api-keys?page=${page}`} />
      <Card>
        <CardHeader>
          <CardTitle>Create a key</CardTitle>
        </CardHeader>
        <CardBody>
          <CreateApiKeyForm />
        </CardBody>
      </Card>
    </div>
  );
}
