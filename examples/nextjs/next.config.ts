import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // This example lives inside the kit's repo: keep Turbopack from treating the repo as the root.
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
