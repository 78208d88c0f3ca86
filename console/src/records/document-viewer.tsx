import { useEffect, useRef, useState } from 'preact/hooks';
import { api, must } from '../api/client.ts';
import { type ApiError, asApiError } from '../api/errors.ts';
import { ErrorNotice } from '../components/error-notice.tsx';

/** Which document: a case's record, or a supervision opinion (SUP-3). */
type PrintedDocument =
  | { caseId: string; recordId: string; opinionId?: never }
  | { opinionId: string; caseId?: never; recordId?: never };

/**
 * A printed document, opened on demand: a record's standard document (REC-12, `GET
 * /v1/cases/{id}/records/{recordId}/pdf`) or a supervision opinion's (SUP-3, `GET
 * /v1/supervision/opinions/{id}/pdf`). The PDF inline, a print button (the party's copy is
 * printed from here) and a link that opens it whole, for phones whose browser shows no PDF inside
 * a page. Fetched with the session's token, so it is shown from a local blob URL.
 */
export function DocumentViewer({
  caseId,
  recordId,
  opinionId,
  title,
  number,
}: PrintedDocument & { title: string; number: string }) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (!open) return;
    let made: string | undefined;
    must(
      opinionId
        ? api.GET('/v1/supervision/opinions/{id}/pdf', {
            params: { path: { id: opinionId } },
            parseAs: 'blob',
          })
        : api.GET('/v1/cases/{id}/records/{recordId}/pdf', {
            params: { path: { id: caseId ?? '', recordId: recordId ?? '' } },
            parseAs: 'blob',
          }),
    ).then(
      (blob) => {
        made = URL.createObjectURL(new Blob([blob as Blob], { type: 'application/pdf' }));
        setUrl(made);
      },
      (caught: unknown) => setError(asApiError(caught)),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [open, caseId, recordId, opinionId]);
  const name = `${title}（${number}）`;
  return (
    <details class="document-viewer" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>查看文书</summary>
      <ErrorNotice error={error} />
      {open && !url && !error && <p>正在生成文书……</p>}
      {url && (
        <>
          <p class="button-row">
            <button type="button" class="primary" onClick={() => frame.current?.contentWindow?.print()}>
              打印文书
            </button>
            <a class="button" href={url} download={`${number}.pdf`} target="_blank" rel="noopener">
              打开或下载
            </a>
          </p>
          {/* The page fitted to the frame's width, as the browser's PDF viewer reads the fragment. */}
          <iframe ref={frame} class="document-frame" src={`${url}#view=FitH`} title={name} />
        </>
      )}
    </details>
  );
}
