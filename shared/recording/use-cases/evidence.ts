import { ulid } from 'ulid';
import type * as z from 'zod';
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import {
  arrivalVerdict,
  type Evidence,
  type EvidenceInput,
  evidenceKey,
  parseEvidenceKey,
  partSizeFor,
  type Retrieval,
  type RetrievalInput,
} from '#shared/recording/domain/evidence.ts';
import type { EvidenceStorage } from '#shared/recording/store/evidence-storage.ts';
import {
  assertEntitled,
  assertInScope,
  assertMayHandle,
  type CasePorts,
  getCase,
} from '#shared/recording/use-cases/case-access.ts';
import {
  authoredBy,
  changeCase,
  changeWithCase,
  commitCaseChange,
} from '#shared/recording/use-cases/case-commit.ts';
import { type DevicePorts, deviceRegistered } from '#shared/recording/use-cases/devices.ts';

export interface EvidencePorts extends CasePorts, DevicePorts {
  storage: Port<EvidenceStorage>;
  retentionDays: number;
  /**
   * The machine's own clock, which the archive checks Object Lock dates against; `POST
   * /dev/clock` moves `now` (the business clock) only, so a lock date is never in the archive's past.
   */
  systemNow: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The system's own account, for what S3 notifications cause. */
const SYSTEM: Principal = { sub: 'system:evidence-archive', name: '音像档案系统', agencyId: '', roles: [] };

export async function getEvidence(ports: EvidencePorts, agencyId: string, id: string): Promise<Evidence> {
  const evidence = await ports.evidence.get(agencyId, id);
  if (!evidence) throw new NotFound('音像证据不存在', [{ path: 'id', message: '未找到该证据' }]);
  return evidence;
}

/**
 * Declares an AV file and returns a presigned PUT for it (REC-4, REC-6): the bytes go from the
 * device straight into the Object Lock archive; the retention and the SHA-256 are signed in.
 */
export async function declareEvidence(
  ports: EvidencePorts,
  principal: Principal,
  caseId: string,
  input: EvidenceInput,
) {
  return changeCase(
    ports,
    principal,
    caseId,
    async (record) => {
      const activity = (await ports.cases.activities(principal.agencyId, caseId)).find(
        (item) => item.id === input.activityId,
      );
      if (!activity)
        throw new NotFound('执法活动不存在', [{ path: 'activityId', message: input.activityId }]);
      if (!activity.officers.includes(input.officer)) {
        throw new RuleViolation('OFFICER_NOT_QUALIFIED', '记录人不是该执法活动的执法人员', [
          { path: 'officer', message: `${input.officer} 未参与该执法活动` },
        ]);
      }
      // The same recording cannot stand as the AV of two activities (REC-11).
      const duplicate = (await ports.evidence.forCase(principal.agencyId, caseId)).find(
        (item) =>
          item.sha256 === input.sha256 && item.activityId !== input.activityId && item.status !== 'rejected',
      );
      if (duplicate) {
        throw new Conflict('该音像文件已作为本案另一执法活动的证据登记，不能重复使用', [
          { path: 'sha256', message: `已登记为证据 ${duplicate.id}` },
        ]);
      }
      const registered = await deviceRegistered(ports, principal.agencyId, input.deviceId);
      const now = ports.now();
      const id = ulid();
      const retainUntil = new Date(ports.systemNow().getTime() + ports.retentionDays * DAY_MS);
      const evidence: Evidence = {
        ...input,
        ...(registered ? {} : { unregisteredDevice: true }),
        id,
        caseId,
        agencyId: principal.agencyId,
        status: 'pending-upload',
        key: evidenceKey(principal.agencyId, id),
        retainUntil: retainUntil.toISOString(),
        legalHold: false,
        createdAt: now.toISOString(),
        createdBy: principal.sub,
      };
      await commitCaseChange(
        ports,
        record,
        principal,
        'evidence.declared',
        {
          evidenceId: id,
          activityId: input.activityId,
          fileName: input.fileName,
          size: input.size,
          sha256: input.sha256,
          capturedAt: input.capturedAt,
          deviceId: input.deviceId,
          ...(registered ? {} : { unregisteredDevice: true }),
          officer: input.officer,
          ...(input.location ? { location: input.location } : {}),
        },
        authoredBy(record, principal),
        [ports.evidence.put(evidence)],
      );
      const upload = await ports.storage.presignUpload({
        key: evidence.key,
        contentType: input.contentType,
        sha256Hex: input.sha256,
        retainUntil,
      });
      return { ...evidence, upload };
      // The AV of an act already done is archived whatever became of the certificates since (REC-6).
    },
    { officersAct: false },
  );
}

/** A command on evidence and its case, read afresh on each attempt (`changeWithCase`). */
const changeEvidence = <T>(
  ports: EvidencePorts,
  agencyId: string,
  evidenceId: string,
  change: (evidence: Evidence, record: CaseRecord) => Promise<T>,
): Promise<T> => changeWithCase(ports, agencyId, () => getEvidence(ports, agencyId, evidenceId), change);

/** Opens a multipart upload for declared evidence and signs a PUT for every part. */
export async function startMultipartUpload(
  ports: EvidencePorts,
  principal: Principal,
  evidenceId: string,
  request: { partSize?: number; partSha256?: readonly string[] } = {},
) {
  return changeEvidence(ports, principal.agencyId, evidenceId, async (evidence, record) => {
    assertMayHandle(record, principal);
    if (evidence.status !== 'pending-upload') {
      throw new RuleViolation('EVIDENCE_ALREADY_RECEIVED', '该证据已上传', [
        { path: 'id', message: evidence.status },
      ]);
    }
    const partSize = partSizeFor(evidence.size, request.partSize);
    const partCount = Math.ceil(evidence.size / partSize);
    if (!request.partSha256 && ports.storage.needsPartChecksums) {
      throw new ValidationFailed([
        { path: 'partSha256', message: '分片上传须提供每个分片的 SHA-256，由存档逐片核对' },
      ]);
    }
    if (request.partSha256 && request.partSha256.length !== partCount) {
      throw new ValidationFailed([
        { path: 'partSha256', message: `按分片大小 ${partSize} 字节应有 ${partCount} 个分片的 SHA-256` },
      ]);
    }
    const upload = await ports.storage.presignMultipart({
      key: evidence.key,
      contentType: evidence.contentType,
      retainUntil: new Date(evidence.retainUntil),
      size: evidence.size,
      partSize,
      ...(request.partSha256
        ? { partSha256: request.partSha256.map((hex) => Buffer.from(hex, 'hex').toString('base64')) }
        : {}),
    });
    await commitCaseChange(
      ports,
      record,
      principal,
      'evidence.multipart-started',
      { evidenceId, parts: upload.parts.length, partSize: upload.partSize },
      {},
      [
        ports.evidence.put(
          {
            ...evidence,
            uploadId: upload.uploadId,
            ...(request.partSha256 ? { partSha256: request.partSha256.map((hex) => hex.toLowerCase()) } : {}),
          },
          'pending-upload',
        ),
      ],
    );
    return upload;
  });
}

/** Completes the multipart upload the platform opened; the arrival check follows as for a PUT. */
export async function completeMultipartUpload(
  ports: EvidencePorts,
  principal: Principal,
  evidenceId: string,
  input: { uploadId: string; parts: readonly { partNumber: number; etag: string }[] },
) {
  const evidence = await getEvidence(ports, principal.agencyId, evidenceId);
  assertMayHandle(await getCase(ports, principal.agencyId, evidence.caseId), principal);
  if (evidence.status !== 'pending-upload' || evidence.uploadId !== input.uploadId) {
    throw new RuleViolation('UNKNOWN_UPLOAD', '没有这个进行中的分片上传', [
      { path: 'uploadId', message: input.uploadId },
    ]);
  }
  await ports.storage.completeMultipart(evidence.key, input.uploadId, input.parts);
  return { id: evidenceId, status: evidence.status };
}

/**
 * An object arrived in the archive (the S3 event in AWS; the local runtime's equivalent): check
 * size and SHA-256 against what was declared, mark the evidence archived or rejected, journal it.
 * At-least-once delivery is fine: evidence that is no longer pending is left as it is.
 */
export async function receiveEvidence(
  ports: EvidencePorts,
  key: string,
  versionId?: string,
): Promise<{ evidenceId: string; status: Evidence['status'] } | undefined> {
  const parsed = parseEvidenceKey(key);
  if (!parsed) return undefined;
  const first = await ports.evidence.get(parsed.agencyId, parsed.evidenceId);
  if (!first) return undefined;
  if (first.status !== 'pending-upload') return { evidenceId: first.id, status: first.status };
  const received = await ports.storage.received(key, versionId, { partSha256: first.partSha256 });
  return changeEvidence(ports, parsed.agencyId, parsed.evidenceId, async (evidence, record) => {
    if (evidence.status !== 'pending-upload') return { evidenceId: evidence.id, status: evidence.status };
    const problem = arrivalVerdict(evidence, received);
    // The first AV of an activity to arrive covers it, for the statistics (REC-9).
    const activity = problem
      ? undefined
      : (await ports.cases.activities(evidence.agencyId, evidence.caseId)).find(
          (candidate) => candidate.id === evidence.activityId && candidate.avArchived !== true,
        );
    const now = ports.now().toISOString();
    const next: Evidence = {
      ...evidence,
      status: problem ? 'rejected' : 'archived',
      receivedSize: received.size,
      ...(received.sha256 ? { receivedSha256: received.sha256 } : {}),
      checksumVerifiedBy: received.verifiedBy,
      ...(received.versionId ? { versionId: received.versionId } : {}),
      ...(problem ? { rejectionReason: problem } : { archivedAt: now }),
    };
    await commitCaseChange(
      ports,
      record,
      { ...SYSTEM, agencyId: evidence.agencyId },
      problem ? 'evidence.rejected' : 'evidence.archived',
      {
        evidenceId: evidence.id,
        ...(received.sha256 ? { sha256: received.sha256 } : {}),
        ...(received.partsMatch !== undefined ? { partsMatch: received.partsMatch } : {}),
        verifiedBy: received.verifiedBy,
        size: received.size,
        ...(received.versionId ? { versionId: received.versionId } : {}),
        ...(problem ? { reason: problem } : {}),
      },
      {},
      [
        ports.evidence.put(next, 'pending-upload'),
        ...(activity ? [ports.cases.putActivity({ ...activity, avArchived: true }, activity)] : []),
      ],
    );
    return { evidenceId: evidence.id, status: next.status };
  });
}

export async function retrieveEvidence(
  ports: EvidencePorts,
  principal: Principal,
  evidenceId: string,
  input: z.infer<typeof RetrievalInput>,
) {
  const evidence = await getEvidence(ports, principal.agencyId, evidenceId);
  // Entitlement first: someone outside the case learns nothing of its evidence, not even its status.
  assertEntitled(await getCase(ports, principal.agencyId, evidence.caseId), principal);
  if (evidence.status !== 'archived') {
    throw new RuleViolation('EVIDENCE_NOT_ARCHIVED', '该证据尚未归档，不能调阅', [
      { path: 'id', message: evidence.status },
    ]);
  }
  return withRetry(async () => {
    const record = await getCase(ports, principal.agencyId, evidence.caseId);
    assertEntitled(record, principal);
    const link = await ports.storage.presignRetrieval(evidence.key, evidence.versionId, evidence.fileName);
    const retrieval: Retrieval = {
      id: ulid(),
      evidenceId,
      agencyId: principal.agencyId,
      caseId: evidence.caseId,
      purpose: input.purpose,
      reason: input.reason,
      by: principal.sub,
      byName: principal.name,
      at: ports.now().toISOString(),
      expiresAt: link.expiresAt,
    };
    await commitCaseChange(
      ports,
      record,
      principal,
      'evidence.retrieved',
      {
        evidenceId,
        retrievalId: retrieval.id,
        purpose: input.purpose,
        reason: input.reason,
        expiresAt: link.expiresAt,
      },
      {},
      [ports.evidence.putRetrieval(retrieval)],
    );
    return { id: retrieval.id, url: link.url, expiresAt: link.expiresAt };
  });
}

export async function evidenceRetrievals(ports: EvidencePorts, principal: Principal, evidenceId: string) {
  const evidence = await getEvidence(ports, principal.agencyId, evidenceId);
  assertEntitled(await getCase(ports, principal.agencyId, evidence.caseId), principal);
  return ports.evidence.retrievals(principal.agencyId, evidenceId);
}

/** Puts archived evidence on legal hold for a dispute, or lifts it (REC-7); journaled. */
export async function setLegalHold(
  ports: EvidencePorts,
  principal: Principal,
  evidenceId: string,
  input: { on: boolean; reason: string },
): Promise<Evidence> {
  const evidence = await getEvidence(ports, principal.agencyId, evidenceId);
  assertInScope(await getCase(ports, principal.agencyId, evidence.caseId), principal);
  if (evidence.status !== 'archived') {
    throw new RuleViolation('EVIDENCE_NOT_ARCHIVED', '该证据尚未归档', [
      { path: 'id', message: evidence.status },
    ]);
  }
  await ports.storage.setLegalHold(evidence.key, evidence.versionId, input.on);
  return changeEvidence(ports, principal.agencyId, evidenceId, async (current, record) => {
    const next: Evidence = { ...current, legalHold: input.on };
    await commitCaseChange(
      ports,
      record,
      principal,
      input.on ? 'evidence.legal-hold.on' : 'evidence.legal-hold.off',
      { evidenceId, reason: input.reason },
      {},
      [ports.evidence.put(next, 'archived')],
    );
    return next;
  });
}
