import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: IncomingMessage & { query?: Record<string, string> }, res: ServerResponse) => Promise<void>;

/**
 * Calls a Pages Router API handler (lib/server/node-route.ts) as Next.js would: over a real HTTP
 * connection to an in-process server, with the route's dynamic segments in req.query. Takes and
 * returns web Request/Response objects so tests read like the App Router ones.
 */
export async function callNodeRoute(handler: Handler, request: Request, query: Record<string, string>): Promise<Response> {
  const server = createServer((req, res) => {
    Object.assign(req, { query });
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const url = new URL(request.url);
    const body = request.body ? await request.arrayBuffer() : undefined;
    const res = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body });
    return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
