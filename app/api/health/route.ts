// A trivial route: the benchmark's baseline for what the server costs without any work.
export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ ok: true });
}
