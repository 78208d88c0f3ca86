import {
  matterSourceLabels,
  matterStatusLabels,
  opinionKindLabels,
  opinionStatusLabels,
  referralKindLabels,
  referralStatusLabels,
} from '../../../shared/supervision/domain/matter-labels.ts';
import { api, must } from '../api/client.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ActionForm } from '../components/action-form.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { SupervisedAgency, useSupervisedAgency } from '../components/supervised-agency.tsx';
import { date, dateTime } from '../labels.ts';
import { DocumentViewer } from '../records/document-viewer.tsx';
import { pageQuery, usePages } from '../use-pages.ts';

type Page = Awaited<ReturnType<typeof loadPage>>;
type Matter = Page['items'][number];
type Opinion = Matter['opinions'][number];
type Referral = Matter['referrals'][number];

const loadPage = (agencyId: string | undefined, cursor?: string) =>
  must(
    api.GET('/v1/supervision/matters', {
      params: {
        query: { ...pageQuery(cursor), ...(agencyId ? { agencyId } : {}) },
      },
    }),
  );

/** Opinions that wait for the agency's report: the ones to rectify, and late once their day has passed. */
const awaitsReport = (opinion: Opinion) => ['issued', 'returned', 'overdue'].includes(opinion.status);

const badge = (status: string) => (status === 'overdue' ? 'badge badge-bad' : 'badge');

/**
 * 监督事项 (SUP-2, SUP-3): for a supervisor, the matters its body opened against the agency it
 * chose, where it opens a matter, issues opinions and accepts or returns rectification; for the
 * agency (整改), its matters, where its leader or admin reports each rectification.
 */
export function SupervisionMatters({ session }: { session: Session }) {
  const supervised = useSupervisedAgency(session);
  const { agencyId } = supervised;
  const supervises = agencyId !== undefined;
  const reports = hasRole(session, 'admin', 'leader') && !supervises;
  const list = usePages((cursor) => loadPage(agencyId, cursor), [agencyId]);

  const changed = (matter: Matter) =>
    list.update((previous) => previous.map((each) => (each.matterId === matter.matterId ? matter : each)));

  return (
    <>
      <SupervisedAgency supervised={supervised} />
      {supervises ? (
        <details class="matter-opening">
          <summary>立监督事项</summary>
          <ActionForm
            id="open-matter"
            secondary={false}
            fields={[
              { path: 'source', label: '事项来源', kind: 'choice', options: matterSourceLabels },
              {
                path: 'sourceRef',
                label: '来源编号',
                kind: 'text',
                hint: '投诉举报填投诉编号，12345热线转办填工单号',
              },
              {
                path: 'subject.practice',
                label: '监督的执法行为',
                kind: 'text',
                hint: '如：有案不立、以罚代管',
              },
              { path: 'subject.caseId', label: '涉及的案件编号', kind: 'text' },
              { path: 'facts', label: '事实和理由', kind: 'text', required: true },
            ]}
            submitLabel="立监督事项"
            onSubmit={(values) =>
              must(
                api.POST('/v1/supervision/matters', {
                  body: {
                    agencyId,
                    source: (values.source ?? 'own-finding') as Matter['source'],
                    ...(values.sourceRef ? { sourceRef: values.sourceRef } : {}),
                    subject: {
                      ...(values['subject.practice'] ? { practice: values['subject.practice'] } : {}),
                      ...(values['subject.caseId'] ? { caseId: values['subject.caseId'] } : {}),
                    },
                    facts: values.facts ?? '',
                  },
                }),
              )
            }
            onDone={(matter) => list.update((previous) => [matter, ...previous])}
          />
        </details>
      ) : (
        <p class="hint">
          监督机关制发的监督意见书、建议书须在整改期限内提交整改报告；逾期未整改的，双方在“工作概况”中看到。
        </p>
      )}
      <ListStatus list={list} empty="还没有监督事项。" />
      <ul class="cards" aria-label="监督事项列表">
        {(list.items ?? []).map((matter) => (
          <li key={matter.matterId} class="card">
            <p class="card-title">
              {matterSourceLabels[matter.source] ?? '监督事项'}：
              {matter.subject.practice ??
                (matter.subject.caseId
                  ? `案件“${matter.subject.caseTitle ?? '（未记名称）'}”`
                  : matter.agencyName)}
            </p>
            <p class="meta">
              <span class={badge(matter.status)}>{matterStatusLabels[matter.status] ?? '办理中'}</span>
              <span>
                {supervises ? `被监督机关：${matter.agencyName}` : `监督机关：${matter.supervisorName}`}
              </span>
              <span>立项：{dateTime(matter.openedAt)}</span>
              {matter.sourceRef && <span>来源编号：{matter.sourceRef}</span>}
            </p>
            <p>{matter.facts}</p>
            {matter.opinions.map((opinion) => (
              <OpinionCard
                key={opinion.opinionId}
                opinion={opinion}
                answers={supervises}
                reports={reports}
                onChanged={changed}
              />
            ))}
            {matter.referrals.map((referral) => (
              <ReferralCard key={referral.referralId} referral={referral} supervises={supervises} />
            ))}
            {supervises &&
              matter.status === 'open' &&
              matter.subject.caseId &&
              !matter.referrals.some((referral) => referral.status !== 'done') && (
                <details class="referral-making">
                  <summary>移送纠正</summary>
                  <ActionForm
                    id={`referral-${matter.matterId}`}
                    fields={[
                      { path: 'kind', label: '移送方式', kind: 'choice', options: referralKindLabels },
                      { path: 'reason', label: '决定违法的理由', kind: 'text', required: true },
                      { path: 'ruleBroken', label: '违反的规定', kind: 'text', required: true },
                      { path: 'correctBy', label: '纠正期限', kind: 'date', required: true },
                    ]}
                    submitLabel="移送纠正"
                    onSubmit={(values) =>
                      must(
                        api.POST('/v1/supervision/matters/{id}/referrals', {
                          params: { path: { id: matter.matterId } },
                          body: {
                            kind: (values.kind ?? 'correction') as Referral['kind'],
                            reason: values.reason ?? '',
                            ruleBroken: values.ruleBroken ?? '',
                            correctBy: values.correctBy ?? '',
                          },
                        }),
                      )
                    }
                    onDone={changed}
                  />
                </details>
              )}
            {supervises && matter.status === 'open' && (
              <details class="opinion-issuing">
                <summary>制发监督文书</summary>
                <ActionForm
                  id={`opinion-${matter.matterId}`}
                  fields={[
                    { path: 'kind', label: '文书种类', kind: 'choice', options: opinionKindLabels },
                    { path: 'facts', label: '查明的事实', kind: 'text' },
                    { path: 'ruleBroken', label: '违反的规定', kind: 'text', required: true },
                    { path: 'demand', label: '整改要求', kind: 'text' },
                    { path: 'rectifyBy', label: '整改期限', kind: 'date', required: true },
                  ]}
                  submitLabel="制发监督文书"
                  onSubmit={(values) =>
                    must(
                      api.POST('/v1/supervision/matters/{id}/opinions', {
                        params: { path: { id: matter.matterId } },
                        body: {
                          kind: (values.kind ?? 'opinion') as Opinion['kind'],
                          ...(values.facts ? { facts: values.facts } : {}),
                          ruleBroken: values.ruleBroken ?? '',
                          ...(values.demand ? { demand: values.demand } : {}),
                          rectifyBy: values.rectifyBy ?? '',
                        },
                      }),
                    )
                  }
                  onDone={changed}
                />
              </details>
            )}
          </li>
        ))}
      </ul>
      <MoreItems list={list} />
    </>
  );
}

/**
 * A decision referred for correction (SUP-3): open until the agency revokes the decision on the
 * case's page, which does it whether the revocation names it or not.
 */
function ReferralCard({ referral, supervises }: { referral: Referral; supervises: boolean }) {
  return (
    <section
      class="referral"
      aria-label={`${referralKindLabels[referral.kind] ?? '移送纠正'} ${referral.decisionNumber ?? ''}`}
    >
      <p class="card-title">
        {referralKindLabels[referral.kind] ?? '移送纠正'}
        {referral.decisionNumber ? `：${referral.decisionNumber}` : ''}
      </p>
      <p class="meta">
        <span class={badge(referral.status)}>{referralStatusLabels[referral.status] ?? '待纠正'}</span>
        <span>纠正期限：{date(referral.correctBy)}</span>
        <span>移送：{referral.referredByName}</span>
      </p>
      <p>理由：{referral.reason}</p>
      <p>违反的规定：{referral.ruleBroken}</p>
      {referral.done ? (
        <p>
          {referral.done.byName}于{date(referral.done.effectiveOn)}撤回原决定（{dateTime(referral.done.at)}
          登记）。
        </p>
      ) : (
        !supervises && <p class="hint">请在案件页“决定被变更或撤销”中撤回该决定；撤回后本移送即办结。</p>
      )}
    </section>
  );
}

/** One supervision document with its reports and answers, and the form the reader may act on. */
function OpinionCard({
  opinion,
  answers,
  reports,
  onChanged,
}: {
  opinion: Opinion;
  answers: boolean;
  reports: boolean;
  onChanged: (matter: Matter) => void;
}) {
  return (
    <section class="opinion" aria-label={opinion.number}>
      <h2>
        {opinionKindLabels[opinion.kind] ?? '监督文书'} {opinion.number}
      </h2>
      <p class="meta">
        <span class={badge(opinion.status)}>{opinionStatusLabels[opinion.status] ?? '待整改'}</span>
        <span>整改期限：{date(opinion.rectifyBy)}</span>
        <span>制发：{opinion.issuedByName}</span>
      </p>
      {opinion.facts && <p>事实：{opinion.facts}</p>}
      <p>违反的规定：{opinion.ruleBroken}</p>
      {opinion.demand && <p>整改要求：{opinion.demand}</p>}
      <DocumentViewer
        opinionId={opinion.opinionId}
        title={opinionKindLabels[opinion.kind] ?? '监督文书'}
        number={opinion.number}
      />
      {opinion.rectifications.map((rectification, index) => (
        <div key={rectification.reportedAt}>
          <p>
            整改报告（{rectification.reportedByName}，{dateTime(rectification.reportedAt)}）：
            {rectification.report}
          </p>
          {rectification.attachments.length > 0 && (
            <p class="meta">附件：{rectification.attachments.join('、')}</p>
          )}
          {opinion.acceptances[index] && (
            <p>
              {opinion.acceptances[index].accepted ? '验收通过' : '退回重新整改'}（
              {opinion.acceptances[index].byName}，{dateTime(opinion.acceptances[index].at)}）：
              {opinion.acceptances[index].note}
            </p>
          )}
        </div>
      ))}
      {reports && awaitsReport(opinion) && (
        <ActionForm
          id={`rectification-${opinion.opinionId}`}
          fields={[
            { path: 'report', label: '整改报告', kind: 'text', required: true },
            { path: 'attachments', label: '附件名称', kind: 'text', hint: '多个附件用顿号或逗号分开' },
          ]}
          submitLabel="提交整改报告"
          onSubmit={(values) =>
            must(
              api.POST('/v1/supervision/opinions/{id}/rectification', {
                params: { path: { id: opinion.opinionId } },
                body: {
                  report: values.report ?? '',
                  ...(values.attachments
                    ? {
                        attachments: values.attachments
                          .split(/[、,，]/)
                          .map((each) => each.trim())
                          .filter((each) => each !== ''),
                      }
                    : {}),
                },
              }),
            )
          }
          onDone={onChanged}
        />
      )}
      {answers && opinion.status === 'reported' && (
        <ActionForm
          id={`acceptance-${opinion.opinionId}`}
          fields={[
            {
              path: 'accepted',
              label: '验收结论',
              kind: 'choice',
              options: { true: '通过验收', false: '退回重新整改' },
            },
            { path: 'note', label: '验收意见', kind: 'text', required: true },
          ]}
          submitLabel="提交验收意见"
          onSubmit={(values) =>
            must(
              api.POST('/v1/supervision/opinions/{id}/acceptance', {
                params: { path: { id: opinion.opinionId } },
                body: { accepted: values.accepted === 'true', note: values.note ?? '' },
              }),
            )
          }
          onDone={onChanged}
        />
      )}
    </section>
  );
}
