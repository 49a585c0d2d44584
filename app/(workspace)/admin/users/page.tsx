import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/users/queries";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const admin = await requirePermission("user:manage");
  const requested = Number((await searchParams).page ?? 1);
  const result = await listUsers(Number.isInteger(requested) ? requested : 1);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <UsersTable rows={result.rows} currentUserId={admin.id} />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefForPage={(page) => `/admin/users?page=${page}`} />
      <Card>
        <CardHeader>
          <CardTitle>Add a user</CardTitle>
        </CardHeader>
        <CardBody>
          <CreateUserForm />
        </CardBody>
      </Card>
    </div>
  );
}
