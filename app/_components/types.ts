// The shapes the browser receives (plain JSON DTOs from lib/server/sandboxes.ts).
import type { ReactNode } from "react";
import type { InteractiveRequest } from "@/sim/editor/session";
import type { ClusterView } from "@/sim/index";

/** tag: names the picture's content (lib/server/cluster-view.ts); exec answers leave an unchanged picture out. */
export type ClusterViewDto = ClusterView & { tag?: string };
export interface ScrollbackDto { prompt: string; line: string; output: string; exitCode: number }
export interface ExecDto { output: string; exitCode: number; prompt: string; clear?: boolean; cluster?: ClusterViewDto; version: number }
export interface Localized { en: string; ko: string }
export interface CheckResultDto { id: string; status: "pass" | "fail" | "error"; title: Localized; message: Localized }
export interface GradeDto { results: CheckResultDto[]; passed: boolean; score: number; completed: boolean }
export interface SandboxDto { id: string; exercise: string; prompt: string; cluster: ClusterViewDto; scrollback: ScrollbackDto[]; history: string[]; version: number; /** The editor session 1 still waits on (reopened after a reload). */ interactive: InteractiveRequest | null }
/** The public view of an exercise (no checks, no solution); task and hints arrive rendered on the server. */
export interface ExerciseDto { id: string; title: Localized; points: number; task: ReactNode; hints: ReactNode[] }
