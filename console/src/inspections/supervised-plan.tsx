import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import type { Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { SupervisedAgency, useSupervisedAgency } from '../components/supervised-agency.tsx';
import { config } from '../config.ts';
import { dateTime, today } from '../labels.ts';
import { useLoad } from '../use-load.ts';

/**
 * 检查计划 for the supervisory body (INS-2): the annual inspection plan a supervised agency filed
 * for the year, its latest filed version, with its printed document. Drafts are the agency's own.
 */
export function SupervisedPlan({ session }: { session: Session }) {
  const supervised = useSupervisedAgency(session);
  const { agencyId } = supervised;
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, loading } = useLoad(async () => {
    if (!agencyId) return undefined;
    const answer = await api.GET('/v1/supervision/inspection-plans', {
      params: { query: { agencyId, year } },
    });
    return answer.response.status === 404 ? null : must(Promise.resolve(answer));
  }, [agencyId, year]);
  return (
    <>
      <SupervisedAgency supervised={supervised} />
      {!agencyId && <p>您的账号没有监督对象。</p>}
      <div class="field">
        <label for="plan-year">计划年度</label>
        <select
          id="plan-year"
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
        >
          {[thisYear - 1, thisYear, thisYear + 1].map((each) => (
            <option key={each} value={String(each)}>
              {each}年
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={error} />
      {loading && <p>正在加载……</p>}
      {data === null && <p>该机关{year}年度检查计划尚未报备。</p>}
      {data && (
        <section aria-labelledby="filed-plan">
          <h2 id="filed-plan">{year}年度检查计划</h2>
          <p class="meta">
            <span class="badge">已报备</span>
            <span>第 {data.version} 版</span>
            <span>
              报备：{data.filedByName}，{dateTime(data.filedAt)}
            </span>
          </p>
          <ul class="cards" aria-label="计划检查事项">
            {data.items.map((item) => (
              <li key={item.itemCode} class="card">
                <p class="card-title">{item.name}</p>
                <p class="meta">
                  <span>{item.category === 'random' ? '双随机抽查' : '重点检查'}</span>
                  <span>
                    {item.category === 'random'
                      ? `抽查比例 ${item.ratio ?? ''}，${item.frequency ?? ''}`
                      : `计划检查 ${item.plannedInspections ?? 0} 次`}
                  </span>
                  <span>检查对象：{item.enterpriseCategories.join('、')}</span>
                  <span>实施月份：{item.months.map((month) => `${month}月`).join('、')}</span>
                </p>
              </li>
            ))}
          </ul>
          {data.note && <p>说明：{data.note}</p>}
          <p class="actions">
            <a
              class="button"
              href={`${config.apiBaseUrl}/public/v1/agencies/${encodeURIComponent(data.agencyId)}/inspection-plans/${data.year}/pdf?version=${data.version}`}
            >
              打印检查计划（PDF）
            </a>
          </p>
        </section>
      )}
    </>
  );
}
