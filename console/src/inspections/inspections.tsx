import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { date } from '../labels.ts';
import { Link } from '../router.tsx';
import { pageQuery, usePages } from '../use-pages.ts';

export const inspectionStatusLabels: Record<string, string> = {
  'pending-approval': '待审批',
  approved: '已审批，待扫码入企',
  started: '已扫码入企',
};

const inspectionCategoryLabels: Record<string, string> = { random: '双随机抽查', targeted: '重点检查' };

export const limitExceptionLabels: Record<string, string> = {
  complaint: '投诉举报',
  clue: '违法线索',
  emergency: '突发事件',
};

/**
 * 涉企检查 (INS-1, INS-4): the agency's inspection tasks, newest first. A unit head approves the
 * tasks waiting for approval (检查必审批); an officer of an approved task scans the enterprise in
 * on site (扫码入企), and a started task leads to its case.
 */
export function Inspections({ session }: { session: Session }) {
  const list = usePages(
    (cursor) => must(api.GET('/v1/inspections', { params: { query: pageQuery(cursor) } })),
    [],
  );
  const [actionError, setActionError] = useState<ApiError>();
  const [busy, setBusy] = useState('');
  // The pages loaded so far; a unit head's waiting tasks are among them.
  const tasks = list.items ?? [];
  const pending = tasks.filter((task) => task.status === 'pending-approval');
  const mayApprove = hasRole(session, 'unit-head');
  // A unit head sees the tasks waiting for approval apart, above the others.
  const others = mayApprove ? tasks.filter((task) => task.status !== 'pending-approval') : tasks;

  async function approve(id: string) {
    setBusy(id);
    setActionError(undefined);
    try {
      await must(api.POST('/v1/inspections/{id}/approval', { params: { path: { id } } }));
      list.reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
    setBusy('');
  }

  type Task = (typeof tasks)[number];
  const card = (task: Task) => (
    <li key={task.id} class="card">
      <p class="card-title">{task.enterpriseName}</p>
      <p class="meta">
        <span class="badge">{inspectionStatusLabels[task.status] ?? task.status}</span>
        <span>{inspectionCategoryLabels[task.category] ?? task.category}</span>
        <span>检查事项：{task.itemCode}</span>
        <span>计划日期：{date(task.plannedOn)}</span>
        <span>检查人员：{task.officerNames.join('、')}</span>
        {task.jointWith && <span>联合检查</span>}
        {task.exception && <span class="badge badge-bad">例外：{limitExceptionLabels[task.exception]}</span>}
      </p>
      {task.reason && <p>检查理由：{task.reason}</p>}
      {task.status === 'pending-approval' && mayApprove && (
        <p class="actions">
          <button
            type="button"
            class="primary"
            disabled={busy !== ''}
            onClick={() => approve(task.id)}
            aria-label={`批准对${task.enterpriseName}的检查`}
          >
            批准
          </button>
        </p>
      )}
      {task.status === 'approved' && hasRole(session, 'officer') && (
        <p class="actions">
          <Link to={`/inspections/${encodeURIComponent(task.id)}/scan`} class="button primary">
            扫码入企
          </Link>
        </p>
      )}
      {task.status === 'started' && task.caseId && (
        <p class="actions">
          <Link to={`/cases/${encodeURIComponent(task.caseId)}`} class="button">
            检查案件
          </Link>
        </p>
      )}
    </li>
  );

  return (
    <>
      <ListStatus list={list} />
      <ErrorNotice error={actionError} />
      {mayApprove && list.items && (
        <section aria-labelledby="pending-inspections">
          <h2 id="pending-inspections">待审批的检查任务</h2>
          {pending.length === 0 ? (
            <p>没有待审批的检查任务。</p>
          ) : (
            <ul class="cards" aria-label="待审批的检查任务">
              {pending.map(card)}
            </ul>
          )}
        </section>
      )}
      {list.items && (
        <section aria-labelledby="all-inspections">
          <h2 id="all-inspections">检查任务</h2>
          {others.length === 0 ? (
            <p>{mayApprove ? '没有其他检查任务。' : '还没有检查任务。'}</p>
          ) : (
            <ul class="cards" aria-label="检查任务">
              {others.map(card)}
            </ul>
          )}
        </section>
      )}
      <MoreItems list={list} />
    </>
  );
}
