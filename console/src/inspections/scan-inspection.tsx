import { useEffect, useRef, useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { describedBy, Field } from '../components/field.tsx';
import { date } from '../labels.ts';
import { Link } from '../router.tsx';
import { useLoad } from '../use-load.ts';

/**
 * Reads the camera's frames until one holds a QR code (jsQR, a well-kept decoder, on each frame
 * drawn to a canvas) and hands its text to `onCode`; stops the camera when done or left.
 * `onFailed` when there is no camera or it is refused.
 */
function useQrCamera(
  video: { current: HTMLVideoElement | null },
  on: boolean,
  onCode: (text: string) => void,
  onFailed: () => void,
) {
  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    // jsQR is loaded with the camera, not with the console: most screens never scan.
    let decode: typeof import('jsqr').default | undefined;
    const tick = () => {
      const element = video.current;
      if (stopped || !element || !context || !decode) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        context.drawImage(element, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = decode(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) {
          onCode(found.data);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    if (!navigator.mediaDevices) {
      onFailed();
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (opened) => {
        stream = opened;
        decode = (await import('jsqr')).default;
        const element = video.current;
        if (stopped || !element) return;
        element.srcObject = opened;
        await element.play();
        tick();
      })
      .catch(onFailed);
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [on]);
}

/**
 * 扫码入企 (INS-4): on site, the officer of an approved task scans the enterprise's supervision
 * code with the phone's camera, or types the text printed under it; the API checks the code and
 * opens the inspection case with its on-site activity, which the officer then records.
 */
export function ScanInspection({ id }: { id: string }) {
  const { data, error } = useLoad(
    () => must(api.GET('/v1/inspections/{id}', { params: { path: { id } } })),
    [id],
  );
  const video = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  const [noCamera, setNoCamera] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [scanError, setScanError] = useState<ApiError>();
  const [opened, setOpened] = useState<{ caseId: string }>();

  async function scanIn(code: string) {
    setBusy(true);
    setScanError(undefined);
    try {
      const answer = await must(
        api.POST('/v1/inspections/{id}/scan', { params: { path: { id } }, body: { code: code.trim() } }),
      );
      setOpened({ caseId: answer.caseId });
    } catch (caught) {
      setScanError(asApiError(caught));
    }
    setBusy(false);
  }

  useQrCamera(
    video,
    scanning,
    (code) => {
      setScanning(false);
      void scanIn(code);
    },
    () => {
      setScanning(false);
      setNoCamera(true);
    },
  );

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p>正在加载……</p>;
  if (opened)
    return (
      <div role="status">
        <p>已扫码入企，对{data.enterpriseName}的检查已开始，检查案件已登记。</p>
        <p class="actions">
          <Link to={`/cases/${encodeURIComponent(opened.caseId)}`} class="button primary">
            记录现场检查
          </Link>
        </p>
      </div>
    );
  return (
    <>
      <p>
        被检查企业：{data.enterpriseName}（{data.enterpriseCreditCode}），计划日期 {date(data.plannedOn)}。
        请企业出示其涉企检查监管码。
      </p>
      <ErrorNotice error={scanError} labels={{ code: '监管码' }} />
      {scanning ? (
        <>
          <video ref={video} class="scanner" muted playsInline aria-label="摄像头画面：将监管码对准取景框" />
          <p class="actions">
            <button type="button" class="secondary" onClick={() => setScanning(false)}>
              停止扫码
            </button>
          </p>
        </>
      ) : (
        <p class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => setScanning(true)}>
            打开摄像头扫码
          </button>
        </p>
      )}
      {noCamera && (
        <div class="notice notice-error" role="alert">
          <p class="notice-title">无法打开摄像头：请允许本页面使用摄像头，或在下面输入监管码下方的文字。</p>
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void scanIn(typed);
        }}
        noValidate
      >
        <Field
          name="scan-code"
          path="code"
          label="监管码"
          hint="扫码不成功时，输入监管码图案下方的文字"
          error={scanError}
          required
        >
          <input
            {...describedBy('scan-code', scanError, true, 'code')}
            value={typed}
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </Field>
        <p class="actions">
          <button type="submit" class="secondary" disabled={busy}>
            确认入企
          </button>
        </p>
      </form>
    </>
  );
}
