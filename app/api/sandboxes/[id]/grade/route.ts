import { requireViewer } from "@/lib/server/auth";
import { route } from "@/lib/server/route";
import { grade } from "@/lib/server/sandboxes";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  return Response.json(await grade(viewer, (await params).id));
});
