"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { TouchKind } from "@/lib/db/enums";
import { logTouchAction } from "@/lib/touches/actions";
import { TOUCH_KIND_LABELS as KIND_LABELS } from "@/lib/leads/catalog";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Label } from "@/components/ui/label";
import { Alert } from "@/components/ui/alert";


export function LogTouchForm({ leadId }: { leadId: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<TouchKind>("CALL");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await logTouchAction({ leadId, kind, note });
      if (!result.ok) {
        setMessage({ tone: "danger", text: result.fieldErrors?.note?.[0] ?? result.formError ?? "The touch was not logged." });
        return;
      }
      setNote("");
      setMessage({ tone: "success", text: result.data.qualified ? "Logged. The lead now qualifies and was handed to a rep." : "Logged." });
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Log a touch">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="flex gap-2">
        <div>
          <Label htmlFor="touch-kind">Kind</Label>
          <Select id="touch-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as TouchKind)}>
            {Object.values(TouchKind).map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex-1">
          <Label htmlFor="touch-note">Note</Label>
          <Textarea id="touch-note" rows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        </div>
      </div>
      <Button type="submit" size="sm" pending={pending}>
        Log touch
      </Button>
    </form>
  );
}
