import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The product reads its environment only through lib/env.ts (one zod schema, one message per
    // bad variable). Next.js inlines NODE_ENV and NEXT_RUNTIME at build time, so those stay.
    // Scripts, benches, tests and configs set the environment for the processes they start.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"],
    ignores: ["lib/env.ts", "lib/testing/**", "**/*.test.ts", "lib/analysis/fixtures/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name!=/^(NODE_ENV|NEXT_RUNTIME)$/]",
          message: "Read environment variables through lib/env.ts (add them to ZEnv).",
        },
        {
          selector: ":not(MemberExpression) > MemberExpression[object.name='process'][property.name='env']",
          message: "Read environment variables through lib/env.ts (add them to ZEnv).",
        },
      ],
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
