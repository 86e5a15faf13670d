/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The generated Prisma clients are TypeScript under generated/; the native drivers stay external.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // Content is read from content/ at run time; keep it next to the server output.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
};

export default nextConfig;
