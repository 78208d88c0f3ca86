import { useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { DateInput } from '../components/date-input.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { activityTypeLabels } from '../labels.ts';
import { allOfficers } from '../officers.ts';
import { OfflineNotice } from '../offline/offline-notice.tsx';
import { sendOrKeep } from '../offline/outbox.ts';
import { navigate } from '../router.tsx';
import { readBeijingTime } from '../typed-dates.ts';
import { useLoad } from '../use-load.ts';

const LABELS: Record<string, string> = {
  type: '活动类型',
  officers: '执法人员',
  location: '地点',
  startedAt: '开始时间',
  informing: '告知事项',
  'informing.certificatesShown': '出示执法证件',
  'informing.rightsExplained': '告知当事人权利',
  'informing.documentShown': '出示执法文书',
};

export const INFORMING = ['certificatesShown', 'rightsExplained', 'documentShown'] as const;

async function load(caseId: string) {
  const [found, officers] = await Promise.all([
    must(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } })),
    allOfficers(),
  ]);
  return { found, officers: officers.items.filter((officer) => officer.effectiveStatus === 'valid') };
}

/**
 * 记录执法活动 (REC-3, REC-5): type, at least two officers, place and time, and what was shown
 * and told to the party (亮证、告知), `POST /v1/cases/{id}/activities`.
 */
export function AddActivity({ caseId }: { caseId: string }) {
  const loaded = useLoad(() => load(caseId), [caseId], `add-activity:${caseId}`);
  const [type, setType] = useState('on-site-inspection');
  const [location, setLocation] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [officers, setOfficers] = useState<string[]>();
  const [informing, setInforming] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const chosen = officers ?? loaded.data?.found.officers ?? [];

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const when = startedAt.trim() ? (readBeijingTime(startedAt) ?? startedAt) : undefined;
    try {
      await sendOrKeep({
        caseId,
        path: '/v1/cases/{id}/activities',
        label: `执法活动：${activityTypeLabels[type] ?? '其他'}`,
        body: {
          type,
          officers: chosen,
          ...(location.trim() ? { location } : {}),
          ...(when ? { startedAt: when } : {}),
          informing: {
            certificatesShown: informing.certificatesShown === true,
            rightsExplained: informing.rightsExplained === true,
            documentShown: informing.documentShown === true,
          },
        },
      });
      navigate(`/cases/${encodeURIComponent(caseId)}`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
      window.scrollTo(0, 0);
    }
  }

  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!loaded.data) return <p>正在加载……</p>;
  return (
    <form class="form" onSubmit={submit} noValidate>
      <OfflineNotice since={loaded.offlineSince} />
      <p class="lead">案件：{loaded.data.found.title}</p>
      <ErrorNotice error={error} labels={LABELS} />
      <fieldset>
        <legend>执法活动</legend>
        <Field name="type" label="活动类型" error={error} required>
          <select
            {...describedBy('type', error)}
            value={type}
            onChange={(event) => setType(event.currentTarget.value)}
          >
            {Object.entries(activityTypeLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="location" label="地点" error={error}>
          <input
            {...describedBy('location', error)}
            value={location}
            onInput={(event) => setLocation(event.currentTarget.value)}
          />
        </Field>
        <Field name="startedAt" label="开始时间" hint="不填则为现在" error={error}>
          <DateInput
            kind="time"
            {...describedBy('startedAt', error, true)}
            value={startedAt}
            onChange={setStartedAt}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>执法人员</legend>
        {error?.detailsFor('officers').map((detail) => (
          <p class="field-error" key={detail.path + detail.message}>
            {detail.message}
          </p>
        ))}
        <ul class="choices">
          {loaded.data.officers.map((officer) => (
            <li key={officer.certificateNo}>
              <label>
                <input
                  type="checkbox"
                  name="officers"
                  checked={chosen.includes(officer.certificateNo)}
                  onChange={(event) =>
                    setOfficers(
                      event.currentTarget.checked
                        ? [...chosen, officer.certificateNo]
                        : chosen.filter((no) => no !== officer.certificateNo),
                    )
                  }
                />
                {officer.name}（{officer.certificateNo}）
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>告知事项</legend>
        <ul class="choices">
          {INFORMING.map((name) => (
            <li key={name}>
              <label>
                <input
                  type="checkbox"
                  name={`informing.${name}`}
                  checked={informing[name] === true}
                  onChange={(event) => setInforming({ ...informing, [name]: event.currentTarget.checked })}
                />
                {LABELS[`informing.${name}`]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在保存……' : '记录执法活动'}
        </button>
      </p>
    </form>
  );
}
