import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { consumeCommand } from "@/lib/server/rate-limit";
import { route, readJson } from "@/lib/server/route";
import { execInteractive, TerminalSession } from "@/lib/server/sandbox-interactive";

// The body cap sits above the line limit so an over-long line gets the clear line_too_long error.
const ExecRequest = z.strictObject({ line: z.string(), session: TerminalSession.optional() });

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { line, session } = await readJson(req, ExecRequest, { maxBytes: 65_536 });
  await consumeCommand(viewer.id);
  return Response.json(await execInteractive(viewer, (await params).id, line, Date.now(), session));
});
