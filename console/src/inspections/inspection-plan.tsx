import { useEffect, useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { dateTime, today } from '../labels.ts';
import { useLoad } from '../use-load.ts';

/** A published inspection item the plan may take (LAW-9): a random one or an inspection matter. */
interface Choice {
  code: string;
  name: string;
  category: 'random' | 'targeted';
  ratio?: string;
  frequency?: string;
}

/** What the form holds of a chosen item, as typed. */
interface Entry {
  ratio: string;
  frequency: string;
  plannedInspections: string;
  enterpriseCategories: string;
  months: number[];
}

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
const planStatusLabels: Record<string, string> = { draft: '草稿，待报备', filed: '已报备' };
const planLabels: Record<string, string> = {
  items: '检查事项',
  itemCode: '检查事项',
  ratio: '抽查比例',
  frequency: '抽查频次',
  plannedInspections: '计划检查次数',
  enterpriseCategories: '检查对象类别',
  months: '实施月份',
  note: '说明',
  year: '年度',
};

/** The agency's published inspection items: the random-inspections list and the matters of category inspection. */
async function publishedChoices(agencyId: string): Promise<Choice[]> {
  const edition = (kind: 'random-inspections' | 'matters') =>
    api.GET('/public/v1/agencies/{agencyId}/checklists/{kind}', { params: { path: { agencyId, kind } } });
  const [random, matters] = await Promise.all([edition('random-inspections'), edition('matters')]);
  const items = (answer: typeof random) => (answer.data?.items ?? []) as Record<string, unknown>[];
  return [
    ...items(random).map((item) => ({
      code: String(item.code),
      name: String(item.content),
      category: 'random' as const,
      ratio: String(item.ratio),
      frequency: String(item.frequency),
    })),
    ...items(matters)
      .filter((item) => item.category === 'inspection')
      .map((item) => ({ code: String(item.code), name: String(item.name), category: 'targeted' as const })),
  ];
}

async function planOf(year: number) {
  const answer = await api.GET('/v1/inspection-plans/{year}', { params: { path: { year }, query: {} } });
  if (answer.response.status === 404) return undefined;
  return must(Promise.resolve(answer));
}

type Plan = NonNullable<Awaited<ReturnType<typeof planOf>>>;

const entryOf = (choice: Choice, planned?: Plan['items'][number]): Entry => ({
  ratio: planned?.ratio ?? choice.ratio ?? '',
  frequency: planned?.frequency ?? choice.frequency ?? '',
  plannedInspections: planned?.plannedInspections !== undefined ? String(planned.plannedInspections) : '',
  enterpriseCategories: planned?.enterpriseCategories.join('、') ?? '',
  months: planned?.months ?? [],
});

/**
 * 年度检查计划 (INS-2): the agency's plan for this year or the next, its items chosen from the
 * published lists, each with what is planned, the enterprises' categories and the months; saved
 * as a draft, and filed with the supervisory body by a unit head or administrator other than its
 * last author. A change of a filed plan is its next version.
 */
export function InspectionPlan({ session }: { session: Session }) {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const choices = useLoad(() => publishedChoices(session.agencyId), [session.agencyId]);
  const plan = useLoad(() => planOf(year), [year]);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  // The form starts from the plan as stored, or empty for a year without one.
  useEffect(() => {
    if (plan.loading || !choices.data) return;
    const stored = plan.data;
    setEntries(
      Object.fromEntries(
        (stored?.items ?? []).flatMap((item) => {
          const choice = choices.data?.find((each) => each.code === item.itemCode);
          return choice ? [[item.itemCode, entryOf(choice, item)]] : [];
        }),
      ),
    );
    setNote(stored?.note ?? '');
    setError(undefined);
  }, [plan.data, plan.loading, choices.data]);

  const mayDraft = hasRole(session, 'officer', 'unit-head');
  const mayFile = hasRole(session, 'unit-head', 'admin');
  const chosen = (choices.data ?? []).filter((choice) => entries[choice.code]);
  const update = (code: string, change: Partial<Entry>) =>
    setEntries((previous) => ({ ...previous, [code]: { ...(previous[code] as Entry), ...change } }));
  const toggle = (choice: Choice, on: boolean) =>
    setEntries((previous) => {
      const next = { ...previous };
      if (on) next[choice.code] = entryOf(choice);
      else delete next[choice.code];
      return next;
    });

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    setSaved('');
    try {
      await action();
      setSaved(done);
      plan.reload();
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  const save = () =>
    run(
      () =>
        must(
          api.PUT('/v1/inspection-plans/{year}', {
            params: { path: { year } },
            body: {
              items: chosen.map((choice) => {
                const entry = entries[choice.code] as Entry;
                const text = (value: string) => (value.trim() ? value.trim() : undefined);
                return {
                  itemCode: choice.code,
                  ...(choice.category === 'random'
                    ? { ratio: text(entry.ratio), frequency: text(entry.frequency) }
                    : {
                        plannedInspections: entry.plannedInspections
                          ? Number(entry.plannedInspections)
                          : undefined,
                      }),
                  enterpriseCategories: entry.enterpriseCategories
                    .split(/[、,，\s]+/)
                    .filter((part) => part.length > 0),
                  months: [...entry.months].sort((a, b) => a - b),
                };
              }),
              ...(note.trim() ? { note: note.trim() } : {}),
            },
          }),
        ),
      '已保存草稿。',
    );
  // The draft as shown: one saved since by someone else is not filed unseen (409).
  const file = (revision: number) =>
    run(
      () =>
        must(
          api.POST('/v1/inspection-plans/{year}/filing', { params: { path: { year } }, body: { revision } }),
        ),
      '已向监督机关报备。',
    );

  if (choices.error) return <ErrorNotice error={choices.error} />;
  const stored = plan.data;
  return (
    <>
      <div class="field">
        <label for="plan-year">计划年度</label>
        <select
          id="plan-year"
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
        >
          {[thisYear, thisYear + 1].map((each) => (
            <option key={each} value={String(each)}>
              {each}年
            </option>
          ))}
        </select>
      </div>
      {plan.loading || !choices.data ? (
        <p>正在加载……</p>
      ) : (
        <>
          <section aria-labelledby="plan-status">
            <h2 id="plan-status">{year}年度检查计划</h2>
            {stored ? (
              <p class="meta">
                <span class="badge">{planStatusLabels[stored.status] ?? '草稿'}</span>
                <span>第 {stored.version} 版</span>
                <span>编制：{stored.draftedByName}</span>
                {stored.filedAt && (
                  <span>
                    报备：{stored.filedByName}，{dateTime(stored.filedAt)}
                  </span>
                )}
              </p>
            ) : (
              <p>该年度尚未编制检查计划。</p>
            )}
            {stored?.status === 'filed' && mayDraft && (
              <p>修改已报备的计划将成为第 {stored.version + 1} 版，须重新报备。</p>
            )}
          </section>
          {saved && (
            <p class="notice" role="status">
              {saved}
            </p>
          )}
          <ErrorNotice
            error={error}
            labels={{
              ...planLabels,
              // A refused item is named by its name, not by its place among those sent.
              ...Object.fromEntries(chosen.map((choice, index) => [`items.${index}`, choice.name])),
            }}
          />
          <form
            class="form"
            aria-label="检查计划"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            {choices.data.length === 0 && <p>本机关还没有公布检查事项清单。</p>}
            {choices.data.map((choice) => {
              const entry = entries[choice.code];
              const at = chosen.indexOf(choice);
              const path = (field: string) => `items.${at}.${field}`;
              const id = (field: string) => `plan-${choice.code}-${field}`;
              return (
                <fieldset key={choice.code} disabled={!mayDraft}>
                  <legend>
                    {choice.name}（{choice.category === 'random' ? '双随机抽查' : '重点检查'}）
                  </legend>
                  <div class="radios">
                    <label>
                      <input
                        type="checkbox"
                        checked={entry !== undefined}
                        onChange={(event) => toggle(choice, event.currentTarget.checked)}
                      />
                      列入计划（{choice.code}）
                    </label>
                  </div>
                  {entry && choice.category === 'random' && (
                    <>
                      <Field name={id('ratio')} path={path('ratio')} label="抽查比例" error={error} required>
                        <input
                          {...describedBy(id('ratio'), error, false, path('ratio'))}
                          value={entry.ratio}
                          onInput={(event) => update(choice.code, { ratio: event.currentTarget.value })}
                        />
                      </Field>
                      <Field
                        name={id('frequency')}
                        path={path('frequency')}
                        label="抽查频次"
                        error={error}
                        required
                      >
                        <input
                          {...describedBy(id('frequency'), error, false, path('frequency'))}
                          value={entry.frequency}
                          onInput={(event) => update(choice.code, { frequency: event.currentTarget.value })}
                        />
                      </Field>
                    </>
                  )}
                  {entry && choice.category === 'targeted' && (
                    <Field
                      name={id('planned')}
                      path={path('plannedInspections')}
                      label="计划检查次数"
                      error={error}
                      required
                    >
                      <input
                        {...describedBy(id('planned'), error, false, path('plannedInspections'))}
                        type="number"
                        min={1}
                        inputMode="numeric"
                        value={entry.plannedInspections}
                        onInput={(event) =>
                          update(choice.code, { plannedInspections: event.currentTarget.value })
                        }
                      />
                    </Field>
                  )}
                  {entry && (
                    <>
                      <Field
                        name={id('categories')}
                        path={path('enterpriseCategories')}
                        label="检查对象类别"
                        hint="多个类别用顿号分隔，如：养老机构、社会组织"
                        error={error}
                        required
                      >
                        <input
                          {...describedBy(id('categories'), error, true, path('enterpriseCategories'))}
                          value={entry.enterpriseCategories}
                          onInput={(event) =>
                            update(choice.code, { enterpriseCategories: event.currentTarget.value })
                          }
                        />
                      </Field>
                      <fieldset class="nested">
                        <legend>实施月份（必填）</legend>
                        {(error?.detailsFor(path('months')) ?? []).map((detail) => (
                          <p class="field-error" key={detail.message}>
                            {detail.message}
                          </p>
                        ))}
                        <div class="radios">
                          {MONTHS.map((month) => (
                            <label key={month}>
                              <input
                                type="checkbox"
                                checked={entry.months.includes(month)}
                                onChange={(event) =>
                                  update(choice.code, {
                                    months: event.currentTarget.checked
                                      ? [...entry.months, month]
                                      : entry.months.filter((each) => each !== month),
                                  })
                                }
                              />
                              {month}月
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    </>
                  )}
                </fieldset>
              );
            })}
            <Field name="plan-note" path="note" label="说明" error={error}>
              <textarea
                {...describedBy('plan-note', error, false, 'note')}
                rows={3}
                readOnly={!mayDraft}
                value={note}
                onInput={(event) => setNote(event.currentTarget.value)}
              />
            </Field>
            {mayDraft && (
              <p class="actions">
                <button type="submit" class="primary" disabled={busy}>
                  保存草稿
                </button>
              </p>
            )}
          </form>
          {mayFile && stored?.status === 'draft' && (
            <p class="actions">
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => void file(stored.revision)}
              >
                向监督机关报备
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
