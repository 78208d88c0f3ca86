import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ActionForm } from '../components/action-form.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import {
  date,
  dateTime,
  decisionTypeLabels,
  penaltyKindLabels,
  reviewStatusLabels,
  standardLabels,
} from '../labels.ts';
import { DocumentViewer } from '../records/document-viewer.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../use-load.ts';
import { ReviewAnswers } from './review-answers.tsx';

const STANDARDS = Object.keys(standardLabels);

async function loadReview(id: string) {
  const review = await must(api.GET('/v1/reviews/{id}', { params: { path: { id } } }));
  const found = await must(api.GET('/v1/cases/{id}', { params: { path: { id: review.caseId } } }));
  return { review, found };
}

/**
 * The review workbench: the case, the proposal, the materials, and for a reviewer the seven
 * standards as a form (`POST /v1/reviews/{id}/opinions`). A refusal, e.g. a handler of the case
 * (LAW-12) or a reviewer without a legal qualification, is shown with the API's reason.
 */
export function ReviewPage({ id, session }: { id: string; session: Session }) {
  const { data, error, reload } = useLoad(() => loadReview(id), [id]);
  const [results, setResults] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [conclusion, setConclusion] = useState('');
  const [opinion, setOpinion] = useState('');
  const [sendError, setSendError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const { review, found } = data;
  const round = review.rounds[review.rounds.length - 1];
  const labels = {
    conclusion: '审核结论',
    opinion: '审核意见',
    findings: '审核标准',
    ...Object.fromEntries(
      STANDARDS.map((standard, index) => [`findings.${index}`, standardLabels[standard]]),
    ),
  };

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    setSendError(undefined);
    try {
      await must(
        api.POST('/v1/reviews/{id}/opinions', {
          params: { path: { id } },
          body: {
            findings: STANDARDS.map((standard) => ({
              standard: standard as 'procedure',
              result: results[standard] as 'pass',
              ...(notes[standard]?.trim() ? { note: notes[standard] } : {}),
            })),
            conclusion: conclusion as 'approved',
            opinion,
          },
        }),
      );
      reload();
    } catch (caught) {
      setSendError(asApiError(caught));
      window.scrollTo(0, 0);
    }
    setBusy(false);
  }

  const materials = found.records.filter((record) => round?.materials.includes(record.id));
  return (
    <>
      <ErrorNotice error={sendError} labels={labels} />
      <dl class="facts">
        <dt>案件</dt>
        <dd>
          <Link to={`/cases/${encodeURIComponent(found.id)}`}>{found.title}</Link>
        </dd>
        <dt>状态</dt>
        <dd>
          <span class="badge">{reviewStatusLabels[review.status] ?? review.status}</span>
          {review.overdue && <span class="badge badge-bad">已超期</span>}
        </dd>
        <dt>轮次</dt>
        <dd>第 {review.round} 轮</dd>
        <dt>审核期限</dt>
        <dd>
          {review.dueBy ? date(review.dueBy) : '待日历确认'}
          {review.extension &&
            `（已批准延长 ${review.extension.workingDays} 个工作日：${review.extension.reason}）`}
        </dd>
        <dt>提请时间</dt>
        <dd>{dateTime(round?.submittedAt)}</dd>
        {round?.note && (
          <>
            <dt>提请说明</dt>
            <dd>{round.note}</dd>
          </>
        )}
        {review.dispute && (
          <>
            <dt>异议理由</dt>
            <dd>{review.dispute.reason}</dd>
          </>
        )}
        {review.ruling && (
          <>
            <dt>负责人裁决</dt>
            <dd>
              {review.ruling.conclusion === 'approved' ? '异议成立，审核通过' : '维持审核意见'}：
              {review.ruling.note}（{review.ruling.byName}）
            </dd>
          </>
        )}
      </dl>

      {review.proposal && (
        <section aria-labelledby="proposal">
          <h2 id="proposal">拟作出的决定</h2>
          <dl class="facts">
            <dt>类型</dt>
            <dd>{decisionTypeLabels[review.proposal.type] ?? review.proposal.type}</dd>
            <dt>内容</dt>
            <dd>{review.proposal.summary}</dd>
            <dt>法律依据</dt>
            <dd>{review.proposal.legalBasis}</dd>
            {review.proposal.penalty && (
              <>
                <dt>处罚</dt>
                <dd>
                  {penaltyKindLabels[review.proposal.penalty.kind] ?? review.proposal.penalty.kind}
                  {review.proposal.penalty.amount !== undefined && ` ${review.proposal.penalty.amount} 元`}
                </dd>
              </>
            )}
          </dl>
        </section>
      )}

      <section aria-labelledby="materials">
        <h2 id="materials">审核材料</h2>
        <ul class="cards" aria-label="审核材料列表">
          {materials.map((record) => (
            <li key={record.id} class="card">
              <p class="card-title">{record.title}</p>
              <p class="meta">
                <span>{record.number}</span>
                <span>{dateTime(record.createdAt)}</span>
              </p>
              <DocumentViewer
                caseId={found.id}
                recordId={record.id}
                title={record.title}
                number={record.number}
              />
            </li>
          ))}
        </ul>
      </section>

      {review.rounds
        .filter((each) => each.opinion)
        .map((each) => (
          <section key={each.round} aria-label={`第 ${each.round} 轮审核意见`}>
            <h2>第 {each.round} 轮审核意见</h2>
            <div
              class={each.opinion?.conclusion === 'approved' ? 'notice notice-ok' : 'notice notice-warning'}
            >
              <p class="notice-title">
                {each.opinion?.conclusion === 'approved' ? '审核通过' : '存在问题'}（
                {each.opinion?.reviewerName}，{dateTime(each.opinion?.signedAt)}）
              </p>
              <p>{each.opinion?.opinion}</p>
              {(each.opinion?.findings ?? [])
                .filter((finding) => finding.result === 'problem')
                .map((finding) => (
                  <p key={finding.standard}>
                    {standardLabels[finding.standard] ?? finding.standard}：{finding.note}
                  </p>
                ))}
            </div>
          </section>
        ))}

      {review.status === 'pending' && !review.extension && hasRole(session, 'leader') && (
        <details class="extension">
          <summary>延长审核期限</summary>
          <ActionForm
            id={`extension-${id}`}
            fields={[
              { path: 'workingDays', label: '延长工作日数', kind: 'number', min: 1, max: 30, initial: '5' },
              { path: 'reason', label: '延长理由', kind: 'text', required: true },
            ]}
            submitLabel="批准延长"
            onSubmit={({ workingDays = '', reason = '' }) =>
              must(
                api.POST('/v1/reviews/{id}/extensions', {
                  params: { path: { id } },
                  body: { workingDays: Number(workingDays), reason },
                }),
              )
            }
            onDone={reload}
          />
        </details>
      )}

      <ReviewAnswers
        reviewId={id}
        status={review.status}
        findings={round?.opinion?.findings ?? []}
        session={session}
        onDone={reload}
      />

      {review.status === 'pending' && hasRole(session, 'reviewer') && (
        <form class="form" onSubmit={send} noValidate>
          <h2>审核意见</h2>
          {STANDARDS.map((standard, index) => (
            <fieldset key={standard}>
              <legend>{standardLabels[standard]}</legend>
              {sendError?.detailsFor(`findings.${index}`).map((detail) => (
                <p class="field-error" key={detail.path + detail.message}>
                  {detail.message}
                </p>
              ))}
              <div class="radios">
                {(standard === 'criminal-transfer'
                  ? [
                      ['pass', '不涉嫌犯罪，无需移送'],
                      ['problem', '涉嫌犯罪，应当移送'],
                    ]
                  : [
                      ['pass', '符合'],
                      ['problem', '存在问题'],
                    ]
                ).map(([value, label]) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name={`finding-${standard}`}
                      value={value}
                      checked={results[standard] === value}
                      onChange={() => setResults({ ...results, [standard]: value ?? '' })}
                    />
                    {label}
                  </label>
                ))}
              </div>
              {results[standard] === 'problem' && (
                <Field name={`findings.${index}.note`} label="问题说明" error={sendError} required>
                  <textarea
                    {...describedBy(`findings.${index}.note`, sendError)}
                    rows={2}
                    value={notes[standard] ?? ''}
                    onInput={(event) => setNotes({ ...notes, [standard]: event.currentTarget.value })}
                  />
                </Field>
              )}
            </fieldset>
          ))}
          <fieldset>
            <legend>审核结论</legend>
            {sendError?.detailsFor('conclusion').map((detail) => (
              <p class="field-error" key={detail.path + detail.message}>
                {detail.message}
              </p>
            ))}
            <div class="radios">
              {[
                ['approved', '同意（审核通过）'],
                ['problems', '存在问题，退回补正'],
              ].map(([value, label]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="conclusion"
                    value={value}
                    checked={conclusion === value}
                    onChange={() => setConclusion(value ?? '')}
                  />
                  {label}
                </label>
              ))}
            </div>
            <Field name="opinion" label="审核意见" error={sendError} required>
              <textarea
                {...describedBy('opinion', sendError)}
                rows={4}
                value={opinion}
                onInput={(event) => setOpinion(event.currentTarget.value)}
              />
            </Field>
          </fieldset>
          <p class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? '正在提交……' : '提交审核意见'}
            </button>
          </p>
        </form>
      )}
    </>
  );
}
