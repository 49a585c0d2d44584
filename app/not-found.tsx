import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16">
      <EmptyState
        title="Not found"
        description="It may have been removed, or the link is wrong."
        action={
          <Link href="/" className="text-brand hover:underline">
            Go to Tandem
          </Link>
        }
      />
    </div>
  );
}
