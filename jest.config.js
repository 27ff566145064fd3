/* Unit and UI tests. The reference tests (../shared/reference) run from jest.reference.config.js. */
const shared = {
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    // office-addin-mock pulls ESM-only packages through office-addin-manifest; jest cannot load them.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
    "\\.(css|png|svg)$": "<rootDir>/test/shims/asset.js",
  },
  setupFiles: ["<rootDir>/test/shims/custom-functions.ts"],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/reference/"],
    },
    {
      ...shared,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
      setupFilesAfterEnv: ["<rootDir>/test/shims/jest-dom.ts"],
    },
  ],
};
