import { useEffect, useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { ApiError, asApiError } from '../api/errors.ts';
import { describeDates, parseDateList } from '../calendar/date-list.ts';
import { CalendarStatus } from '../components/calendar-status.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { today } from '../labels.ts';

const labels = { holidays: '放假日期', workdays: '调休上班日期', source: '依据的放假安排' };

interface Loaded {
  year: number;
  holidays: string[];
  workdays: string[];
  recomputation: { status: string; processed: number; changed: number };
}

/**
 * 节假日日历 for the calendar administrator (LAW-8): a year's holidays and adjusted working days
 * typed as the State Council's notice writes them (2月6日至12日), read back as the platform
 * understood them before they are loaded (`PUT /v1/calendar/{year}`); deadlines reaching into the
 * year are then computed again. A year already loaded opens with its dates, to be corrected.
 */
export function CalendarAdmin() {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear + 1);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [source, setSource] = useState('');
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>();

  // The chosen year's calendar, if it is loaded, is what the form starts from, unless the
  // administrator has begun typing the year's dates meanwhile.
  useEffect(() => {
    let current = true;
    must(api.GET('/v1/calendar/{year}', { params: { path: { year } } })).then(
      (calendar) => {
        if (!current) return;
        const untouched = (typed: string) => typed === '';
        setHolidays((typed) => (untouched(typed) ? describeDates(calendar.holidays) : typed));
        setWorkdays((typed) => (untouched(typed) ? describeDates(calendar.workdays) : typed));
        setSource((typed) => (untouched(typed) ? calendar.source : typed));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [year]);

  /** Another year: the form starts empty, the dates of one year are never read as another's. */
  function chooseYear(chosen: number) {
    if (!Number.isInteger(chosen) || chosen < 2000 || chosen > 2100 || chosen === year) return;
    setYear(chosen);
    setHolidays('');
    setWorkdays('');
    setSource('');
    setLoaded(undefined);
  }

  const parsedHolidays = parseDateList(holidays, year);
  const parsedWorkdays = parseDateList(workdays, year);
  const both = parsedHolidays.dates.filter((day) => parsedWorkdays.dates.includes(day));

  async function submit(event: Event) {
    event.preventDefault();
    setError(undefined);
    setLoaded(undefined);
    const details = [
      ...parsedHolidays.problems.map((message) => ({ path: 'holidays', message })),
      ...parsedWorkdays.problems.map((message) => ({ path: 'workdays', message })),
      ...(parsedHolidays.dates.length === 0 ? [{ path: 'holidays', message: '请填写放假日期' }] : []),
      ...(both.length > 0 ? [{ path: 'workdays', message: `${describeDates(both)}不能既放假又上班` }] : []),
      ...(source.trim() === '' ? [{ path: 'source', message: '请写明依据的放假安排通知' }] : []),
    ];
    if (details.length > 0) {
      setError(new ApiError(400, 'VALIDATION_FAILED', '日历的内容有误', details));
      return;
    }
    setBusy(true);
    try {
      const answer = await must(
        api.PUT('/v1/calendar/{year}', {
          params: { path: { year } },
          body: { holidays: parsedHolidays.dates, workdays: parsedWorkdays.dates, source: source.trim() },
        }),
      );
      setLoaded(answer);
      setVersion(version + 1);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <CalendarStatus version={version} also={year} heading="各年度载入情况" />
      <form class="form" onSubmit={submit} noValidate aria-labelledby="load-calendar">
        <h2 id="load-calendar">载入或修改年度日历</h2>
        <p class="hint">
          按国务院办公厅当年的部分节假日安排通知填写；可写作 {year}-01-01、{year}年1月1日、1月1日或
          2月6日至12日， 每行一项，或用顿号、逗号分隔。载入后，跨入该年的公示和审核期限随即重新计算。
        </p>
        <ErrorNotice error={error} labels={labels} />
        {loaded && (
          <p class="notice notice-ok" role="status">
            已载入 {loaded.year} 年日历：放假 {loaded.holidays.length} 天，调休上班 {loaded.workdays.length}{' '}
            天。
            {loaded.recomputation.status === 'done'
              ? `未到期的期限已重新计算 ${loaded.recomputation.processed} 项，其中 ${loaded.recomputation.changed} 项有变化。`
              : `已重新计算 ${loaded.recomputation.processed} 项期限，其余在后台继续计算。`}
          </p>
        )}
        <Field name="year" label="年度" hint="通常在上一年年底载入下一年的安排" error={error} required>
          <input
            {...describedBy('year', error)}
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={String(year)}
            onChange={(event) => chooseYear(Number(event.currentTarget.value))}
          />
        </Field>
        <Field name="holidays" label="放假日期" error={error} required>
          <textarea
            {...describedBy('holidays', error)}
            rows={5}
            value={holidays}
            onInput={(event) => setHolidays(event.currentTarget.value)}
          />
        </Field>
        <p class="hint" aria-live="polite">
          {parsedHolidays.dates.length > 0
            ? `共 ${parsedHolidays.dates.length} 天：${describeDates(parsedHolidays.dates)}`
            : '尚未填写放假日期'}
        </p>
        <Field name="workdays" label="调休上班日期" error={error}>
          <textarea
            {...describedBy('workdays', error)}
            rows={3}
            value={workdays}
            onInput={(event) => setWorkdays(event.currentTarget.value)}
          />
        </Field>
        <p class="hint" aria-live="polite">
          {parsedWorkdays.dates.length > 0
            ? `共 ${parsedWorkdays.dates.length} 天：${describeDates(parsedWorkdays.dates)}`
            : '没有调休上班日'}
        </p>
        <Field name="source" label="依据的放假安排" error={error} required>
          <input
            {...describedBy('source', error)}
            value={source}
            placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`}
            onInput={(event) => setSource(event.currentTarget.value)}
          />
        </Field>
        <p class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? '正在载入……' : `载入 ${year} 年日历`}
          </button>
        </p>
      </form>
    </>
  );
}
