import { useEffect, useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { hasRole, type Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { categoryLabels } from '../labels.ts';
import { useLoad } from '../use-load.ts';

const STATUS: Record<string, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '已吊销',
  expired: '已过期',
  'not-yet-valid': '尚未生效',
};

const MOVES: Record<string, string> = { valid: '恢复有效', suspended: '暂扣执法证', revoked: '吊销执法证' };

/** The certificate's QR code (`GET /v1/officers/{no}/qr`, SVG), which links to the public check (亮证). */
function CertificateQr({ certificateNo, name }: { certificateNo: string; name: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let made: string | undefined;
    must(
      api.GET('/v1/officers/{certificateNo}/qr', { params: { path: { certificateNo } }, parseAs: 'blob' }),
    ).then(
      (blob) => {
        made = URL.createObjectURL(blob as Blob);
        setUrl(made);
      },
      (caught: unknown) => setError(asApiError(caught)),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [certificateNo]);
  if (error) return <ErrorNotice error={error} />;
  return url ? <img class="qr" src={url} alt={`${name}的执法证核验二维码`} width={160} height={160} /> : null;
}

/** An administrator suspends, revokes or restores a certificate, with the reason (PUB-5). */
function StatusChange({ certificateNo, onChanged }: { certificateNo: string; onChanged: () => void }) {
  const [status, setStatus] = useState('suspended');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const field = (name: string) => `${name}-${certificateNo}`;
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await must(
        api.POST('/v1/officers/{certificateNo}/status', {
          params: { path: { certificateNo } },
          body: { status: status as 'suspended', reason },
        }),
      );
      setReason('');
      onChanged();
    } catch (caught) {
      setError(asApiError(caught));
    }
    setBusy(false);
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={error} labels={{ status: '证件状态', reason: '理由' }} />
      <Field name={field('status')} path="status" label="变更证件状态" error={error}>
        <select
          {...describedBy(field('status'), error, false, 'status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value)}
        >
          {Object.entries(MOVES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name={field('reason')} path="reason" label="理由" error={error} required>
        <input
          {...describedBy(field('reason'), error, false, 'reason')}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </Field>
      <p class="actions">
        <button type="submit" class="secondary" disabled={busy}>
          确认变更
        </button>
      </p>
    </form>
  );
}

/** 执法人员和执法证: the agency's officers, their certificates' status today and QR codes. */
export function Officers({ session }: { session: Session }) {
  const { data, error, reload } = useLoad(
    () => must(api.GET('/v1/officers', { params: { query: { limit: 100 } } })),
    [],
  );
  const [shown, setShown] = useState<string>();
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  return (
    <ul class="cards" aria-label="执法人员列表">
      {data.items.map((officer) => (
        <li key={officer.certificateNo} class="card">
          <p class="card-title">
            {officer.name}（{officer.position}）
          </p>
          <p class="meta">
            <span class={`badge certificate-${officer.effectiveStatus}`}>
              {STATUS[officer.effectiveStatus] ?? officer.effectiveStatus}
            </span>
            <span>执法证号 {officer.certificateNo}</span>
            <span>
              有效期 {officer.validFrom} 至 {officer.validTo}
            </span>
            <span>
              {officer.categories.map((category) => categoryLabels[category] ?? category).join('、')}
            </span>
          </p>
          {shown === officer.certificateNo ? (
            <CertificateQr certificateNo={officer.certificateNo} name={officer.name} />
          ) : (
            <button type="button" class="secondary" onClick={() => setShown(officer.certificateNo)}>
              显示核验二维码
            </button>
          )}
          {hasRole(session, 'admin') && (
            <details class="status-change">
              <summary>暂扣、吊销或恢复执法证</summary>
              <StatusChange certificateNo={officer.certificateNo} onChanged={reload} />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
