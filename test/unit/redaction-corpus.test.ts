import { describe, expect, it } from 'vitest';
import { previewFlags } from '#shared/publicity/domain/public-record.ts';
import { negatives, positives, scoreRedactor } from '#test/fixtures/redaction-corpus.ts';

describe('the redactor on its corpus (LAW-5, issue 21)', () => {
  it(`[LAW-5] ${positives.length} variants of personal data lose every passage, ${negatives.length} public texts survive untouched; recall and precision printed`, () => {
    const score = scoreRedactor();
    console.log(
      `redactor corpus: ${score.secrets} secrets in ${positives.length} texts, ${negatives.length} negatives; ` +
        `recall ${(score.recall * 100).toFixed(1)}%, precision ${(score.precision * 100).toFixed(1)}% ` +
        `(${score.passages - score.falsePassages}/${score.passages} passages held a secret)`,
    );
    expect(score.secrets).toBeGreaterThanOrEqual(60);
    expect(score.leaked).toEqual([]);
    expect(score.damaged).toEqual([]);
    expect(score.recall).toBe(1);
  });

  it.each(positives.map((entry) => [entry.kind, entry.text, entry] as const))(
    '[LAW-5] %s: %s is marked in the preview',
    (_kind, _text, entry) => {
      const flags = previewFlags(
        { type: '警告', summary: entry.text, legalBasis: '《社会团体登记管理条例》第三十条' },
        entry.context ?? {},
      );
      expect(flags.filter((flag) => flag.field === 'conclusion').length).toBeGreaterThan(0);
    },
  );

  it.each(negatives.map((entry) => [entry.text]))(
    '[LAW-5] %s is not removed in the preview (at most marked for a check)',
    (text) => {
      const flags = previewFlags({ type: '警告', summary: text, legalBasis: '' }, {});
      expect(flags.filter((flag) => flag.action === 'removed')).toEqual([]);
    },
  );
});
