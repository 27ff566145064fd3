/* Tests against published reference data (test/fixtures/reference, or: npm run test:reference -- <folder>). */
module.exports = {
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/reference/**/*.test.ts"],
  setupFiles: ["<rootDir>/test/shims/custom-functions.ts"],
  testTimeout: 120000,
};
