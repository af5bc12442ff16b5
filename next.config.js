/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // argon2 and pg are native/Node-only; keep them out of the server bundle.
  // proxy.ts refuses larger action bodies with a 413 before Next.js reads them (Next.js itself
  // answers a 500); keep the two equal (lib/http/server-action-guard.ts)
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  serverExternalPackages: ["argon2", "pg", "@prisma/adapter-pg", "rate-limiter-flexible", "jsdom", "dompurify", "@mozilla/readability", "piscina"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
