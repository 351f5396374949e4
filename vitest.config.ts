import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "data/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser tests and argon2 are heavy; keep parallelism modest.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
