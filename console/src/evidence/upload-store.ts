import { type DBSchema, openDB } from 'idb';

/**
 * Uploads under way, kept in IndexedDB so that an upload interrupted by a closed tab, a phone
 * that went to sleep or a lost network resumes where it stopped: the evidence already declared,
 * its SHA-256 and per-part hashes, the signed part URLs and the parts already stored. Keyed by
 * the activity and the file's name, size and date, so choosing the same file again resumes it.
 */
export interface PartUrl {
  partNumber: number;
  size: number;
  url: string;
  headers?: Record<string, string>;
}

export interface PendingUpload {
  key: string;
  caseId: string;
  activityId: string;
  fileName: string;
  size: number;
  sha256: string;
  partSha256: string[];
  evidenceId: string;
  partSize: number;
  uploadId?: string;
  parts?: PartUrl[];
  /** When the signed part URLs stop working (ISO 8601). */
  expiresAt?: string;
  done: { partNumber: number; etag: string }[];
  startedAt: string;
}

interface UploadsDb extends DBSchema {
  uploads: { key: string; value: PendingUpload; indexes: { activityId: string } };
}

const database = () =>
  openDB<UploadsDb>('console-uploads', 1, {
    upgrade(db) {
      db.createObjectStore('uploads', { keyPath: 'key' }).createIndex('activityId', 'activityId');
    },
  });

export const uploadKey = (activityId: string, file: { name: string; size: number; lastModified: number }) =>
  `${activityId}/${file.name}/${file.size}/${file.lastModified}`;

export async function pendingUpload(key: string): Promise<PendingUpload | undefined> {
  return (await database()).get('uploads', key);
}

export async function pendingUploadsOf(activityId: string): Promise<PendingUpload[]> {
  return (await database()).getAllFromIndex('uploads', 'activityId', activityId);
}

export async function savePendingUpload(upload: PendingUpload): Promise<void> {
  await (await database()).put('uploads', upload);
}

export async function forgetPendingUpload(key: string): Promise<void> {
  await (await database()).delete('uploads', key);
}
