import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { SpreadsheetField, spreadsheetBody } from '../components/spreadsheet-field.tsx';
import { checklistKindLabels } from '../labels.ts';
import { navigate } from '../router.tsx';

/**
 * 导入清单 (PUB-2..PUB-6): a spreadsheet (xlsx or CSV with the Chinese headings, as exported)
 * becomes a draft; the API refuses the whole file and names each bad row and column. Another
 * person then publishes the draft.
 */
export function ChecklistImport() {
  const [kind, setKind] = useState('matters');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const draft = await must(
        api.POST('/v1/checklists/import', {
          body: {
            kind: kind as 'matters',
            title,
            ...(await spreadsheetBody(file)),
          },
        }),
      );
      navigate(`/checklists/${encodeURIComponent(draft.id)}`);
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }

  return (
    <details class="checklist-import">
      <summary>导入表格，编制新版清单</summary>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} labels={{ kind: '清单种类', title: '清单名称', content: '表格文件' }} />
        <Field name="import-kind" path="kind" label="清单种类" error={error}>
          <select
            {...describedBy('import-kind', error, false, 'kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value)}
          >
            {Object.entries(checklistKindLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="import-title" path="title" label="清单名称" error={error} required>
          <input
            {...describedBy('import-title', error, false, 'title')}
            value={title}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </Field>
        <SpreadsheetField
          name="import-file"
          label="表格文件"
          hint="Excel（.xlsx）或 CSV，表头与导出的表格相同"
          error={error}
          onFile={setFile}
        />
        <p class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? '正在导入……' : '导入为草稿'}
          </button>
        </p>
      </form>
    </details>
  );
}
