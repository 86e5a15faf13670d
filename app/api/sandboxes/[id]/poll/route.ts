import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { route, readJson } from "@/lib/server/route";
import { pollStream } from "@/lib/server/sandbox-interactive";

// An open stream's output up to now (the terminal polls about once a second while it runs).
const PollRequest = z.strictObject({ stream: z.number().int().nonnegative() });

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  const { stream } = await readJson(req, PollRequest, { maxBytes: 1_024 });
  return Response.json(await pollStream(viewer, (await params).id, stream, false));
});
