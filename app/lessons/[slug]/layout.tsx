import type { ReactNode } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { course } from "@/lib/content/load";
import { getViewer } from "@/lib/server/auth";
import { isWarmUpToken, WARM_UP_HEADER } from "@/lib/server/warm-up";

// Who may see the lesson is settled here, before anything is sent: a signed-out visitor gets a
// real redirect (307) and an unknown lesson a 404 (the server's own warm-up request, with its
// token, renders the page without a learner: lib/server/warm-up.ts). The page itself (its
// sandbox, progress) renders behind loading.tsx, so the browser has the page's frame, styles and
// scripts while the server opens the sandbox.
export default async function LessonLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await getViewer()) && !isWarmUpToken((await headers()).get(WARM_UP_HEADER))) redirect(`/login?next=${encodeURIComponent(`/lessons/${slug}`)}`);
  if (!course().lessons.has(slug)) notFound();
  return children;
}
