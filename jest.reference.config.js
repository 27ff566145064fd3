/* Tests against ../shared/reference. Run with: npm run test:reference -- <folder> (the script sets REFERENCE_DIR). */
module.exports = {
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/reference/**/*.test.ts"],
  setupFiles: ["<rootDir>/test/shims/custom-functions.ts"],
  testTimeout: 120000,
};
