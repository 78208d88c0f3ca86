import { type DBSchema, openDB } from 'idb';
import { api, must } from '../api/client.ts';
import { ApiError, asApiError, type ErrorDetail } from '../api/errors.ts';
import { loadSession } from '../auth/session.ts';

/**
 * Records and activities written without a network (REC-8): kept on the device (IndexedDB) with
 * the Idempotency-Key they will be sent with, marked as not yet sent, and sent when the network
 * returns. A resend after a lost answer is safe: the API answers a key it has seen with its first
 * result. Each draft then shows what the server said: its number, or why it was refused.
 */
export type DraftPath = '/v1/cases/{id}/activities' | '/v1/cases/{id}/records';

export interface Draft {
  id: string;
  /** The account that wrote it: drafts are sent and shown only for that account. */
  sub: string;
  caseId: string;
  path: DraftPath;
  /** What it is, as the case page lists it: 现场检查笔录, 执法活动：现场检查. */
  label: string;
  body: Record<string, unknown>;
  idempotencyKey: string;
  savedAt: string;
  state: 'waiting' | 'sent' | 'refused';
  answer?: { number?: string; message?: string; details?: ErrorDetail[] };
}

interface OutboxDb extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { caseId: string } };
}

/** Fired whenever a draft is kept, sent or refused, so that screens showing drafts refresh. */
export const OUTBOX_CHANGED = 'console:outbox-changed';

const database = () =>
  openDB<OutboxDb>('console-outbox', 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('caseId', 'caseId');
    },
  });

const changed = () => window.dispatchEvent(new Event(OUTBOX_CHANGED));

export async function draftsOf(caseId: string): Promise<Draft[]> {
  const sub = loadSession()?.sub;
  const drafts = await (await database()).getAllFromIndex('drafts', 'caseId', caseId);
  return drafts.filter((draft) => draft.sub === sub).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export async function forgetDraft(id: string): Promise<void> {
  await (await database()).delete('drafts', id);
  changed();
}

async function post(draft: Pick<Draft, 'caseId' | 'path' | 'body' | 'idempotencyKey'>) {
  const options = {
    params: { path: { id: draft.caseId } },
    headers: { 'idempotency-key': draft.idempotencyKey },
    // The body was checked by the form that wrote it, and is checked again by the API.
    body: draft.body as never,
  };
  if (draft.path === '/v1/cases/{id}/records') return must(api.POST('/v1/cases/{id}/records', options));
  const activity = await must(api.POST('/v1/cases/{id}/activities', options));
  return { id: activity.id } as { id: string; number?: string };
}

/**
 * Sends a record or an activity now; on a lost network keeps it as a draft instead and answers
 * `{ kept: true }`. Any answer of the server (a refusal included) is the caller's, as online.
 */
export async function sendOrKeep(
  input: Pick<Draft, 'caseId' | 'path' | 'label' | 'body'>,
): Promise<{ kept: true } | { kept: false; answer: { id: string; number?: string } }> {
  const idempotencyKey = crypto.randomUUID();
  try {
    return { kept: false, answer: await post({ ...input, idempotencyKey }) };
  } catch (caught) {
    const error = asApiError(caught);
    if (error.status !== 0) throw error;
    await (await database()).put('drafts', {
      ...input,
      id: idempotencyKey,
      sub: loadSession()?.sub ?? '',
      idempotencyKey,
      savedAt: new Date().toISOString(),
      state: 'waiting',
    });
    changed();
    return { kept: true };
  }
}

let sending: Promise<void> | undefined;

/** Sends every waiting draft of the signed-in account, oldest first; stops at a lost network. */
export function sendWaitingDrafts(): Promise<void> {
  sending ??= (async () => {
    try {
      const sub = loadSession()?.sub;
      if (!sub) return;
      const db = await database();
      const waiting = (await db.getAll('drafts'))
        .filter((draft) => draft.sub === sub && draft.state === 'waiting')
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      for (const draft of waiting) {
        try {
          const answer = await post(draft);
          await db.put('drafts', {
            ...draft,
            state: 'sent',
            answer: { ...(answer.number ? { number: answer.number } : {}) },
          });
        } catch (caught) {
          const error = caught instanceof ApiError ? caught : asApiError(caught);
          // A lost network, or a session that ended: the draft waits for the next chance.
          if (error.status === 0 || error.status === 401) break;
          await db.put('drafts', {
            ...draft,
            state: 'refused',
            answer: { message: error.message, details: error.details },
          });
        }
        changed();
      }
    } finally {
      sending = undefined;
    }
  })();
  return sending;
}
