// next-auth configuration: email + password sign-in with JWT sessions. The JWT only says who signed in; role and
// active flag are re-read from the database on every request (lib/auth/current-user.ts), so a demotion or a
// deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { serverEnv } from "../env";
import { signInSchema } from "./schemas";
import { verifyPassword } from "./passwords";
import { redirectWithinSite } from "./rules";
import { applyDelay, beginSignInAttempt, signInSucceeded } from "./throttle";
import { clientAddress, minutesToWait, TOO_MANY_ATTEMPTS } from "./throttle-rules";

const TWELVE_HOURS = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: TWELVE_HOURS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const forwardedFor = (request?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
          const attempt = await beginSignInAttempt(parsed.data.email, clientAddress(forwardedFor, serverEnv().TANDEM_TRUSTED_PROXY_HOPS));
          if (attempt.decision.kind === "refuse") {
            // Counted for unknown emails exactly as for real ones, so a lock says nothing about who has an account.
            throw new Error(`${TOO_MANY_ATTEMPTS}:${minutesToWait(attempt.decision.retryAfterMs)}`);
          }
          // Slowed before the check, not after a failure: a guesser cannot cut the wait short by giving up early.
          await applyDelay(attempt.decision);
          const user = await db().user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, name: true, email: true, passwordHash: true, active: true },
          });
          const passwordMatches = await verifyPassword(parsed.data.password, user?.passwordHash);
          // One answer for unknown email, wrong password and deactivated account: none reveals which it was.
          if (!user || !passwordMatches || !user.active) return null;
          await signInSucceeded(attempt);
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
    ],
    callbacks: {
      // Where next-auth sends the browser after signing in or out: only somewhere on this site.
      redirect({ url, baseUrl }) {
        return redirectWithinSite(url, baseUrl);
      },
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
