/**
 * `npm run bench:redactor`: the redactor (LAW-5) on its corpus (test/fixtures/redaction-corpus.ts):
 * recall (the share of secrets that never reach the public text), precision (the share of removed
 * passages that held a secret), and what redacting costs, as the ratio of `redact` to `normalise`
 * alone over the same texts in one run (`BENCH_ITERATIONS` passes, default 200).
 */
import { performance } from 'node:perf_hooks';
import { redact } from '#shared/kernel/desensitise.ts';
import { normalise } from '#shared/kernel/normalise.ts';
import { quantile } from '#test/bench/quantile.ts';
import { negatives, positives, scoreRedactor } from '#test/fixtures/redaction-corpus.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const score = scoreRedactor();
const entries = [...positives, ...negatives];
const characters = entries.reduce((sum, entry) => sum + entry.text.length, 0);

function timePerPass(work: (text: string, entry: (typeof entries)[number]) => unknown): number[] {
  const times: number[] = [];
  for (let pass = 0; pass < iterations; pass += 1) {
    const start = performance.now();
    for (const entry of entries) work(entry.text, entry);
    times.push(performance.now() - start);
  }
  return times;
}
// Warm both paths before measuring.
timePerPass((text) => normalise(text));
timePerPass((text, entry) => redact(text, entry.context));
const normaliseTimes = timePerPass((text) => normalise(text));
const redactTimes = timePerPass((text, entry) => redact(text, entry.context));

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
console.log(
  `redactor corpus: ${positives.length} texts with ${score.secrets} secrets, ${negatives.length} public texts`,
);
console.log(`  recall     ${percent(score.recall)} (${score.leaked.length} secrets leaked)`);
console.log(
  `  precision  ${percent(score.precision)} (${score.passages - score.falsePassages} of ${score.passages} removed passages held a secret)`,
);
console.log(`  damaged    ${score.damaged.length} public passages changed`);
for (const q of [0.5, 0.99]) {
  const redactMs = quantile(redactTimes, q);
  const normaliseMs = quantile(normaliseTimes, q);
  console.log(
    `  p${q * 100} redact ${(redactMs / entries.length).toFixed(3)} ms a text (${((characters / redactMs) * 1000).toFixed(0)} characters/s), ` +
      `${(redactMs / normaliseMs).toFixed(1)}x normalising alone`,
  );
}
for (const leak of score.leaked) console.log(`  LEAK ${leak.kind}: ${leak.text} -> ${leak.output}`);
