import { describe, expect, it } from 'vitest';
import { answerShown } from '../src/use-load.ts';

describe('a screen shows the answer to what it asks now', () => {
  const loading = () => ({ loading: true });

  it('shows an answer for the parameters it was asked with, also while it reloads them', () => {
    const figures = { registered: 4 };
    expect(
      answerShown(
        { data: figures, asked: ['zhaoyang-mzj', '2026-01-01'], loading: false },
        ['zhaoyang-mzj', '2026-01-01'],
        loading,
      ),
    ).toEqual({ data: figures, loading: false });
    expect(
      answerShown({ data: figures, asked: ['zhaoyang-mzj'], loading: true }, ['zhaoyang-mzj'], loading).data,
    ).toBe(figures);
  });

  it('never shows the answer for other parameters: a supervisor moving to the supervised agency sees it load, not its own zeros', () => {
    const own = { registered: 0 };
    expect(
      answerShown({ data: own, asked: [undefined], loading: false }, ['changning-mzj'], loading),
    ).toEqual({ loading: true });
    expect(
      answerShown({ error: { status: 403 } as never, asked: ['a'], loading: false }, ['b'], loading),
    ).toEqual({ loading: true });
    // What the tab showed last for the new parameters, when there is one, shows at once instead.
    const kept = { data: { registered: 7 }, loading: true };
    expect(
      answerShown({ data: own, asked: ['2026-01-01'], loading: false }, ['2026-02-01'], () => kept),
    ).toBe(kept);
  });
});
