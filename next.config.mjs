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
};

export default nextConfig;
