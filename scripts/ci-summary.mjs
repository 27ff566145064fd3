// Adds up the test counts CI collected (jest --json files, and the e2e runner's {passed, failed} file)
// and prints one closing line: "Total: N passed, N failed".
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (typeof report.numPassedTests === "number") {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else {
    passed += report.passed;
    failed += report.failed;
  }
  console.log(`${file.split("/").pop()}: ${report.numPassedTests ?? report.passed} passed`);
}
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
