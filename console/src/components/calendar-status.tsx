import { api, must } from '../api/client.ts';
import { date, today } from '../labels.ts';
import { useLoad } from '../use-load.ts';

/**
 * The holiday calendar of this year and the next, and `also` another (LAW-8): loaded by the calendar administrator
 * from the State Council's notice, or not yet, in which case deadlines that reach into that year
 * wait as "to be confirmed".
 */
export function CalendarStatus({
  version = 0,
  also,
  heading = '节假日日历',
}: {
  version?: number;
  also?: number;
  heading?: string;
}) {
  const year = Number(today().slice(0, 4));
  const years = [year, year + 1, ...(also !== undefined && also !== year && also !== year + 1 ? [also] : [])];
  const { data } = useLoad(
    () =>
      Promise.all(
        years.map((each) =>
          must(api.GET('/v1/calendar/{year}', { params: { path: { year: each } } })).then(
            (calendar) => ({ year: each, calendar }),
            () => ({ year: each, calendar: undefined }),
          ),
        ),
      ),
    [year, version, also],
  );
  return (
    <section aria-labelledby="calendar">
      <h2 id="calendar">{heading}</h2>
      {!data ? (
        <p>正在加载……</p>
      ) : (
        <ul class="cards" aria-label="年度日历">
          {data.map(({ year: each, calendar }) => (
            <li key={each} class="card">
              <p class="card-title">{each} 年</p>
              {calendar ? (
                <p class="meta">
                  <span class="badge calendar-loaded">已载入</span>
                  <span>节假日 {calendar.holidays.length} 天</span>
                  <span>调休上班 {calendar.workdays.length} 天</span>
                  <span>来源：{calendar.source}</span>
                  {calendar.loadedAt && <span>载入于 {date(calendar.loadedAt)}</span>}
                </p>
              ) : (
                <p class="meta">
                  <span class="badge badge-bad">尚未载入</span>
                  <span>跨入该年的公示和审核期限暂缓确认，待日历管理员载入国务院放假安排后自动计算</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
