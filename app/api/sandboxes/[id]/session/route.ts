import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { route, readJson } from "@/lib/server/route";
import { openSession, TerminalSession } from "@/lib/server/sandbox-interactive";

// A new terminal tab: its session (2 to 4; the first tab is session 1) starts as a fresh login.
const SessionRequest = z.strictObject({ session: TerminalSession });

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { session } = await readJson(req, SessionRequest, { maxBytes: 1_024 });
  return Response.json(await openSession(viewer, (await params).id, session));
});
