import { z } from "zod";
import { requireViewer } from "@/lib/server/auth";
import { route, readJson } from "@/lib/server/route";
import { openSandbox } from "@/lib/server/sandboxes";

const OpenRequest = z.strictObject({ exercise: z.string().min(1).max(100) });

/** Opens (creating on first use) the caller's sandbox for an exercise. */
export const POST = route(async (req) => {
  const viewer = await requireViewer(req);
  const { exercise } = await readJson(req, OpenRequest, { maxBytes: 1_024 });
  return Response.json(await openSandbox(viewer, exercise));
});
