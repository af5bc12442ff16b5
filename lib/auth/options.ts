import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors/domain-errors";
import { authenticate, clientAddressFrom } from "./authenticate";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function headerGetter(headers: HeaderBag) {
  return {
    get(name: string): string | null {
      const value = headers?.[name];
      return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
    },
  };
}

/**
 * next-auth with email + password. The JWT carries only the person's id; who they are, their
 * role and whether they are still active are read from the database on every request
 * (lib/auth/current-actor.ts), so deactivation and role changes apply at once.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const actor = await authenticate(
              { email: credentials?.email, password: credentials?.password },
              clientAddressFrom(headerGetter(req?.headers as HeaderBag)),
            );
            return { id: actor.id, name: actor.name, email: actor.email };
          } catch (error) {
            // next-auth passes a thrown error's message to the sign-in form as `error`
            if (isDomainError(error)) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // signedInAt survives the token's re-encoding on every refresh (unlike iat)
        if (user) {
          token.sub = user.id;
          token.signedInAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : 0 };
      },
    },
  };
}
