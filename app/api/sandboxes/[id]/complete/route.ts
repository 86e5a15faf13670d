import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { route, readJson } from "@/lib/server/route";
import { completeLine, TerminalSession } from "@/lib/server/sandbox-interactive";

// Tab completion: read-only, so it neither counts as a command nor changes the sandbox.
const CompleteRequest = z.strictObject({ line: z.string(), cursor: z.number().int().nonnegative(), session: TerminalSession.optional() });

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { line, cursor, session } = await readJson(req, CompleteRequest, { maxBytes: 65_536 });
  return Response.json(await completeLine(viewer, (await params).id, line, cursor, session));
});
