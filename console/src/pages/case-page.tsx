import { useEffect } from 'preact/hooks';
import { withdrawalLabels } from '../../../shared/publicity/domain/withdrawal.ts';
import { api, must } from '../api/client.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { EvidenceRetrieval } from '../evidence/evidence-retrieval.tsx';
import { EvidenceUpload } from '../evidence/evidence-upload.tsx';
import {
  activityStatusLabels,
  activityTypeLabels,
  avGapLabels,
  caseStatusLabels,
  categoryLabels,
  date,
  dateTime,
  evidenceStatusLabels,
  flagLabels,
  partyKindLabels,
  procedureLabels,
  stepStatusLabels,
} from '../labels.ts';
import { allOfficers } from '../officers.ts';
import { OfflineNotice } from '../offline/offline-notice.tsx';
import { OutboxList } from '../offline/outbox-list.tsx';
import { DocumentViewer } from '../records/document-viewer.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../use-load.ts';
import { CaseMoves } from './case-moves.tsx';
import { CompleteActivity } from './complete-activity.tsx';
import { RevokeDecision } from './revoke-decision.tsx';

const STEP_MARKS: Record<string, string> = { done: '✓', missing: '✗', waiting: '…' };

/**
 * One case (`GET /v1/cases/{id}`): what it is, its procedure steps as a checklist (done or
 * missing before a decision, LAW-10, LAW-11), AV gaps, activities and records.
 */
export function CasePage({
  id,
  session,
  onTitle,
}: {
  id: string;
  session: Session;
  onTitle: (title: string) => void;
}) {
  const { data, error, reload, offlineSince } = useLoad(
    async () => {
      const [found, officers] = await Promise.all([
        must(api.GET('/v1/cases/{id}', { params: { path: { id } } })),
        allOfficers().catch(() => ({ items: [] })),
      ]);
      const names = new Map(officers.items.map((officer) => [officer.certificateNo, officer.name]));
      const officerChoices = found.officers.map((no) => ({
        certificateNo: no,
        label: names.has(no) ? `${names.get(no)}（${no}）` : no,
      }));
      return { ...found, officerChoices, officerNames: officerChoices.map((choice) => choice.label) };
    },
    [id],
    `case:${id}`,
  );
  // The title from the answer, whether it came from the server or, offline, from the device.
  useEffect(() => {
    if (data) onTitle(data.title);
  }, [data?.title]);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const flags = Object.entries(data.flags)
    .filter(([, on]) => on)
    .map(([flag]) => flagLabels[flag] ?? flag);
  const done = data.steps.filter((step) => step.status === 'done').length;
  const handles = hasRole(session, 'officer', 'unit-head', 'admin');
  const path = `/cases/${encodeURIComponent(id)}`;
  return (
    <>
      <OfflineNotice since={offlineSince} />
      <OutboxList caseId={id} onSent={reload} />
      <dl class="facts">
        <dt>状态</dt>
        <dd>
          <span class={`badge status-${data.status}`}>{caseStatusLabels[data.status] ?? data.status}</span>
        </dd>
        <dt>类别</dt>
        <dd>
          {categoryLabels[data.category] ?? data.category} ·{' '}
          {procedureLabels[data.procedure] ?? data.procedure}
        </dd>
        {data.matterId && (
          <>
            <dt>执法事项</dt>
            <dd>{data.matterId}</dd>
          </>
        )}
        <dt>当事人</dt>
        <dd>
          {data.party.name}（{partyKindLabels[data.party.kind] ?? data.party.kind}）
        </dd>
        <dt>执法人员</dt>
        <dd>{data.officerNames.join('、')}</dd>
        <dt>立案时间</dt>
        <dd>{dateTime(data.createdAt)}</dd>
        {flags.length > 0 && (
          <>
            <dt>案件情形</dt>
            <dd>{flags.join('、')}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="steps">
        <h2 id="steps">办案程序</h2>
        <p class="hint">
          {data.procedureName}：已完成 {done} 项，共 {data.steps.length} 项。作出决定前须全部完成。
        </p>
        <ul class="checklist">
          {data.steps.map((step) => (
            <li key={step.step} class={`step step-${step.status}`}>
              <span class="step-mark" aria-hidden="true">
                {STEP_MARKS[step.status] ?? '·'}
              </span>
              <span class="step-text">
                <strong>{step.label}</strong>
                <span class="step-status">{stepStatusLabels[step.status] ?? step.status}</span>
                {step.detail && <span class="step-detail">{step.detail}</span>}
              </span>
            </li>
          ))}
        </ul>
        {data.avGaps.length > 0 && (
          <div class="notice notice-warning">
            <p class="notice-title">
              {data.avGaps.every((gap) => gap.reason === 'open-av-archived')
                ? '执法活动尚未完成'
                : '音像记录缺失'}
            </p>
            <ul>
              {data.avGaps.map((gap) => (
                <li key={gap.activityId}>
                  {activityTypeLabels[gap.activityType] ?? gap.activityType}：
                  {avGapLabels[gap.reason] ?? gap.reason}
                  {gap.requirement === 'full-process-av' ? '（须全过程音像记录）' : '（须音像记录）'}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {handles && (
        <>
          <CaseMoves caseId={id} status={data.status} onMoved={reload} />
          <section aria-labelledby="decide">
            <h2 id="decide">审核与决定</h2>
            {(data.reviewIds ?? []).length > 0 && (
              <p>
                法制审核：
                {(data.reviewIds ?? []).map((reviewId, index) => (
                  <Link key={reviewId} to={`/reviews/${encodeURIComponent(reviewId)}`}>
                    第 {index + 1} 次审核
                  </Link>
                ))}
              </p>
            )}
            {data.decision ? (
              <>
                <p>
                  已于 {date(data.decision.decidedOn)} 作出决定：{data.decision.summary}
                </p>
                {data.decision.document && <p>决定书文号：{data.decision.document.number}</p>}
                {data.status === 'decided' && data.decision.document && handles && (
                  <p class="button-row">
                    <Link
                      to={`${path}/records/new?type=service-receipt&document=${encodeURIComponent(data.decision.document.recordId)}`}
                      class="button primary"
                    >
                      送达决定书（制作送达回证）
                    </Link>
                  </p>
                )}
                {data.decision.revocationKind && (
                  <p class="notice notice-warning">
                    {withdrawalLabels[data.decision.revocationKind]}
                    {data.decision.revokedAt ? `（${dateTime(data.decision.revokedAt)}）` : ''}，公示已撤回。
                  </p>
                )}
                {hasRole(session, 'unit-head', 'admin') && (
                  <p>
                    <Link to={`/publications/${encodeURIComponent(data.decision.publicationId)}`}>
                      查看公示
                    </Link>
                  </p>
                )}
                {!data.decision.revocationKind && <RevokeDecision caseId={id} onRevoked={reload} />}
              </>
            ) : (
              <p class="button-row">
                <Link to={`${path}/reviews/new`} class="button">
                  提请法制审核
                </Link>
                <Link to={`${path}/decision/new`} class="button">
                  作出决定
                </Link>
              </p>
            )}
          </section>
        </>
      )}

      <section aria-labelledby="records">
        <h2 id="records">文书记录</h2>
        {handles && (
          <p class="actions">
            <Link to={`${path}/records/new`} class="button primary">
              添加文书记录
            </Link>
          </p>
        )}
        {data.records.length === 0 ? (
          <p>还没有文书记录。</p>
        ) : (
          <ul class="cards" aria-label="文书记录列表">
            {data.records.map((record) => (
              <li key={record.id} class="card">
                <p class="card-title">{record.title}</p>
                <p class="meta">
                  <span>{record.number}</span>
                  <span>{dateTime(record.createdAt)}</span>
                </p>
                <p class="hash">SHA-256 {record.sha256}</p>
                <DocumentViewer
                  caseId={id}
                  recordId={record.id}
                  title={record.title}
                  number={record.number}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activities">
        <h2 id="activities">执法活动</h2>
        {handles && (
          <p class="actions">
            <Link to={`${path}/activities/new`} class="button">
              记录执法活动
            </Link>
          </p>
        )}
        {data.activities.length === 0 ? (
          <p>还没有执法活动。</p>
        ) : (
          <ul class="cards" aria-label="执法活动列表">
            {data.activities.map((activity) => (
              <li key={activity.id} class="card">
                <p class="card-title">{activityTypeLabels[activity.type] ?? activity.type}</p>
                <p class="meta">
                  <span>{activityStatusLabels[activity.status ?? ''] ?? activity.status}</span>
                  {activity.location && <span>{activity.location}</span>}
                  <span>{dateTime(activity.startedAt)}</span>
                </p>
                {data.evidence
                  .filter((item) => item.activityId === activity.id)
                  .map((item) => (
                    <div key={item.id} class="evidence">
                      <span class={`badge evidence-${item.status}`}>
                        {evidenceStatusLabels[item.status] ?? item.status}
                      </span>{' '}
                      {item.fileName}
                      <span class="hash">SHA-256 {item.sha256}</span>
                      {item.status === 'archived' && (
                        <EvidenceRetrieval evidenceId={item.id} fileName={item.fileName} />
                      )}
                    </div>
                  ))}
                {handles && activity.status === 'open' && (
                  <EvidenceUpload
                    caseId={id}
                    activityId={activity.id}
                    officers={data.officerChoices.filter((choice) =>
                      activity.officers.includes(choice.certificateNo),
                    )}
                    location={activity.location}
                    onArchived={reload}
                  />
                )}
                {handles && activity.status === 'open' && (
                  <CompleteActivity
                    key={data.evidence.filter((item) => item.activityId === activity.id).length}
                    caseId={id}
                    activityId={activity.id}
                    informing={activity.informing}
                    onCompleted={reload}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
