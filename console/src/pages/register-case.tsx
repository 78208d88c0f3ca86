import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import type { Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { categoryLabels, categoryOfLabel, flagLabels, partyKindLabels, procedureLabels } from '../labels.ts';
import { allOfficers } from '../officers.ts';
import { navigate } from '../router.tsx';
import { useLoad } from '../use-load.ts';

/** The form's labels by the API's field paths, so an error names the field as the form does. */
const LABELS: Record<string, string> = {
  category: '执法类别',
  matterId: '执法事项',
  title: '案件名称',
  procedure: '适用程序',
  party: '当事人',
  'party.kind': '当事人类型',
  'party.name': '当事人姓名或名称',
  'party.idNumber': '身份证件号码或统一社会信用代码',
  'party.phone': '联系电话',
  'party.address': '住所或地址',
  officers: '执法人员',
  amountInvolved: '涉案金额',
  flags: '案件情形',
};

interface Matter {
  code: string;
  name: string;
  category: string;
}

async function loadChoices() {
  const lists = await must(
    api.GET('/v1/checklists', { params: { query: { kind: 'matters', status: 'published' } } }),
  );
  const current = lists.items[0];
  const matters = current
    ? ((await must(api.GET('/v1/checklists/{id}', { params: { path: { id: current.id } } })))
        .items as unknown as Matter[])
    : [];
  const officers = (await allOfficers()).items.filter((officer) => officer.effectiveStatus === 'valid');
  return { matters, officers };
}

/** 登记案件: party, officers (at least two with valid certificates), the matter from the published list. */
export function RegisterCase({ session }: { session: Session }) {
  const choices = useLoad(loadChoices, []);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({
    matterId: '',
    category: 'penalty',
    title: '',
    procedure: 'general',
    partyKind: 'person',
    partyName: '',
    idNumber: '',
    phone: '',
    address: '',
    amountInvolved: '',
  });
  const [officers, setOfficers] = useState<string[] | undefined>();
  const [flags, setFlags] = useState<Record<string, boolean>>({});
  const set = (name: keyof typeof form) => (event: Event) =>
    setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });

  const mine = choices.data?.officers.find((officer) => officer.userId === session.sub);
  const chosen = officers ?? (mine ? [mine.certificateNo] : []);
  const ownUnitFirst = [...(choices.data?.officers ?? [])].sort(
    (a, b) => Number(b.unitId === session.unitId) - Number(a.unitId === session.unitId),
  );

  function chooseMatter(event: Event) {
    const code = (event.currentTarget as HTMLSelectElement).value;
    const matter = choices.data?.matters.find((item) => item.code === code);
    // Lists keep the category as its code (penalty) or, imported, its Chinese name (行政处罚).
    const category = matter
      ? categoryLabels[matter.category]
        ? matter.category
        : categoryOfLabel(matter.category)
      : undefined;
    setForm({ ...form, matterId: code, ...(category ? { category } : {}) });
  }

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const amount = form.amountInvolved.trim();
    try {
      const created = await must(
        api.POST('/v1/cases', {
          body: {
            category: form.category as 'penalty',
            title: form.title,
            procedure: form.procedure as 'general' | 'simple',
            ...(form.matterId ? { matterId: form.matterId } : {}),
            party: {
              kind: form.partyKind as 'person' | 'organization',
              name: form.partyName,
              idNumber: form.idNumber,
              ...(form.phone.trim() ? { phone: form.phone } : {}),
              ...(form.address.trim() ? { address: form.address } : {}),
            },
            officers: chosen,
            ...(amount ? { amountInvolved: Number(amount) } : {}),
            flags,
          },
        }),
      );
      navigate(`/cases/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
      window.scrollTo(0, 0);
    }
  }

  if (choices.error) return <ErrorNotice error={choices.error} />;
  if (!choices.data) return <p>正在加载执法事项和执法人员……</p>;
  return (
    <form class="form" onSubmit={submit} noValidate>
      <ErrorNotice error={error} labels={LABELS} />
      <fieldset>
        <legend>执法事项</legend>
        <Field
          name="matterId"
          label={LABELS.matterId ?? ''}
          hint="从本机关已公布的执法事项清单中选择"
          error={error}
        >
          <select {...describedBy('matterId', error, true)} value={form.matterId} onChange={chooseMatter}>
            <option value="">（不选择）</option>
            {choices.data.matters.map((matter) => (
              <option key={matter.code} value={matter.code}>
                {matter.code} {matter.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="category" label={LABELS.category ?? ''} error={error} required>
          <select {...describedBy('category', error)} value={form.category} onChange={set('category')}>
            {Object.entries(categoryLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="title"
          label={LABELS.title ?? ''}
          hint="例如：某某养老服务点未建立入院评估制度案（最多 200 个字）"
          error={error}
          required
        >
          <input {...describedBy('title', error, true)} value={form.title} onInput={set('title')} />
        </Field>
        <Field name="procedure" label={LABELS.procedure ?? ''} error={error}>
          <select {...describedBy('procedure', error)} value={form.procedure} onChange={set('procedure')}>
            {Object.entries(procedureLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>当事人</legend>
        <Field name="party.kind" label={LABELS['party.kind'] ?? ''} error={error}>
          <select {...describedBy('party.kind', error)} value={form.partyKind} onChange={set('partyKind')}>
            {Object.entries(partyKindLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="party.name" label={LABELS['party.name'] ?? ''} error={error} required>
          <input {...describedBy('party.name', error)} value={form.partyName} onInput={set('partyName')} />
        </Field>
        <Field name="party.idNumber" label={LABELS['party.idNumber'] ?? ''} error={error} required>
          <input
            {...describedBy('party.idNumber', error)}
            value={form.idNumber}
            onInput={set('idNumber')}
            autocomplete="off"
          />
        </Field>
        <Field name="party.phone" label={LABELS['party.phone'] ?? ''} error={error}>
          <input
            {...describedBy('party.phone', error)}
            type="tel"
            value={form.phone}
            onInput={set('phone')}
          />
        </Field>
        <Field name="party.address" label={LABELS['party.address'] ?? ''} error={error}>
          <input {...describedBy('party.address', error)} value={form.address} onInput={set('address')} />
        </Field>
      </fieldset>
      <fieldset aria-describedby="officers-hint">
        <legend>执法人员</legend>
        <p class="hint" id="officers-hint">
          至少两名持有效执法证的执法人员
        </p>
        {error?.detailsFor('officers').map((detail) => (
          <p class="field-error" key={detail.path + detail.message}>
            {detail.message}
          </p>
        ))}
        <ul class="choices">
          {ownUnitFirst.map((officer) => (
            <li key={officer.certificateNo}>
              <label>
                <input
                  type="checkbox"
                  name="officers"
                  value={officer.certificateNo}
                  checked={chosen.includes(officer.certificateNo)}
                  onChange={(event) =>
                    setOfficers(
                      event.currentTarget.checked
                        ? [...chosen, officer.certificateNo]
                        : chosen.filter((no) => no !== officer.certificateNo),
                    )
                  }
                />
                {officer.name}（{officer.certificateNo}，{officer.position}）
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>案件情形</legend>
        <Field name="amountInvolved" label={`${LABELS.amountInvolved}（元）`} error={error}>
          <input
            {...describedBy('amountInvolved', error)}
            inputMode="decimal"
            value={form.amountInvolved}
            onInput={set('amountInvolved')}
          />
        </Field>
        <ul class="choices">
          {Object.entries(flagLabels).map(([flag, label]) => (
            <li key={flag}>
              <label>
                <input
                  type="checkbox"
                  name={`flags.${flag}`}
                  checked={flags[flag] === true}
                  onChange={(event) => setFlags({ ...flags, [flag]: event.currentTarget.checked })}
                />
                {label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在登记……' : '登记案件'}
        </button>
      </p>
    </form>
  );
}
