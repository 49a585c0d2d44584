"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { UserRow } from "@/lib/users/queries";
import { changeRoleAction, setUserActiveAction } from "@/lib/users/actions";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface Props {
  user: UserRow;
  isSelf: boolean;
  /** The role picker or the activate/deactivate button: they sit in different columns. */
  part: "role" | "activation";
}

export function UserRowActions({ user, isSelf, part }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function run(action: () => ReturnType<typeof setUserActiveAction>) {
    setError(null);
    const result = await action();
    if (!result.ok) setError(result.formError ?? "Nothing was changed.");
    router.refresh();
  }

  const message = error && (
    <p role="alert" className="mt-1 text-xs text-danger">
      {error}
    </p>
  );

  if (part === "role") {
    return (
      <div>
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.name}
        </label>
        <Select
          id={`role-${user.id}`}
          value={user.role}
          disabled={isSelf || pending}
          onChange={(event) => {
            const role = event.currentTarget.value as UserRow["role"];
            startTransition(() => run(() => changeRoleAction({ userId: user.id, version: user.version, role })));
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
        {message}
      </div>
    );
  }

  if (isSelf) return <span className="text-xs text-muted">You</span>;
  return (
    <div>
      {user.active ? (
        <ConfirmDialog
          trigger={<Button variant="secondary" size="sm">Deactivate</Button>}
          title={`Deactivate ${user.name}?`}
          description="They are signed out at once and can no longer sign in. Their leads and history stay as they are; you can reactivate them later."
          confirmLabel="Deactivate"
          tone="danger"
          onConfirm={() => run(() => setUserActiveAction({ userId: user.id, version: user.version, active: false }))}
        />
      ) : (
        <Button
          variant="secondary"
          size="sm"
          pending={pending}
          onClick={() => startTransition(() => run(() => setUserActiveAction({ userId: user.id, version: user.version, active: true })))}
        >
          Reactivate
        </Button>
      )}
      {message}
    </div>
  );
}
