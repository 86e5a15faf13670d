import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { signUp } from "@/lib/server/users";
import type { Viewer } from "@/lib/server/viewer";

let n = 0;
export async function newViewer(tag = "u"): Promise<Viewer> {
  return signUp({ email: `${tag}-${Date.now()}-${n++}@it.test`, password: "password123" });
}

/** A Cookie header carrying a next-auth session for the user, as the browser would send it. */
export async function sessionCookie(viewer: Viewer): Promise<string> {
  const row = await db().user.findUniqueOrThrow({ where: { id: viewer.id } });
  const token = await encode({ token: { uid: viewer.id, sv: row.sessionVersion, email: viewer.email }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

export function jsonRequest(url: string, body: unknown, cookie?: string, init: RequestInit = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
}

export const params = <T>(p: T) => ({ params: Promise.resolve(p) });
