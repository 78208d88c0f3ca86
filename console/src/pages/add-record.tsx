import { useEffect, useState } from 'preact/hooks';
import { fieldLabels } from '../../../shared/recording/domain/field-labels.ts';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { dateTime } from '../labels.ts';
import { OfflineNotice } from '../offline/offline-notice.tsx';
import { sendOrKeep } from '../offline/outbox.ts';
import { SchemaField } from '../records/schema-form.tsx';
import { emptyValue, type FormObject, type JsonSchema, toFields } from '../records/schema-values.ts';
import { navigate } from '../router.tsx';
import { useLoad } from '../use-load.ts';

const errorLabels = {
  type: '文书种类',
  title: '标题',
  ...Object.fromEntries(Object.entries(fieldLabels).map(([name, label]) => [`fields.${name}`, label])),
};

/**
 * The fields that name what a record is about, chosen from the case, not typed: the document
 * served, and the service activity whose AV records service on site (REC-4).
 */
const CHOSEN_FIELDS = ['documentId', 'documentNumber', 'activityId'];
/** Service on site, which is a service activity with its AV. */
const ON_SITE_SERVICE = ['direct', 'left'];

/** Fields a receipt asks for only with its method of service: the postal number, the electronic record. */
const SHOWN_WITH_METHOD: Record<string, string> = {
  trackingNumber: 'mail',
  deliveryRecord: 'electronic',
  partyConsent: 'electronic',
};
const shown = (name: string, values: FormObject) =>
  !CHOSEN_FIELDS.includes(name) &&
  (SHOWN_WITH_METHOD[name] === undefined || values.method === SHOWN_WITH_METHOD[name]);

/**
 * 添加文书记录: choose a template (`GET /v1/record-types`; a 决定书 is made by the decision, not
 * here), fill the form generated from its fields' schema, `POST /v1/cases/{id}/records`; the case
 * page then shows it with its number. A service receipt chooses the document it serves from the
 * case's documents; `?type=service-receipt&document={recordId}` opens it for that document.
 */
export function AddRecord({ caseId }: { caseId: string }) {
  const types = useLoad(() => must(api.GET('/v1/record-types')), [], 'record-types');
  const documents = useLoad(
    () => must(api.GET('/v1/cases/{id}/records', { params: { path: { id: caseId } } })),
    [caseId],
    `records:${caseId}`,
  );
  const found = useLoad(
    () => must(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } })),
    [caseId],
    `case-activities:${caseId}`,
  );
  const serviceActivities = (found.data?.activities ?? []).filter((activity) => activity.type === 'service');
  const archived = new Set(
    (found.data?.evidence ?? []).filter((item) => item.status === 'archived').map((item) => item.activityId),
  );
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [values, setValues] = useState<FormObject>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  // An inspection case has one 审批表, most often the one its scan wrote from the task (INS-6).
  const hasApprovalForm = (documents.data?.items ?? []).some((item) => item.type === 'inspection-approval');
  const chosen = types.data?.items.find((item) => item.type === type);
  const schema = chosen?.fields as JsonSchema | undefined;

  function start(next: string, preset: FormObject = {}) {
    const template = types.data?.items.find((item) => item.type === next);
    setType(next);
    setTitle(template?.label ?? '');
    setValues(template ? { ...(emptyValue(template.fields as JsonSchema) as FormObject), ...preset } : {});
    setError(undefined);
  }

  const choose = (event: Event) => start((event.currentTarget as HTMLSelectElement).value);

  // Opened for one document (送达决定书): that template, that document.
  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const wanted = query.get('type');
    if (types.data && wanted && type === '') {
      const document = query.get('document');
      start(wanted, document ? { documentId: document } : {});
    }
  }, [types.data]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!schema) return;
    setBusy(true);
    setError(undefined);
    try {
      await sendOrKeep({
        caseId,
        path: '/v1/cases/{id}/records',
        label: title.trim() || (chosen?.label ?? '文书'),
        body: { type, title, fields: toFields(schema, values) as Record<string, unknown> },
      });
      navigate(`/cases/${encodeURIComponent(caseId)}`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
      window.scrollTo(0, 0);
    }
  }

  if (types.error) return <ErrorNotice error={types.error} />;
  if (!types.data) return <p>正在加载文书模板……</p>;
  return (
    <form class="form" onSubmit={submit} noValidate>
      <OfflineNotice since={types.offlineSince} />
      <ErrorNotice error={error} labels={errorLabels} />
      <Field name="type" label="文书种类" error={error} required>
        <select {...describedBy('type', error)} value={type} onChange={choose}>
          <option value="">（请选择）</option>
          {types.data.items
            .filter(
              (item) => !item.madeByDecision && !(item.type === 'inspection-approval' && hasApprovalForm),
            )
            .map((item) => (
              <option key={item.type} value={item.type}>
                {item.label}
              </option>
            ))}
        </select>
      </Field>
      {schema && (
        <>
          <Field name="title" label="标题" error={error} required>
            <input
              {...describedBy('title', error)}
              value={title}
              onInput={(event) => setTitle(event.currentTarget.value)}
            />
          </Field>
          {schema.properties?.documentId && (
            <Field name="fields.documentId" label="送达的文书" error={error} required>
              <select
                {...describedBy('fields.documentId', error)}
                value={String(values.documentId ?? '')}
                onChange={(event) => setValues({ ...values, documentId: event.currentTarget.value })}
              >
                <option value="">（请选择本案的文书）</option>
                {(documents.data?.items ?? [])
                  .filter((document) => document.type !== 'service-receipt')
                  .map((document) => (
                    <option key={document.id} value={document.id}>
                      {document.title} {document.number}
                    </option>
                  ))}
              </select>
            </Field>
          )}
          {schema.properties?.activityId && ON_SITE_SERVICE.includes(String(values.method ?? '')) && (
            <Field
              name="fields.activityId"
              label="送达活动（音像记录）"
              hint="直接送达、留置送达须有送达活动的音像记录：先在案件中记录送达活动并上传录像，再在此选择。"
              error={error}
              required
            >
              <select
                {...describedBy('fields.activityId', error)}
                value={String(values.activityId ?? '')}
                onChange={(event) => setValues({ ...values, activityId: event.currentTarget.value })}
              >
                <option value="">（请选择本案的送达活动）</option>
                {serviceActivities.map((activity) => (
                  <option key={activity.id} value={activity.id}>
                    {dateTime(activity.startedAt)} {activity.location ?? ''}
                    {archived.has(activity.id) ? '（录像已归档）' : '（尚无已归档录像）'}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {Object.entries(schema.properties ?? {})
            .filter(([name]) => shown(name, values))
            .map(([name, fieldSchema]) => (
              <SchemaField
                key={`${type}.${name}`}
                schema={fieldSchema}
                path={`fields.${name}`}
                name={name}
                value={values[name] ?? ''}
                required={schema.required?.includes(name) ?? false}
                error={error}
                onChange={(next) => setValues({ ...values, [name]: next })}
              />
            ))}
          <p class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? '正在保存……' : '保存文书记录'}
            </button>
          </p>
        </>
      )}
    </form>
  );
}
