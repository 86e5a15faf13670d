import "server-only";
import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";

// The session cookie's claims, decoded once per token. next-auth's decode derives the key with HKDF
// and decrypts the JWE (A256GCM) on every call; a browser sends the same cookie on every command,
// so the decoded claims are kept per exact token string for a short while. What must be checked on
// every request still is: the token's own expiry (checked here on each hit) and the user row with
// its sessionVersion (checked by the caller, users.ts viewerForSession), so sign-out, disabling or a
// role change still take effect on the very next request.

export interface SessionClaims { uid: string; sv: number; exp?: number }

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const CACHE_MS = 60_000;

// Keyed by the whole token: a tampered or foreign token is a different key, decoded (and refused)
// anew. Only successfully decoded tokens are kept, so garbage cannot evict real sessions en masse
// beyond the LRU bound.
const decoded = new LRUCache<string, SessionClaims>({ max: 5_000, ttl: CACHE_MS, ttlAutopurge: false });

export function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

function live(c: SessionClaims, nowMs: number): boolean {
  // next-auth's decode allows 15 s of clock tolerance on exp (jose jwtDecrypt clockTolerance).
  return c.exp === undefined || nowMs / 1000 < c.exp + 15;
}

/** The session claims in a Cookie header, or null when there is no valid session token. */
export async function sessionClaims(header: string | null | undefined, secret: string, nowMs = Date.now()): Promise<SessionClaims | null> {
  if (!header) return null;
  const raw = SESSION_COOKIES.map((n) => readCookie(header, n)).find(Boolean);
  if (!raw) return null;
  const hit = decoded.get(raw);
  if (hit) return live(hit, nowMs) ? hit : (decoded.delete(raw), null);
  let t: { uid?: unknown; sv?: unknown; exp?: unknown } | null;
  try {
    t = (await decode({ token: raw, secret })) as typeof t;
  } catch {
    return null; // tampered, expired or signed with another secret
  }
  if (!t || typeof t.uid !== "string" || !t.uid || typeof t.sv !== "number") return null;
  const claims: SessionClaims = { uid: t.uid, sv: t.sv, ...(typeof t.exp === "number" ? { exp: t.exp } : {}) };
  decoded.set(raw, claims);
  return claims;
}

/** For tests: forget every decoded token. */
export function clearSessionClaims(): void {
  decoded.clear();
}
