import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "./db";
import { fastStore } from "./fast-store";
import { AppError } from "./errors";
import { hashPassword, verifyPassword } from "./passwords";
import type { Role, Viewer } from "./viewer";

export const SignUpInput = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(8).max(200),
  name: z.string().trim().max(100).optional(),
});

type UserRow = { id: string; email: string; name: string | null; role: string; disabled: boolean; sessionVersion: number };

function toViewer(u: UserRow): Viewer {
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role };
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === "P2002";
}

export async function signUp(input: z.infer<typeof SignUpInput>): Promise<Viewer> {
  const passwordHash = await hashPassword(input.password);
  try {
    const u = await db().user.create({ data: { email: input.email, name: input.name || null, passwordHash } });
    return toViewer(u);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "An account with this email already exists.");
    throw e;
  }
}

/** Credentials check for next-auth; undefined on any mismatch (the caller must not tell which). */
export async function checkCredentials(email: string, password: string): Promise<{ viewer: Viewer; sessionVersion: number } | undefined> {
  const u = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Hash anyway when there is no such user, so timing does not reveal which emails exist.
  const ok = u?.passwordHash ? await verifyPassword(password, u.passwordHash) : (await hashPassword(password), false);
  if (!u || !ok || u.disabled) return undefined;
  return { viewer: toViewer(u), sessionVersion: u.sessionVersion };
}

/** Finds or creates the user behind a GitHub sign-in. */
export async function upsertGithubUser(githubId: string, email: string | null | undefined, name: string | null | undefined) {
  const existing = await db().user.findUnique({ where: { githubId } });
  if (existing) return existing;
  const mail = (email ?? `${githubId}@users.noreply.github.com`).toLowerCase();
  const byEmail = await db().user.findUnique({ where: { email: mail } });
  if (byEmail) return db().user.update({ where: { id: byEmail.id }, data: { githubId } });
  return db().user.create({ data: { email: mail, name: name ?? null, githubId } });
}

/** The session is valid only while the user exists, is enabled and carries the current sessionVersion. */
export async function viewerForSession(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const u = await fastStore().userById(userId);
  if (!u || u.disabled || u.sessionVersion !== sessionVersion) return null;
  return toViewer(u);
}

export async function sessionVersionOf(userId: string): Promise<number | undefined> {
  return (await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion;
}

/** Sign-out ends every session of the user on the very next request. */
export async function endSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function setDisabled(admin: Viewer, userId: string, disabled: boolean): Promise<void> {
  if (admin.role !== "admin") throw new AppError("forbidden", "Only an admin can do this.");
  const r = await db().user.updateMany({ where: { id: userId }, data: { disabled, sessionVersion: { increment: 1 } } });
  if (r.count === 0) throw new AppError("not_found", "No such user.");
}

export async function setRole(admin: Viewer, userId: string, role: Role): Promise<void> {
  if (admin.role !== "admin") throw new AppError("forbidden", "Only an admin can do this.");
  const r = await db().user.updateMany({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
  if (r.count === 0) throw new AppError("not_found", "No such user.");
}

export interface UserSummary { id: string; email: string; role: Role; disabled: boolean; createdAt: string }

export async function listUsers(admin: Viewer): Promise<UserSummary[]> {
  if (admin.role !== "admin") throw new AppError("forbidden", "Only an admin can do this.");
  const rows = await db().user.findMany({ orderBy: { createdAt: "asc" }, take: 500 });
  return rows.map((u) => ({ id: u.id, email: u.email, role: u.role as Role, disabled: u.disabled, createdAt: u.createdAt.toISOString() }));
}

/**
 * The first admin: ADMIN_EMAIL/ADMIN_PASSWORD when set, otherwise a generated password printed once.
 * Does nothing when an admin exists. Returns the generated password, if any.
 */
export async function ensureAdmin(env = process.env, log: (s: string) => void = console.log): Promise<string | undefined> {
  if (await db().user.findFirst({ where: { role: "admin" }, select: { id: true } })) return undefined;
  const email = (env.ADMIN_EMAIL || "admin@kubelings.local").toLowerCase();
  const generated = env.ADMIN_PASSWORD ? undefined : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(env.ADMIN_PASSWORD || generated!);
  await db().user.upsert({ where: { email }, create: { email, role: "admin", passwordHash }, update: { role: "admin", passwordHash } });
  if (generated) log(`\nFirst admin created: ${email} / ${generated}\n(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose them)\n`);
  else log(`First admin created: ${email}`);
  return generated;
}
