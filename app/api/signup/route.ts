import { route, readJson } from "@/lib/server/route";
import { SignUpInput, signUp } from "@/lib/server/users";

export const POST = route(async (req) => {
  const input = await readJson(req, SignUpInput, { maxBytes: 4_096 });
  const viewer = await signUp(input);
  return Response.json({ id: viewer.id, email: viewer.email }, { status: 201 });
});
