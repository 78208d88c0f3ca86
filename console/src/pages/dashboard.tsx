import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { DateInput } from '../components/date-input.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { SupervisedAgency, useSupervisedAgency } from '../components/supervised-agency.tsx';
import { caseStatusLabels, categoryLabels, today } from '../labels.ts';
import { Link } from '../router.tsx';
import { readDate } from '../typed-dates.ts';
import { useLoad } from '../use-load.ts';

/**
 * A rate as a percentage. The API answers a fraction (0..1, shared/supervision/use-cases/oversight.ts), though
 * the OpenAPI description says 0–100.
 */
const rate = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Math.round(value * 1000) / 10}%`;

/** The agency read: one's own, or for a supervisor one of those supervised (ORG-4). */
const agencyQuery = (agencyId: string | undefined) => (agencyId ? { agencyId } : {});

async function load(from: string, to: string, overdue: boolean, agencyId: string | undefined) {
  const [stats, late] = await Promise.all([
    must(api.GET('/v1/stats', { params: { query: { from, to, ...agencyQuery(agencyId) } } })),
    overdue
      ? must(api.GET('/v1/oversight/overdue', { params: { query: agencyQuery(agencyId) } }))
      : Promise.resolve(undefined),
  ]);
  return { stats, late };
}

type Late = NonNullable<Awaited<ReturnType<typeof load>>['late']>;

/**
 * Everything late: the annual report once it is overdue (LAW-7), publications, reviews,
 * complaints (SUP-1), rectifications not reported by their deadline (SUP-3).
 */
const lateCount = (late: Late) =>
  (late.annualReport.status === 'overdue' ? 1 : 0) +
  late.publications.length +
  late.reviews.length +
  late.complaints.length +
  late.rectifications.length;

/** Saves what a request answered as a file. */
function save(blob: Blob, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Counts as bars: the widest is the largest count. */
function Bars({
  label,
  counts,
  names,
}: {
  label: string;
  counts: Record<string, number>;
  names: Record<string, string>;
}) {
  const entries = Object.entries(counts).filter(([, count]) => count > 0);
  const largest = Math.max(1, ...entries.map(([, count]) => count));
  return (
    <figure class="bars">
      <figcaption>{label}</figcaption>
      {entries.length === 0 ? (
        <p>暂无数据</p>
      ) : (
        <ul>
          {entries.map(([key, count]) => (
            <li key={key}>
              <span class="bar-label">{names[key] ?? key}</span>
              <span class="bar" style={{ width: `${(count / largest) * 100}%` }} />
              <span class="bar-count">{count}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/**
 * 工作概况 for leaders, unit heads, reviewers and supervisors (ORG): this year's cases, decisions,
 * publication timeliness, review outcomes and AV coverage (`GET /v1/stats`), and what is overdue
 * (`GET /v1/oversight/overdue`).
 */
export function Dashboard({ session }: { session: Session }) {
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const [typed, setTyped] = useState({ from, to });
  /** The period follows what is typed once it reads as a date; the field says when it does not. */
  const type = (end: 'from' | 'to', text: string) => {
    setTyped((previous) => ({ ...previous, [end]: text }));
    const day = readDate(text);
    if (day) (end === 'from' ? setFrom : setTo)(day);
  };
  const overdue = hasRole(session, 'unit-head', 'leader', 'admin', 'supervisor');
  const supervised = useSupervisedAgency(session);
  const { agencyId } = supervised;
  const { data, error } = useLoad(() => load(from, to, overdue, agencyId), [from, to, overdue, agencyId]);
  const [downloadError, setDownloadError] = useState<ApiError>();
  async function download(kind: 'xlsx' | 'pdf') {
    setDownloadError(undefined);
    const query = { from, to, ...agencyQuery(agencyId) };
    try {
      const blob = await must(
        kind === 'xlsx'
          ? api.GET('/v1/stats/export', { params: { query }, parseAs: 'blob' })
          : api.GET('/v1/evaluation-report', { params: { query }, parseAs: 'blob' }),
      );
      save(
        blob as Blob,
        kind === 'xlsx' ? `执法统计 ${from} 至 ${to}.xlsx` : `三项制度评估报告 ${from} 至 ${to}.pdf`,
      );
    } catch (caught) {
      setDownloadError(asApiError(caught));
    }
  }
  const reportYear = Number(to.slice(0, 4)) - 1;
  return (
    <>
      <SupervisedAgency supervised={supervised} />
      <div class="period">
        <div class="field">
          <label for="from">起始日期</label>
          <DateInput kind="date" id="from" value={typed.from} onChange={(text) => type('from', text)} />
        </div>
        <div class="field">
          <label for="to">截止日期</label>
          <DateInput kind="date" id="to" value={typed.to} onChange={(text) => type('to', text)} />
        </div>
      </div>
      <p class="button-row">
        <button type="button" class="secondary" onClick={() => download('xlsx')}>
          导出 Excel
        </button>
        <button type="button" class="secondary" onClick={() => download('pdf')}>
          评估报告（PDF）
        </button>
        <a
          class="button"
          href={`/agencies/${encodeURIComponent(agencyId ?? session.agencyId)}/annual-reports/${reportYear}`}
        >
          {reportYear} 年度数据公开
        </a>
        {hasRole(session, 'supervisor') && (
          // The supervisory body's own yearly report (SUP-6), published on 2 January.
          <a
            class="button"
            href={`/supervisory-bodies/${encodeURIComponent(session.agencyId)}/reports/${reportYear}`}
          >
            {reportYear} 年度监督报告
          </a>
        )}
      </p>
      <ErrorNotice error={error ?? downloadError} />
      {!data && !error && <p>正在加载……</p>}
      {data && (
        <>
          <ul class="tiles" aria-label="主要指标">
            <li>
              <span class="tile-value">{data.stats.cases.registered}</span>
              <span class="tile-label">立案</span>
            </li>
            <li>
              <span class="tile-value">{data.stats.publications.decisions}</span>
              <span class="tile-label">作出决定</span>
            </li>
            <li>
              <span class="tile-value">{rate(data.stats.publications.timelinessRate)}</span>
              <span class="tile-label">按时公示率</span>
            </li>
            <li>
              <span class="tile-value">{rate(data.stats.reviews.approvalRate)}</span>
              <span class="tile-label">法制审核通过率</span>
            </li>
            <li>
              <span class="tile-value">{rate(data.stats.av.coverageRate)}</span>
              <span class="tile-label">音像记录覆盖率</span>
            </li>
            <li>
              <span class="tile-value">{data.stats.reviews.overdue}</span>
              <span class="tile-label">审核超期</span>
            </li>
          </ul>
          <Bars label="案件状态" counts={data.stats.cases.byStatus} names={caseStatusLabels} />
          <Bars label="执法类别" counts={data.stats.cases.byCategory} names={categoryLabels} />
          {data.late && (
            <section aria-labelledby="overdue">
              <h2 id="overdue">逾期事项</h2>
              {lateCount(data.late) === 0 ? (
                <p>没有逾期事项。</p>
              ) : (
                <ul class="cards">
                  {data.late.annualReport.status === 'overdue' && (
                    <li class="card">
                      <a
                        href={`/agencies/${encodeURIComponent(data.late.agencyId)}/annual-reports/${data.late.annualReport.year}`}
                      >
                        {data.late.annualReport.year} 年度数据逾期未发布（应于{' '}
                        {data.late.annualReport.year + 1}
                        年1月31日前）
                      </a>
                    </li>
                  )}
                  {data.late.publications.map((item) => (
                    <li key={item.id} class="card">
                      <Link to={`/publications/${encodeURIComponent(item.id)}`}>
                        公示逾期（应于 {item.dueBy ?? '—'} 前）
                      </Link>
                    </li>
                  ))}
                  {data.late.reviews.map((item) => (
                    <li key={item.id} class="card">
                      <Link to={`/reviews/${encodeURIComponent(item.id)}`}>
                        法制审核逾期（应于 {item.dueBy ?? '—'} 前）
                      </Link>
                    </li>
                  ))}
                  {data.late.complaints.map((item) => (
                    <li key={item.complaintId} class="card">
                      <Link to="/complaints">
                        投诉逾期未答复：{item.aboutName}（应于 {item.answerBy} 前答复）
                      </Link>
                    </li>
                  ))}
                  {data.late.rectifications.map((item) => (
                    <li key={item.opinionId} class="card">
                      <Link to={hasRole(session, 'supervisor') ? '/supervision' : '/rectification'}>
                        逾期未整改：{item.number}（应于 {item.rectifyBy} 前提交整改报告）
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
