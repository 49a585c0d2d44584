import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/navigation";

// Home is the first section the role may use.
export default async function HomePage() {
  const user = await requireUser();
  redirect(navigationFor(user.role)[0]?.href ?? "/forbidden");
}
