import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { date, penaltyKindLabels, publicationStatusLabels } from '../labels.ts';
import { useLoad } from '../use-load.ts';

/**
 * One decision's publication: the record exactly as the public will see it, the passages that
 * look like personal data marked (`GET /v1/publications/{id}/preview`), and, for a unit head or
 * administrator, 审查确认 and 立即公示 (PUB-1, PUB-12).
 */
export function PublicationPage({ id, session }: { id: string; session: Session }) {
  const { data, error, reload } = useLoad(
    () => must(api.GET('/v1/publications/{id}/preview', { params: { path: { id } } })),
    [id],
  );
  const [actionError, setActionError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  async function act(step: 'confirmation' | 'publish') {
    setBusy(true);
    setActionError(undefined);
    try {
      if (step === 'confirmation') {
        await must(api.POST('/v1/publications/{id}/confirmation', { params: { path: { id } } }));
        setConfirmed(true);
      } else await must(api.POST('/v1/publications/{id}/publish', { params: { path: { id } } }));
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
    setBusy(false);
  }

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const { publication, record, flags } = data;
  const open = ['scheduled', 'overdue', 'deadline-unconfirmed'].includes(publication.status);
  const mayPublish = hasRole(session, 'unit-head', 'admin');
  return (
    <>
      <ErrorNotice error={actionError} />
      <dl class="facts">
        <dt>公示状态</dt>
        <dd>
          <span class="badge">{publicationStatusLabels[publication.status] ?? publication.status}</span>
        </dd>
        <dt>公示期限</dt>
        <dd>{publication.dueBy ? date(publication.dueBy) : '待日历确认'}</dd>
      </dl>
      {flags.length > 0 && (
        <div class="notice notice-warning">
          <p class="notice-title">以下内容疑似个人信息，请核对：</p>
          <ul>
            {flags.map((flag) => (
              <li key={`${flag.field}:${flag.text}`}>
                {flag.label}：{flag.text}（{flag.action}）
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="public-record">
        <h2 id="public-record">公示内容预览</h2>
        <dl class="facts">
          <dt>执法机关</dt>
          <dd>{record.agencyName}</dd>
          {record.documentNo && (
            <>
              <dt>决定书文号</dt>
              <dd>{record.documentNo}</dd>
            </>
          )}
          <dt>当事人</dt>
          <dd>{record.party?.name}</dd>
          <dt>类别</dt>
          <dd>{record.categoryName ?? record.category}</dd>
          <dt>决定内容</dt>
          <dd>{record.conclusion}</dd>
          <dt>法律依据</dt>
          <dd>{record.legalBasis}</dd>
          {record.penalty && (
            <>
              <dt>处罚</dt>
              <dd>
                {penaltyKindLabels[record.penalty.kind] ?? record.penalty.kind}
                {record.penalty.amount !== undefined && ` ${record.penalty.amount} 元`}
              </dd>
            </>
          )}
          <dt>决定日期</dt>
          <dd>{date(record.decidedOn)}</dd>
        </dl>
      </section>
      {open && mayPublish && (
        <p class="button-row">
          {confirmed && <span class="badge evidence-archived">已审查确认</span>}
          {publication.requiresConfirmation && !confirmed && (
            <button type="button" class="secondary" disabled={busy} onClick={() => act('confirmation')}>
              审查确认
            </button>
          )}
          <button type="button" class="primary" disabled={busy} onClick={() => act('publish')}>
            立即公示
          </button>
        </p>
      )}
    </>
  );
}
