// Print one line, `N passed, N failed`, from a Vitest JSON report
// (`vitest run --reporter=json --outputFile=report.json`). Exit 1 when anything failed.
//
// usage: node scripts/summarize-vitest.mjs <report.json> [--exit-code <vitest exit code>]
//
// A broken run is never reported as 0 failed: a test file that errored without a failing test
// (import error, failing beforeAll, ...) counts as 1 failed; so does a report that says the run
// was unsuccessful (e.g. no test files) with no failure counted, a non-zero vitest exit code
// (e.g. unhandled errors, which the JSON report leaves out) with no failure counted, and a
// missing or unreadable report (`0 passed, 1 failed`).
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
let reportPath;
let exitCode;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--exit-code") exitCode = Number(args[++i]);
  else reportPath ??= args[i];
}

function note(message) {
  process.stderr.write(`summarize-vitest: ${message}\n`);
}

function readReport() {
  try {
    if (!reportPath) throw new Error("no report path given");
    const report = JSON.parse(readFileSync(reportPath, "utf8"));
    if (!report || typeof report !== "object" || !Array.isArray(report.testResults)) {
      throw new Error("not a Vitest JSON report (no testResults)");
    }
    return report;
  } catch (error) {
    note(`cannot read report ${reportPath ?? ""}: ${error.message}`);
    return undefined;
  }
}

/** [passed, failed] */
function summarize(report) {
  const files = report.testResults;
  const assertions = files.flatMap((file) =>
    Array.isArray(file.assertionResults) ? file.assertionResults : [],
  );
  const countStatus = (status) => assertions.filter((a) => a.status === status).length;

  const passed = Number.isInteger(report.numPassedTests)
    ? report.numPassedTests
    : countStatus("passed");
  let failed = Math.max(
    Number.isInteger(report.numFailedTests) ? report.numFailedTests : 0,
    countStatus("failed"),
  );

  // Files that failed without any failing test: import/collection errors, failing hooks.
  for (const file of files) {
    const results = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    if (file.status === "failed" && !results.some((a) => a.status === "failed")) {
      note(`test file failed to run: ${file.name}${file.message ? `: ${file.message}` : ""}`);
      failed += 1;
    }
  }

  if (failed === 0 && report.success === false) {
    note(files.length === 0 ? "no test files ran" : "report says the run was not successful");
    failed = 1;
  }

  if (failed === 0 && exitCode !== undefined && exitCode !== 0) {
    note(`vitest exited with code ${Number.isNaN(exitCode) ? "?" : exitCode} (unhandled errors?)`);
    failed = 1;
  }

  return [passed, failed];
}

const report = readReport();
const [passed, failed] = report ? summarize(report) : [0, 1];
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
