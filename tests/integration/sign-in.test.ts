import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { makeUser, TEST_PASSWORD } from "./support/factories";

type Authorize = (credentials: Record<string, string> | undefined) => Promise<{ id: string } | null>;

function authorize(): Authorize {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

describe("email and password sign-in", () => {
  let active: { id: string; email: string };
  let inactive: { id: string; email: string };

  beforeAll(async () => {
    active = await makeUser("MARKETER", { email: "signin.active@example.test" });
    inactive = await makeUser("MARKETER", { email: "signin.inactive@example.test", active: false });
  });

  it("accepts the right password, however the email is typed", async () => {
    expect(await authorize()({ email: "  SIGNIN.Active@example.test", password: TEST_PASSWORD })).toMatchObject({ id: active.id });
  });

  it("refuses a wrong password, an unknown email and a deactivated account alike", async () => {
    expect(await authorize()({ email: active.email, password: "wrong password" })).toBeNull();
    expect(await authorize()({ email: "nobody@example.test", password: TEST_PASSWORD })).toBeNull();
    expect(await authorize()({ email: inactive.email, password: TEST_PASSWORD })).toBeNull();
    expect(await authorize()(undefined)).toBeNull();
  });
});
