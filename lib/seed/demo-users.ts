// The demo workspace's sign-ins: one person per role, all sharing one password, so that anyone trying Tandem can see
// it through each team's eyes. These accounts exist only in demo data; a real workspace creates its own users.
import type { Role } from "../db/enums";

export const DEMO_PASSWORD = "tandem-demo-2026";

export interface DemoSignIn {
  role: Role;
  email: string;
  name: string;
}

export const DEMO_SIGN_INS: readonly DemoSignIn[] = [
  { role: "SALES_REP", email: "rep@tandem.test", name: "Sam Rivera" },
  { role: "SALES_MANAGER", email: "sales.manager@tandem.test", name: "Morgan Blake" },
  { role: "MARKETER", email: "marketer@tandem.test", name: "Alex Chen" },
  { role: "MARKETING_MANAGER", email: "marketing.manager@tandem.test", name: "Jordan Patel" },
  { role: "CRO", email: "cro@tandem.test", name: "Taylor Brooks" },
  { role: "ADMIN", email: "admin@tandem.test", name: "Casey Nguyen" },
];
