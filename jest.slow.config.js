/* The long tests (*.slow.test.ts(x)) that `npm test` leaves out: `npm run test:slow`, run by .ci/run. */
const base = require("./jest.config");

module.exports = {
  projects: base.projects.map((project) => ({
    ...project,
    testMatch: project.testMatch.map((pattern) => pattern.replace(/\*\.test\.(tsx?)$/, "*.slow.test.$1")),
    testPathIgnorePatterns: project.testPathIgnorePatterns.filter((pattern) => !pattern.includes("slow")),
  })),
};
