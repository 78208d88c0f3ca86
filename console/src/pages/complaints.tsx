import { api, must } from '../api/client.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ActionForm } from '../components/action-form.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { SupervisedAgency, useSupervisedAgency } from '../components/supervised-agency.tsx';
import { complaintAboutLabels, complaintStatusLabels, date, dateTime } from '../labels.ts';
import { pageQuery, usePages } from '../use-pages.ts';

type Page = Awaited<ReturnType<typeof loadPage>>;
type Complaint = Page['items'][number];

const loadPage = (agencyId: string | undefined, cursor?: string) =>
  must(
    api.GET('/v1/complaints', {
      params: {
        query: { ...pageQuery(cursor), ...(agencyId ? { agencyId } : {}) },
      },
    }),
  );

/**
 * 投诉举报 (SUP-1): the agency's complaints, newest first, a page at a time; its unit heads,
 * leaders and admins answer them here, and a supervisor reads those of the agencies it oversees.
 */
export function Complaints({ session }: { session: Session }) {
  const supervised = useSupervisedAgency(session);
  const { agencyId } = supervised;
  const answers = hasRole(session, 'admin', 'unit-head', 'leader') && agencyId === undefined;
  const list = usePages((cursor) => loadPage(agencyId, cursor), [agencyId]);

  const answered = (complaint: Complaint) =>
    list.update((previous) =>
      previous.map((each) => (each.complaintId === complaint.complaintId ? complaint : each)),
    );

  return (
    <>
      <SupervisedAgency supervised={supervised} />
      <p class="hint">群众投诉须在答复期限内答复；逾期未答复的，监督机关在“工作概况”中看到。</p>
      <ListStatus list={list} empty="还没有收到投诉。" />
      <ul class="cards" aria-label="投诉列表">
        {(list.items ?? []).map((complaint) => (
          <li key={complaint.complaintId} class="card">
            <p class="card-title">
              投诉{complaintAboutLabels[complaint.about.kind] ?? '对象'}：{complaint.aboutName}
            </p>
            <p class="meta">
              <span class={complaint.status === 'overdue' ? 'badge badge-bad' : 'badge'}>
                {complaintStatusLabels[complaint.status] ?? '待答复'}
              </span>
              <span>收到：{dateTime(complaint.receivedAt)}</span>
              <span>答复期限：{date(complaint.answerBy)}</span>
            </p>
            <p>{complaint.text}</p>
            {complaint.contact && <p class="meta">联系方式：{complaint.contact}</p>}
            {complaint.answer ? (
              <p>
                答复（{complaint.answer.answeredByName}，{dateTime(complaint.answer.answeredAt)}）：
                {complaint.answer.text}
              </p>
            ) : (
              answers && (
                <ActionForm
                  id={`answer-${complaint.complaintId}`}
                  fields={[{ path: 'answer', label: '答复内容', kind: 'text', required: true }]}
                  submitLabel="答复投诉人"
                  onSubmit={(values) =>
                    must(
                      api.POST('/v1/complaints/{id}/answer', {
                        params: { path: { id: complaint.complaintId } },
                        body: { answer: values.answer ?? '' },
                      }),
                    )
                  }
                  onDone={answered}
                />
              )
            )}
          </li>
        ))}
      </ul>
      <MoreItems list={list} />
    </>
  );
}
