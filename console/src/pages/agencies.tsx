import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { ActionForm } from '../components/action-form.tsx';
import { ListStatus, MoreItems } from '../components/paged-list.tsx';
import { pageQuery, usePages } from '../use-pages.ts';

/** Agency codes as people type them: separated by commas (either width), 、 or spaces. */
const agencyIds = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);

/**
 * Who supervises the agency, and 变更监督机关 (ORG-4): the bodies, replaced as a whole; a body
 * left out reads nothing of the agency from then on.
 */
function Supervisors({ agency }: { agency: { agencyId: string; name: string; supervisedBy?: string[] } }) {
  const [current, setCurrent] = useState(agency.supervisedBy ?? []);
  return (
    <>
      <p class="meta">
        <span>监督机关 {current.join('、')}</span>
      </p>
      <details class="agency-supervisors">
        <summary>变更监督机关</summary>
        <ActionForm
          id={`supervisors-${agency.agencyId}`}
          fields={[
            {
              path: 'supervisedBy',
              label: '监督机关代码',
              kind: 'text',
              required: true,
              hint: '填写全部监督机关，多个用逗号分隔；未列入的机关即不再监督本机关',
            },
          ]}
          submitLabel="保存监督机关"
          secondary={false}
          onSubmit={(values) =>
            must(
              api.PUT('/v1/agencies/{agencyId}/supervised-by', {
                params: { path: { agencyId: agency.agencyId } },
                body: { supervisedBy: agencyIds(values.supervisedBy) },
              }),
            )
          }
          onDone={(changed) => setCurrent(changed.supervisedBy ?? [])}
          result={(changed) => (
            <p class="notice notice-ok">
              {changed.name}的监督机关已变更为{(changed.supervisedBy ?? []).join('、')}。
            </p>
          )}
        />
      </details>
    </>
  );
}

/** 新建执法机关 (ORG-6): the agency, who supervises it, and its first administrator's account. */
function CreateAgency({ onCreated }: { onCreated: () => void }) {
  return (
    <details class="agency-creation">
      <summary>新建执法机关</summary>
      <ActionForm
        id="agency"
        fields={[
          { path: 'name', label: '机关名称', kind: 'text', required: true, hint: '如：昌宁县市场监督管理局' },
          {
            path: 'agencyId',
            label: '机关代码',
            kind: 'text',
            required: true,
            hint: '小写字母、数字和连字符，如 changning-scjgj；建立后不能修改',
          },
          { path: 'subjectListItem', label: '执法主体清单条目', kind: 'text' },
          {
            path: 'supervisedBy',
            label: '监督机关代码',
            kind: 'text',
            required: true,
            hint: '如县司法局的机关代码；多个用逗号分隔',
          },
          { path: 'firstAdmin.name', label: '首位管理员姓名', kind: 'text', required: true },
          { path: 'firstAdmin.phone', label: '首位管理员手机号码', kind: 'text' },
          { path: 'firstAdmin.email', label: '首位管理员电子邮箱', kind: 'text' },
        ]}
        submitLabel="新建机关"
        secondary={false}
        onSubmit={(values) =>
          must(
            api.POST('/v1/agencies', {
              body: {
                agencyId: values.agencyId ?? '',
                name: values.name ?? '',
                ...(values.subjectListItem ? { subjectListItem: values.subjectListItem } : {}),
                supervisedBy: agencyIds(values.supervisedBy),
                firstAdmin: {
                  name: values['firstAdmin.name'] ?? '',
                  ...(values['firstAdmin.phone'] ? { phone: values['firstAdmin.phone'] } : {}),
                  ...(values['firstAdmin.email'] ? { email: values['firstAdmin.email'] } : {}),
                },
              },
            }),
          )
        }
        onDone={onCreated}
        result={(created) => (
          <p class="notice notice-ok">
            已新建{created.name}，首位管理员{created.firstAdmin.name}的账号已开设。
          </p>
        )}
      />
    </details>
  );
}

/** 机构管理 (ORG-6): every agency of the platform by name, a page at a time, and a new one. */
export function Agencies() {
  const list = usePages(
    (cursor) => must(api.GET('/v1/agencies', { params: { query: pageQuery(cursor) } })),
    [],
  );
  return (
    <>
      <CreateAgency onCreated={list.reload} />
      <h2>执法机关</h2>
      <ListStatus list={list} empty="还没有执法机关。" />
      <ul class="cards" aria-label="执法机关列表">
        {(list.items ?? []).map((agency) => (
          <li key={agency.agencyId} class="card">
            <p class="card-title">{agency.name}</p>
            <p class="meta">
              <span>机关代码 {agency.agencyId}</span>
            </p>
            <Supervisors agency={agency} />
          </li>
        ))}
      </ul>
      <MoreItems list={list} />
    </>
  );
}
