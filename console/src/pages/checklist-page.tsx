import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { differences } from '../checklists/differences.ts';
import { DateInput } from '../components/date-input.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { categoryLabels, checklistKindLabels, checklistStatus, date, today } from '../labels.ts';
import { readDate } from '../typed-dates.ts';
import { useLoad } from '../use-load.ts';

/** The Chinese names of the items' fields (the CSV headings of local/demo/*.csv). */
const ITEM_LABELS: Record<string, string> = {
  code: '编码',
  category: '执法类别',
  name: '名称',
  legalBasis: '执法依据',
  discretionBenchmark: '裁量基准',
  unit: '承办机构',
  timeLimit: '办理时限',
};

const CHANGE_LABELS = { added: '新增', removed: '删除', changed: '修改' } as const;

/** 与现行版本的差异: what publishing this draft adds, removes and changes, item by item. */
function ChecklistDifferences({
  before,
  after,
  edition,
}: {
  before: Record<string, unknown>[];
  after: Record<string, unknown>[];
  edition: number | undefined;
}) {
  const changes = differences(before, after);
  return (
    <section aria-labelledby="differences">
      <h2 id="differences">{edition ? `与现行第 ${edition} 版的差异` : '首次发布'}</h2>
      {edition && changes.length === 0 && <p>与现行版本相同。</p>}
      {edition && changes.length > 0 && (
        <ul class="cards" aria-label="差异">
          {changes.map((change) => (
            <li key={change.code} class={`card change-${change.change}`}>
              <p class="card-title">
                <span class={`badge change-${change.change}`}>{CHANGE_LABELS[change.change]}</span>{' '}
                {change.code} {change.name}
              </p>
              {change.fields.length > 0 && (
                <p class="meta">
                  修改了：{change.fields.map((field) => ITEM_LABELS[field] ?? field).join('、')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One list: its items, the spreadsheet to download (`GET /v1/checklists/{id}/export`), and for a
 * draft, publication by a unit head or administrator who did not write it (PUB-1, PUB-4); the
 * author is refused with the API's reason.
 */
export function ChecklistPage({ id, session }: { id: string; session: Session }) {
  const { data, error, reload } = useLoad(async () => {
    const list = await must(api.GET('/v1/checklists/{id}', { params: { path: { id } } }));
    if (list.status !== 'draft') return { ...list, inForce: undefined };
    // A draft is published against the edition in force: the publisher sees what it changes.
    const published = await must(
      api.GET('/v1/checklists', { params: { query: { kind: list.kind, status: 'published' } } }),
    );
    // The edition in force, not one published to take effect later.
    const current = published.items.find((each) => (each.effectiveFrom ?? '') <= today());
    const inForce = current
      ? await must(api.GET('/v1/checklists/{id}', { params: { path: { id: current.id } } }))
      : undefined;
    return { ...list, inForce };
  }, [id]);
  const [actionError, setActionError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [effectiveFrom, setEffectiveFrom] = useState(today());

  async function publish() {
    if (!data) return;
    setBusy(true);
    setActionError(undefined);
    try {
      await must(
        api.POST('/v1/checklists/{id}/publish', {
          params: { path: { id } },
          body: { expectedVersion: data.version, effectiveFrom: readDate(effectiveFrom) ?? effectiveFrom },
        }),
      );
      setConfirming(false);
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
    setBusy(false);
  }

  async function download() {
    if (!data) return;
    setActionError(undefined);
    try {
      const blob = await must(
        api.GET('/v1/checklists/{id}/export', { params: { path: { id } }, parseAs: 'blob' }),
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob as Blob);
      link.download = `${data.title}.xlsx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  const items = data.items as Record<string, unknown>[];
  return (
    <>
      <ErrorNotice error={actionError} labels={{ effectiveFrom: '施行日期' }} />
      <dl class="facts">
        <dt>清单</dt>
        <dd>{data.title}</dd>
        <dt>种类</dt>
        <dd>{checklistKindLabels[data.kind] ?? data.kind}</dd>
        <dt>状态</dt>
        <dd>
          <span class={`badge checklist-${data.status}`}>{checklistStatus(data)}</span>
        </dd>
        {data.effectiveFrom && (
          <>
            <dt>施行日期</dt>
            <dd>{date(data.effectiveFrom)}</dd>
          </>
        )}
        {data.effectiveTo && (
          <>
            <dt>施行至</dt>
            <dd>{date(data.effectiveTo)}</dd>
          </>
        )}
      </dl>
      <p class="button-row">
        <button type="button" class="secondary" onClick={download}>
          导出 Excel
        </button>
        {data.status === 'draft' && hasRole(session, 'unit-head', 'admin') && (
          <button
            type="button"
            class="primary"
            disabled={busy || confirming}
            onClick={() => setConfirming(true)}
          >
            审核发布
          </button>
        )}
      </p>
      {confirming && (
        <div class="notice notice-warning" role="alertdialog" aria-labelledby="confirm-publish">
          <p class="notice-title" id="confirm-publish">
            确认发布这份清单？
          </p>
          <Field
            name="effective-from"
            path="effectiveFrom"
            label="施行日期"
            hint="今天或一年以内的某一天"
            error={actionError}
          >
            <DateInput
              kind="date"
              {...describedBy('effective-from', actionError, true, 'effectiveFrom')}
              value={effectiveFrom}
              onChange={(text) => {
                setEffectiveFrom(text);
                setActionError(undefined);
              }}
            />
          </Field>
          <p>
            发布后即向社会公开，自{date(readDate(effectiveFrom) ?? today())}起施行
            {data.inForce ? `，现行第 ${data.inForce.edition} 版施行至前一日` : ''}
            。发布后不能撤回，只能再发布新版本。
          </p>
          <p class="button-row">
            <button type="button" class="primary" disabled={busy} onClick={publish}>
              确认发布
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              取消
            </button>
          </p>
        </div>
      )}
      {data.status === 'draft' && (
        <ChecklistDifferences
          before={(data.inForce?.items ?? []) as Record<string, unknown>[]}
          after={items}
          edition={data.inForce?.edition}
        />
      )}
      <h2>清单内容（{items.length} 项）</h2>
      <ul class="cards" aria-label="清单事项">
        {items.map((item) => (
          <li key={String(item.code)} class="card">
            <p class="card-title">
              {String(item.code)} {String(item.name ?? item.title ?? '')}
            </p>
            <dl class="item-fields">
              {Object.entries(item)
                .filter(([name, value]) => !['code', 'name'].includes(name) && typeof value !== 'object')
                .map(([name, value]) => (
                  <div key={name}>
                    <dt>{ITEM_LABELS[name] ?? name}</dt>
                    <dd>
                      {name === 'category' ? (categoryLabels[String(value)] ?? String(value)) : String(value)}
                    </dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
