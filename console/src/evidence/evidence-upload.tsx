import { useEffect, useState } from 'preact/hooks';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { type UploadState, uploadEvidence } from './upload.ts';
import { type PendingUpload, pendingUploadsOf } from './upload-store.ts';

const PHASES: Record<UploadState['phase'], string> = {
  hashing: '正在计算 SHA-256 校验值',
  declaring: '正在登记音像记录',
  uploading: '正在上传',
  verifying: '已上传，等待平台校验归档',
  archived: '已归档',
  rejected: '校验未通过，已拒收',
};

/**
 * 上传音像记录 for one activity: record with the phone's camera or pick a file; shows each phase
 * with its progress and, once the platform has checked the bytes, the archived SHA-256.
 */
export function EvidenceUpload({
  caseId,
  activityId,
  officers,
  location,
  onArchived,
}: {
  caseId: string;
  activityId: string;
  officers: { certificateNo: string; label: string }[];
  location?: string | undefined;
  onArchived: () => void;
}) {
  const [deviceId, setDeviceId] = useState('');
  const [officer, setOfficer] = useState(officers[0]?.certificateNo ?? '');
  const [fullProcess, setFullProcess] = useState(false);
  const [state, setState] = useState<UploadState>();
  const [error, setError] = useState<ApiError>();
  const [unfinished, setUnfinished] = useState<PendingUpload[]>([]);
  const id = (name: string) => `${name}-${activityId}`;
  const refreshUnfinished = () => pendingUploadsOf(activityId).then(setUnfinished, () => setUnfinished([]));
  useEffect(() => {
    refreshUnfinished();
  }, [activityId]);
  const busy = state !== undefined && !['archived', 'rejected'].includes(state.phase) && !error;

  async function start(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(undefined);
    try {
      const done = await uploadEvidence(
        file,
        {
          caseId,
          activityId,
          officer,
          deviceId: deviceId.trim() || '个人手机',
          ...(location ? { location } : {}),
          fullProcess,
        },
        setState,
      );
      setState(done);
      if (done.phase === 'archived') onArchived();
    } catch (caught) {
      setError(asApiError(caught));
    }
    refreshUnfinished();
  }

  return (
    <fieldset class="upload">
      <legend class="upload-title">上传音像记录</legend>
      <ErrorNotice
        error={error}
        labels={{ deviceId: '设备编号', officer: '记录人', contentType: '文件类型', size: '文件大小' }}
      />
      {unfinished.length > 0 && !busy && (
        <div class="notice notice-warning">
          <p class="notice-title">有未完成的上传，重新选择同一文件即从中断处继续：</p>
          <ul>
            {unfinished.map((upload) => (
              <li key={upload.key}>
                {upload.fileName}（已上传 {upload.done.length}/{upload.parts?.length ?? '?'} 个分片）
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field
        name={id('deviceId')}
        path="deviceId"
        label="设备编号"
        hint="执法记录仪编号；用手机拍摄可不填"
        error={error}
      >
        <input
          {...describedBy(id('deviceId'), error, true, 'deviceId')}
          value={deviceId}
          onInput={(event) => setDeviceId(event.currentTarget.value)}
        />
      </Field>
      <Field name={id('officer')} path="officer" label="记录人" error={error}>
        <select
          {...describedBy(id('officer'), error, false, 'officer')}
          value={officer}
          onChange={(event) => setOfficer(event.currentTarget.value)}
        >
          {officers.map((each) => (
            <option key={each.certificateNo} value={each.certificateNo}>
              {each.label}
            </option>
          ))}
        </select>
      </Field>
      <ul class="choices">
        <li>
          <label>
            <input
              type="checkbox"
              checked={fullProcess}
              onChange={(event) => setFullProcess(event.currentTarget.checked)}
            />
            全过程音像记录
          </label>
        </li>
      </ul>
      <div class="button-row">
        <label class={busy ? 'button disabled' : 'button'}>
          拍摄视频
          <input
            class="file-input"
            type="file"
            accept="video/*"
            capture="environment"
            disabled={busy}
            onChange={start}
          />
        </label>
        <label class={busy ? 'button disabled' : 'button'}>
          选择文件
          <input
            class="file-input"
            type="file"
            accept="video/*,audio/*,image/*"
            disabled={busy}
            onChange={start}
          />
        </label>
      </div>
      {state && (
        <div class="upload-state" role="status">
          <p>
            {state.resumed && state.phase === 'uploading' ? '继续上传' : PHASES[state.phase]}
            {['hashing', 'uploading'].includes(state.phase) && ` ${Math.round(state.fraction * 100)}%`}
            {state.rejectionReason && `：${state.rejectionReason}`}
          </p>
          {['hashing', 'uploading'].includes(state.phase) && (
            <progress max={1} value={state.fraction} aria-label={PHASES[state.phase]} />
          )}
          {state.sha256 && <p class="hash">SHA-256 {state.sha256}</p>}
        </div>
      )}
    </fieldset>
  );
}
