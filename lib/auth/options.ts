// next-auth configuration: email + password sign-in with JWT sessions. The JWT only says who signed in; role and
// active flag are re-read from the database on every request (lib/auth/current-user.ts), so a demotion or a
// deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { serverEnv } from "../env";
import { signInSchema } from "./schemas";
import { verifyPassword } from "./passwords";

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
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await db().user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, name: true, email: true, passwordHash: true, active: true },
          });
          const passwordMatches = await verifyPassword(parsed.data.password, user?.passwordHash);
          // One answer for unknown email, wrong password and deactivated account: none reveals which it was.
          if (!user || !passwordMatches || !user.active) return null;
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
    ],
    callbacks: {
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
