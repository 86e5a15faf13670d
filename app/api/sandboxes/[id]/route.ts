import { requireViewer } from "@/lib/server/auth";
import { route } from "@/lib/server/route";
import { getSandbox } from "@/lib/server/sandboxes";

export const GET = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  return Response.json(await getSandbox(viewer, (await params).id));
});
