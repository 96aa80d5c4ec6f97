// Reads `npm audit --json` on stdin and decides: exit 1 when production dependencies have high or
// critical advisories. When the registry cannot be asked (some mirrors and proxies refuse the
// audit endpoint, which is a POST), it says so plainly and does not fail: no verdict is not a pass,
// and the message says that too.
let input = "";
for await (const chunk of process.stdin) input += chunk;

let report;
try {
  report = JSON.parse(input);
} catch {
  console.log(`npm audit gave no readable answer; advisories NOT checked:\n${input.slice(0, 500)}`);
  process.exit(0);
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.message ?? report?.error?.summary ?? report?.error?.message ?? JSON.stringify(report).slice(0, 300);
  console.log(`npm audit could not ask the registry (${reason}); advisories NOT checked on this machine.`);
  process.exit(0);
}

const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (production dependencies): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
for (const [name, advisory] of Object.entries(report.vulnerabilities ?? {})) {
  if (advisory.severity === "high" || advisory.severity === "critical") console.log(`  ${advisory.severity}: ${name} ${advisory.range ?? ""}`);
}
process.exit(serious > 0 ? 1 : 0);
