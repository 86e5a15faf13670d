import { requireViewer } from "@/lib/server/auth";
import { route } from "@/lib/server/route";
import { clusterOf } from "@/lib/server/sandboxes";

/** The live cluster picture between commands (pods start and fail on their own). */
export const GET = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  return Response.json({ cluster: await clusterOf(viewer, (await params).id) });
});
