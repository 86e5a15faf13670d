import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { consumeCommand } from "@/lib/server/rate-limit";
import { route, readJson } from "@/lib/server/route";
import { completeEditor, TerminalSession } from "@/lib/server/sandbox-interactive";

// The browser's editor quit: the server writes the file (when saved) and runs what waited on it.
const EditorResult = z.strictObject({ path: z.string().max(4_096), content: z.string(), saved: z.boolean(), session: TerminalSession.optional() });

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { session, ...result } = await readJson(req, EditorResult, { maxBytes: 2_000_000 });
  await consumeCommand(viewer.id);
  return Response.json(await completeEditor(viewer, (await params).id, result, Date.now(), session));
});
