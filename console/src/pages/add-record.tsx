import { useState } from 'preact/hooks';
import { fieldLabels } from '../../../shared/domain/cases/field-labels.ts';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
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
 * 添加文书记录: choose a template (`GET /v1/record-types`), fill the form generated from its
 * fields' schema, `POST /v1/cases/{id}/records`; the case page then shows it with its number.
 */
export function AddRecord({ caseId }: { caseId: string }) {
  const types = useLoad(() => must(api.GET('/v1/record-types')), [], 'record-types');
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [values, setValues] = useState<FormObject>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const chosen = types.data?.items.find((item) => item.type === type);
  const schema = chosen?.fields as JsonSchema | undefined;

  function choose(event: Event) {
    const next = (event.currentTarget as HTMLSelectElement).value;
    const template = types.data?.items.find((item) => item.type === next);
    setType(next);
    setTitle(template?.label ?? '');
    setValues(template ? (emptyValue(template.fields as JsonSchema) as FormObject) : {});
    setError(undefined);
  }

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
          {types.data.items.map((item) => (
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
          {Object.entries(schema.properties ?? {}).map(([name, fieldSchema]) => (
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
