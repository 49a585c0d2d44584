import type { UserRow } from "@/lib/users/queries";
import { formatDate } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR, TableEmpty } from "@/components/ui/table";
import { UserRowActions } from "./user-row-actions";

export function UsersTable({ rows, currentUserId }: { rows: UserRow[]; currentUserId: string }) {
  return (
    <Table aria-label="Users">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Email</TH>
          <TH>Role</TH>
          <TH>Status</TH>
          <TH>Added</TH>
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={6}>No users yet.</TableEmpty>
        ) : (
          rows.map((user) => (
            <TR key={user.id} data-testid={`user-row-${user.email}`}>
              <TD className="font-medium">{user.name}</TD>
              <TD>{user.email}</TD>
              <TD>
                <UserRowActions user={user} isSelf={user.id === currentUserId} part="role" />
              </TD>
              <TD>{user.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}</TD>
              <TD className="whitespace-nowrap">{formatDate(user.createdAt)}</TD>
              <TD>
                <UserRowActions user={user} isSelf={user.id === currentUserId} part="activation" />
              </TD>
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
