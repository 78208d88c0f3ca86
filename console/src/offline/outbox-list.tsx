import { useEffect, useState } from 'preact/hooks';
import { dateTime } from '../labels.ts';
import { type Draft, draftsOf, forgetDraft, OUTBOX_CHANGED, sendWaitingDrafts } from './outbox.ts';

const STATE_TITLES: Record<Draft['state'], string> = {
  waiting: '未发送',
  sent: '已发送',
  refused: '未被接受',
};

/**
 * The case's records and activities written on this device without a network: those still
 * waiting, and what the server answered to those sent since (their number, or why it refused).
 */
export function OutboxList({ caseId, onSent }: { caseId: string; onSent: () => void }) {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => {
    let current = true;
    let sentBefore = -1;
    const refresh = () =>
      draftsOf(caseId).then((found) => {
        if (!current) return;
        setDrafts(found);
        const sent = found.filter((draft) => draft.state === 'sent').length;
        if (sentBefore >= 0 && sent > sentBefore) onSent();
        sentBefore = sent;
      });
    refresh();
    window.addEventListener(OUTBOX_CHANGED, refresh);
    return () => {
      current = false;
      window.removeEventListener(OUTBOX_CHANGED, refresh);
    };
  }, [caseId]);
  if (drafts.length === 0) return null;
  const waiting = drafts.some((draft) => draft.state === 'waiting');
  return (
    <section aria-labelledby="outbox" class="outbox">
      <h2 id="outbox">本机保存的草稿</h2>
      <ul class="cards" aria-label="本机草稿">
        {drafts.map((draft) => (
          <li key={draft.id} class={`card draft-${draft.state}`}>
            <p class="card-title">
              <span class={draft.state === 'refused' ? 'badge badge-bad' : 'badge'}>
                {STATE_TITLES[draft.state]}
              </span>{' '}
              {draft.label}
            </p>
            <p class="meta">写于 {dateTime(draft.savedAt)}</p>
            {draft.state === 'waiting' && <p>联网后自动发送，不必重新填写。</p>}
            {draft.state === 'sent' && (
              <p>服务器已接受{draft.answer?.number ? `，编号 ${draft.answer.number}` : ''}。</p>
            )}
            {draft.state === 'refused' && (
              <div>
                <p>{draft.answer?.message}</p>
                {(draft.answer?.details ?? []).length > 0 && (
                  <ul>
                    {draft.answer?.details?.map((detail) => (
                      <li key={detail.path + detail.message}>{detail.message}</li>
                    ))}
                  </ul>
                )}
                <p class="hint">请按上述原因重新填写后提交。</p>
              </div>
            )}
            {draft.state !== 'waiting' && (
              <p class="button-row">
                <button type="button" class="secondary" onClick={() => forgetDraft(draft.id)}>
                  {draft.state === 'sent' ? '知道了' : '删除此草稿'}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
      {waiting && (
        <p class="button-row">
          <button type="button" class="secondary" onClick={() => sendWaitingDrafts()}>
            现在发送
          </button>
        </p>
      )}
    </section>
  );
}
