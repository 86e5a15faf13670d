import { requireViewer } from "@/lib/server/auth";
import { route } from "@/lib/server/route";
import { resetSandbox } from "@/lib/server/sandboxes";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const viewer = await requireViewer(req);
  return Response.json(await resetSandbox(viewer, (await params).id));
});
