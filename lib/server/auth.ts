import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { cache } from "react";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { AppError } from "./errors";
import { sessionClaims } from "./session-token";
import { allowLoginAttempt } from "./rate-limit";
import { checkCredentials, endSessions, sessionVersionOf, upsertGithubUser, viewerForSession } from "./users";
import type { Viewer } from "./viewer";
import { isWarmUpToken, WARM_UP_HEADER } from "./warm-up";

// Without NEXTAUTH_URL, build URLs from the request's host (several instances on several ports).
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

/** NEXTAUTH_SECRET, or one generated on first start and kept in data/ (zero configuration). */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = "data/nextauth-secret";
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

type Token = { uid?: string; sv?: number };

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  secret: authSecret(),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        if (!(await allowLoginAttempt(credentials.email))) return null;
        const r = await checkCredentials(credentials.email, credentials.password);
        return r ? { id: r.viewer.id, email: r.viewer.email, name: r.viewer.name } : null;
      },
    }),
    ...(process.env.GITHUB_ID && process.env.GITHUB_SECRET
      ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
      : []),
  ],
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider !== "github") return true;
      const u = await upsertGithubUser(String(account.providerAccountId), user.email, user.name);
      return !u.disabled; // a disabled account cannot sign in through GitHub either
    },
    async jwt({ token, user, account }) {
      const t = token as typeof token & Token;
      if (account?.provider === "github" && user) {
        const u = await upsertGithubUser(String(account.providerAccountId), user.email, user.name);
        t.uid = u.id;
        t.sv = u.sessionVersion;
      } else if (user) {
        t.uid = user.id;
        t.sv = await sessionVersionOf(user.id);
      }
      return t;
    },
    async session({ session, token }) {
      // The data layer reads the token itself (getViewer); the browser only needs who is signed in.
      return { ...session, uid: (token as Token).uid };
    },
  },
  events: {
    async signOut({ token }) {
      const uid = (token as Token | null)?.uid;
      if (uid) await endSessions(uid);
    },
  },
};

export function githubEnabled(): boolean {
  return Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET);
}

/** The user behind a Cookie header, checked against the database on every call; null when there is none. */
export async function viewerFromCookieHeader(header: string | null | undefined): Promise<Viewer | null> {
  const t = await sessionClaims(header, authOptions.secret!);
  if (!t) return null;
  return viewerForSession(t.uid, t.sv);
}

/** The signed-in user for a route handler (from its request) or a server component (from next/headers). */
export async function getViewer(req?: Request): Promise<Viewer | null> {
  if (req) return viewerFromCookieHeader(req.headers.get("cookie"));
  return viewerOfThisRender();
}

// Server components of one page render (layouts, the page) ask once: React's per-request cache.
const viewerOfThisRender = cache(async (): Promise<Viewer | null> => {
  const { headers } = await import("next/headers");
  return viewerFromCookieHeader((await headers()).get("cookie"));
});

/**
 * A page's signed-in user. Signed out: null for the server's own warm-up render (its per-process
 * token, lib/server/warm-up.ts: the page renders without a learner), else a redirect to the
 * sign-in that comes back to `path`.
 */
export async function pageViewer(path: string): Promise<Viewer | null> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const [{ headers }, { redirect }] = await Promise.all([import("next/headers"), import("next/navigation")]);
  if (isWarmUpToken((await headers()).get(WARM_UP_HEADER))) return null;
  return redirect(`/login?next=${encodeURIComponent(path)}`);
}

export async function requireViewer(req?: Request): Promise<Viewer> {
  return signedIn(await getViewer(req));
}

/** requireViewer for a handler that has the Cookie header itself (lib/server/node-route.ts). */
export async function requireViewerFromCookie(header: string | undefined): Promise<Viewer> {
  return signedIn(await viewerFromCookieHeader(header));
}

function signedIn(v: Viewer | null): Viewer {
  if (!v) throw new AppError("unauthenticated", "Sign in first.");
  return v;
}
