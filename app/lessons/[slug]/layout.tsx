import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { course } from "@/lib/content/load";
import { pageViewer } from "@/lib/server/auth";

// Who may see the lesson is settled here, before anything is sent: a signed-out visitor gets a
// real redirect (307) and an unknown lesson a 404 (the server's own warm-up request, with its
// token, renders the page without a learner: lib/server/warm-up.ts). The page itself (its
// sandbox, progress) renders behind loading.tsx, so the browser has the page's frame, styles and
// scripts while the server opens the sandbox.
export default async function LessonLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await pageViewer(`/lessons/${slug}`);
  if (!course().lessons.has(slug)) notFound();
  return children;
}
