/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run bench:api` builds into its own directory (NEXT_DIST_DIR=.next-bench) so that measuring
  // the current source never races another build or the e2e server over .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole repository as its own step (tsc --noEmit); skipping it here
  // keeps one engineer's half-finished sim/ file from blocking the app build.
  typescript: { ignoreBuildErrors: true },
  // The generated Prisma clients are TypeScript under generated/; the native drivers stay external.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Content is read from content/ at run time; keep it next to the server output.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // The data layer marks itself `import "server-only"`. Server components resolve that package to
  // its empty module through the react-server condition; the Pages Router API routes
  // (pages/api: the terminal's hot path, lib/server/node-route.ts) are server code without that
  // condition, so the package resolves to its empty module for every target but the browser,
  // where it still throws (and Next's build check still refuses it in client components).
  transpilePackages: ["server-only"], // bundled (not required at run time), so the alias below applies
  turbopack: {
    resolveAlias: {
      "server-only": { browser: "next/dist/compiled/server-only/index.js", default: "next/dist/compiled/server-only/empty.js" },
    },
  },
  // NEXT_SERVER_MINIFY=0: readable function names in server CPU profiles (`BENCH_CPU_PROF`).
  experimental: { serverMinification: process.env.NEXT_SERVER_MINIFY !== "0" },
};

export default nextConfig;
