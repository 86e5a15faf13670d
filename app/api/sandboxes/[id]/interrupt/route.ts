import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { route, readJson } from "@/lib/server/route";
import { pollStream } from "@/lib/server/sandbox-interactive";

// Ctrl-C on an open stream: its output up to now, then ^C; the stream ends with status 130.
const InterruptRequest = z.strictObject({ stream: z.number().int().nonnegative() });

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { stream } = await readJson(req, InterruptRequest, { maxBytes: 1_024 });
  return Response.json(await pollStream(viewer, (await params).id, stream, true));
});
