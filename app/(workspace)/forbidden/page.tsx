import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Not available" };

export default function ForbiddenPage() {
  return (
    <EmptyState
      title="This page is not available to your role"
      description="Ask an admin if you think you should have access."
    />
  );
}
