import { createHash } from 'node:crypto';
import { sha256Hex } from '#shared/kernel/journal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Device } from '#shared/recording/domain/device.ts';
import type { DeviceRepository } from '#shared/recording/store/device-repository.ts';
import {
  type EvidenceStorage,
  RETRIEVAL_URL_SECONDS,
  type ReceivedObject,
  signedUpload,
  UPLOAD_URL_SECONDS,
} from '#shared/recording/store/evidence-storage.ts';
import { byteOrder, copy } from '#test/fakes/memory.ts';

interface StoredVersion {
  versionId: string;
  bytes: Buffer;
  contentType: string;
  retainUntil: string | undefined;
  legalHold: boolean;
}

/** S3's answer for a key or version that is not there (the SDK's NoSuchKey, HTTP 404). */
function noSuchKey(key: string): Error {
  return Object.assign(new Error(`NoSuchKey: ${key}`), {
    name: 'NoSuchKey',
    $metadata: { httpStatusCode: 404 },
  });
}

/**
 * The AV archive in memory, as the one-machine store (radosgw, `checksums: 'hash'`) behaves: a
 * versioned bucket that keeps every version written (Object Lock: nothing is overwritten), that
 * does not itself verify `x-amz-checksum-sha256` (docs/local-s3.md: a wrong value is accepted), so
 * the platform reads and hashes what arrived. The presigned URLs are `memory://` addresses that
 * `upload` and `download` take in place of an HTTP PUT and GET.
 */
export class InMemoryEvidenceStorage implements Port<EvidenceStorage> {
  readonly #objects = new Map<string, StoredVersion[]>();
  readonly #uploads = new Map<
    string,
    { key: string; contentType: string; retainUntil: string; parts: Map<number, Buffer> }
  >();
  /** The signed PUTs handed out, by key: what a device may upload to. */
  readonly #signed = new Map<string, { contentType: string; retainUntil: string }>();
  #versions = 0;
  #uploadIds = 0;

  get needsPartChecksums(): boolean {
    return false;
  }

  async presignUpload(input: { key: string; contentType: string; sha256Hex: string; retainUntil: Date }) {
    this.#signed.set(input.key, {
      contentType: input.contentType,
      retainUntil: input.retainUntil.toISOString(),
    });
    return signedUpload(`memory://archive/${input.key}`, input);
  }

  /**
   * The device's PUT to a presigned URL: a new version of the object, whatever its bytes (the
   * local store does not check the signed SHA-256). Returns the key, as the S3 event names it.
   */
  upload(url: string, bytes: Buffer): { key: string; versionId: string } {
    const key = url.replace(/^memory:\/\/archive\//, '');
    const signed = this.#signed.get(key);
    if (!signed) throw new Error(`AccessDenied: no signed upload for ${key}`);
    return { key, versionId: this.#store(key, bytes, signed.contentType, signed.retainUntil) };
  }

  #store(key: string, bytes: Buffer, contentType: string, retainUntil: string | undefined): string {
    this.#versions += 1;
    const versionId = `v${String(this.#versions).padStart(6, '0')}`;
    const versions = this.#objects.get(key) ?? [];
    versions.push({ versionId, bytes: Buffer.from(bytes), contentType, retainUntil, legalHold: false });
    this.#objects.set(key, versions);
    return versionId;
  }

  #version(key: string, versionId: string | undefined): StoredVersion {
    const versions = this.#objects.get(key) ?? [];
    const found = versionId ? versions.find((version) => version.versionId === versionId) : versions.at(-1);
    if (!found) throw noSuchKey(key);
    return found;
  }

  async presignMultipart(input: {
    key: string;
    contentType: string;
    retainUntil: Date;
    size: number;
    partSize: number;
    partSha256?: readonly string[];
  }) {
    this.#uploadIds += 1;
    const uploadId = `upload-${this.#uploadIds}`;
    this.#uploads.set(uploadId, {
      key: input.key,
      contentType: input.contentType,
      retainUntil: input.retainUntil.toISOString(),
      parts: new Map(),
    });
    const count = Math.ceil(input.size / input.partSize);
    const parts = Array.from({ length: count }, (_, index) => {
      const checksum = input.partSha256?.[index];
      return {
        partNumber: index + 1,
        size: Math.min(input.partSize, input.size - index * input.partSize),
        url: `memory://multipart/${uploadId}/${index + 1}`,
        ...(checksum ? { headers: { 'x-amz-checksum-sha256': checksum } } : {}),
      };
    });
    return {
      uploadId,
      partSize: input.partSize,
      parts,
      expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    };
  }

  /** A part's PUT to its presigned URL; returns its ETag (the MD5 of its bytes, as S3's). */
  uploadPart(url: string, bytes: Buffer): string {
    const [, uploadId = '', partNumber = ''] = /^memory:\/\/multipart\/([^/]+)\/(\d+)$/.exec(url) ?? [];
    const upload = this.#uploads.get(uploadId);
    if (!upload) throw new Error(`NoSuchUpload: ${uploadId}`);
    upload.parts.set(Number(partNumber), Buffer.from(bytes));
    return createHash('md5').update(bytes).digest('hex');
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ): Promise<void> {
    const upload = this.#uploads.get(uploadId);
    if (!upload || upload.key !== key) throw new Error(`NoSuchUpload: ${uploadId}`);
    const joined = parts.map((part) => {
      const bytes = upload.parts.get(part.partNumber);
      if (!bytes || createHash('md5').update(bytes).digest('hex') !== part.etag.replace(/"/g, ''))
        throw new Error(`InvalidPart: ${part.partNumber}`);
      return bytes;
    });
    this.#uploads.delete(uploadId);
    this.#store(key, Buffer.concat(joined), upload.contentType, upload.retainUntil);
  }

  async arrived(key: string): Promise<{ size: number; eTag: string; versionId?: string } | undefined> {
    const latest = this.#objects.get(key)?.at(-1);
    if (!latest) return undefined;
    return {
      size: latest.bytes.length,
      eTag: createHash('md5').update(latest.bytes).digest('hex'),
      versionId: latest.versionId,
    };
  }

  async received(
    key: string,
    versionId: string | undefined,
    _declared: { partSha256?: readonly string[] | undefined },
  ): Promise<ReceivedObject> {
    return { ...(await this.inspect(key, versionId)), verifiedBy: 'platform' };
  }

  async inspect(
    key: string,
    versionId?: string,
  ): Promise<{ size: number; sha256: string; versionId?: string }> {
    const version = this.#version(key, versionId);
    return { size: version.bytes.length, sha256: sha256Hex(version.bytes), versionId: version.versionId };
  }

  async presignRetrieval(key: string, versionId: string | undefined, fileName: string) {
    const version = this.#version(key, versionId);
    const query = new URLSearchParams({ versionId: version.versionId, filename: fileName });
    return {
      url: `memory://archive/${key}?${query}`,
      expiresAt: new Date(Date.now() + RETRIEVAL_URL_SECONDS * 1000).toISOString(),
    };
  }

  /** A GET of a retrieval link: the bytes of the version it names. */
  download(url: string): Buffer {
    const [path = '', query = ''] = url.replace(/^memory:\/\/archive\//, '').split('?');
    const versionId = new URLSearchParams(query).get('versionId') ?? undefined;
    return Buffer.from(this.#version(path, versionId).bytes);
  }

  async setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void> {
    this.#version(key, versionId).legalHold = on;
  }

  /** Whether a version (the latest if none is named) is on legal hold. */
  legalHold(key: string, versionId?: string): boolean {
    return this.#version(key, versionId).legalHold;
  }

  /** How many versions of a key the archive holds (nothing is overwritten). */
  versionsOf(key: string): number {
    return this.#objects.get(key)?.length ?? 0;
  }
}

/** Recording devices (REC-10), one item per device of an agency, as `DeviceRepository`. */
export class InMemoryDevices implements Port<DeviceRepository> {
  readonly #devices = new Map<string, Device>();

  async get(agencyId: string, deviceId: string): Promise<Device | undefined> {
    const device = this.#devices.get(`${agencyId}#${deviceId}`);
    return device ? copy(device) : undefined;
  }

  async put(device: Device): Promise<void> {
    this.#devices.set(`${device.agencyId}#${device.deviceId}`, copy(device));
  }

  async list(agencyId: string): Promise<Device[]> {
    // By the `DEVICE#<id>` sort keys: by code point, as DynamoDB orders them, not by locale.
    return [...this.#devices.values()]
      .filter((device) => device.agencyId === agencyId)
      .sort((a, b) => byteOrder(a.deviceId, b.deviceId))
      .map(copy);
  }
}
