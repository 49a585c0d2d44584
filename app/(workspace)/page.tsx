import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/navigation";

// Home is the first section the role may use.
export default async function HomePage() {
  const user = await requireUser();
  redirect(homeFor(user.role));
}
