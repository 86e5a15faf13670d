import "server-only";
import { db } from "./db";
import type { Viewer } from "./viewer";

export interface ProgressView { exercise: string; attempts: number; bestScore: number; completed: boolean }

export async function progressOf(viewer: Viewer): Promise<Map<string, ProgressView>> {
  const rows = await db().exerciseProgress.findMany({ where: { userId: viewer.id } });
  return new Map(rows.map((r) => [r.exercise, { exercise: r.exercise, attempts: r.attempts, bestScore: r.bestScore, completed: r.completedAt !== null }]));
}
