import { z } from "zod";
import { requireViewerFromCookie } from "@/lib/server/auth";
import { cookieHeader, nodeRoute, readJsonNode, segment } from "@/lib/server/node-route";
import { consumeCommand } from "@/lib/server/rate-limit";
import { execInteractive, TerminalSession } from "@/lib/server/sandbox-interactive";

// POST /api/sandboxes/:id/exec — one command line from the terminal. A Pages Router API route
// (Node's request and response) because it is the hot path: see lib/server/node-route.ts.

export const config = { api: { bodyParser: false, responseLimit: false } };

// The body cap sits above the line limit so an over-long line gets the clear line_too_long error.
// clusterTag: the picture the terminal shows (lib/server/cluster-view.ts); the answer leaves it out if unchanged.
const ExecRequest = z.strictObject({ line: z.string(), session: TerminalSession.optional(), clusterTag: z.string().max(64).optional() });

export default nodeRoute(["POST"], async (req) => {
  const viewer = await requireViewerFromCookie(cookieHeader(req));
  const id = segment(req, "id");
  const { line, session, clusterTag } = await readJsonNode(req, ExecRequest, { maxBytes: 65_536 });
  await consumeCommand(viewer.id);
  return execInteractive(viewer, id, line, Date.now(), session, clusterTag);
});
