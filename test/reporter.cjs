// Mocha's spec reporter plus the plain closing line CI reads: "N passed, N failed, N skipped".
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      // test/skipReasons.ts notes why tests skip themselves (a fresh clone has no ../shared/corpus)
      const reasons = [...(globalThis.vppSkipReasons ?? [])];
      if (pending > 0 && reasons.length > 0) process.stdout.write(`\nSkipped because ${reasons.join('; ')}.\n`);
      process.stdout.write(`\n${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = SpecWithSummary;
