import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Forbidden } from '#shared/kernel/errors.ts';
import { addActivity, completeActivity } from '#shared/recording/use-cases/case-activities.ts';
import { caseJournal } from '#shared/recording/use-cases/case-journal.ts';
import {
  declareEvidence,
  evidenceRetrievals,
  receiveEvidence,
  retrieveEvidence,
  setLegalHold,
} from '#shared/recording/use-cases/evidence.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import {
  AGENCY,
  cast,
  DEVICE,
  OFFICERS,
  PARTY,
  person,
  recordedActivity,
  UNIT,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A case under investigation with an open on-site inspection, which needs AV (REC-4). */
async function inspecting(world: UnitWorld) {
  const { ports } = world;
  const record = await registerCase(ports, cast.handler, {
    category: 'penalty',
    title: '杨某某养老服务点未建立入院评估制度案',
    party: PARTY,
    officers: OFFICERS,
    unitId: UNIT,
  });
  await transitionCase(ports, cast.handler, record.id, { to: 'investigating' });
  const activity = await addActivity(ports, cast.handler, record.id, {
    type: 'on-site-inspection',
    officers: OFFICERS,
    location: '昌宁县田园镇某村养老服务点',
  });
  return { caseId: record.id, activity };
}

const declaration = (activityId: string, bytes: Buffer, overrides: Record<string, unknown> = {}) => ({
  activityId,
  fileName: '现场检查.mp4',
  contentType: 'video/mp4',
  size: bytes.length,
  sha256: sha256(bytes),
  capturedAt: '2026-03-02T01:30:00.000Z',
  deviceId: DEVICE,
  officer: OFFICERS[0],
  fullProcess: true,
  ...overrides,
});

describe('AV evidence, without a database', () => {
  it('[REC-6] [REC-4] declared evidence is archived when the bytes that arrive match its size and SHA-256', async () => {
    const world = await unitBureau();
    const { ports } = world;
    const { caseId, activity } = await inspecting(world);
    // Without its AV, the inspection is not completed.
    await expect(completeActivity(ports, cast.handler, caseId, activity.id)).rejects.toMatchObject({
      code: 'AV_REQUIRED',
    });
    const bytes = Buffer.from('执法记录仪录像：现场检查');
    const declared = await declareEvidence(ports, cast.handler, caseId, declaration(activity.id, bytes));
    expect(declared).toMatchObject({
      status: 'pending-upload',
      legalHold: false,
      key: `evidence/${AGENCY}/${declared.id}`,
    });
    expect(declared.upload.headers['x-amz-checksum-sha256']).toBe(
      Buffer.from(sha256(bytes), 'hex').toString('base64'),
    );
    // Retention: the archive keeps it for the configured days from its declaration.
    const retention = Date.parse(declared.retainUntil) - ports.now().getTime();
    expect(retention).toBe(ports.retentionDays * 24 * 60 * 60 * 1000);

    const { key, versionId } = ports.storage.upload(declared.upload.url, bytes);
    expect(await receiveEvidence(ports, key, versionId)).toEqual({
      evidenceId: declared.id,
      status: 'archived',
    });
    expect(await ports.evidence.get(AGENCY, declared.id)).toMatchObject({
      status: 'archived',
      receivedSha256: sha256(bytes),
      receivedSize: bytes.length,
      checksumVerifiedBy: 'platform',
      versionId,
    });
    // At-least-once delivery: the same arrival again changes nothing.
    const journalLength = (await caseJournal(ports, cast.handler, caseId)).length;
    expect(await receiveEvidence(ports, key, versionId)).toEqual({
      evidenceId: declared.id,
      status: 'archived',
    });
    expect(await caseJournal(ports, cast.handler, caseId)).toHaveLength(journalLength);
    // Now the inspection completes.
    expect((await completeActivity(ports, cast.handler, caseId, activity.id)).status).toBe('completed');
  });

  it('[REC-6] bytes whose SHA-256 is not the declared one are rejected, and do not count as AV', async () => {
    const world = await unitBureau();
    const { ports } = world;
    const { caseId, activity } = await inspecting(world);
    const bytes = Buffer.from('原始录像');
    const declared = await declareEvidence(ports, cast.handler, caseId, declaration(activity.id, bytes));
    // The same length, other bytes: only the SHA-256 tells them apart.
    const tampered = Buffer.from(bytes);
    tampered[0] = (tampered[0] ?? 0) ^ 0xff;
    const { key, versionId } = ports.storage.upload(declared.upload.url, tampered);
    expect(await receiveEvidence(ports, key, versionId)).toEqual({
      evidenceId: declared.id,
      status: 'rejected',
    });
    const rejected = await ports.evidence.get(AGENCY, declared.id);
    expect(rejected).toMatchObject({ status: 'rejected', receivedSha256: sha256(tampered) });
    expect(rejected?.rejectionReason).toContain('SHA-256');
    expect((await caseJournal(ports, cast.handler, caseId)).at(-1)?.type).toBe('evidence.rejected');
    await expect(completeActivity(ports, cast.handler, caseId, activity.id)).rejects.toMatchObject({
      code: 'AV_REQUIRED',
    });
    // A different size is named as such.
    const short = await declareEvidence(
      ports,
      cast.handler,
      caseId,
      declaration(activity.id, Buffer.from('另一段录像'), { fileName: '第二段.mp4' }),
    );
    const arrived = ports.storage.upload(short.upload.url, Buffer.from('短'));
    await receiveEvidence(ports, arrived.key, arrived.versionId);
    expect((await ports.evidence.get(AGENCY, short.id))?.rejectionReason).toMatch(/^文件大小不符/);
  });

  it('[REC-6] [REC-10] [REC-11] a declaration names an officer of the activity, flags an unregistered device, and one file serves one activity', async () => {
    const world = await unitBureau();
    const { ports } = world;
    const { caseId, activity } = await inspecting(world);
    const bytes = Buffer.from('录像');
    await expect(
      declareEvidence(ports, cast.handler, caseId, declaration(activity.id, bytes, { officer: 'ZF-0009' })),
    ).rejects.toMatchObject({ code: 'OFFICER_NOT_QUALIFIED', details: [{ path: 'officer' }] });
    const unregistered = await declareEvidence(
      ports,
      cast.handler,
      caseId,
      declaration(activity.id, bytes, { deviceId: 'PHONE-PRIVATE' }),
    );
    expect(unregistered.unregisteredDevice).toBe(true);
    const other = await addActivity(ports, cast.handler, caseId, {
      type: 'evidence-collection',
      officers: OFFICERS,
    });
    await expect(
      declareEvidence(ports, cast.handler, caseId, declaration(other.id, bytes)),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: [{ path: 'sha256' }] });
  });

  it('[REC-7] retrieval is for the entitled only, with a purpose, logged and journaled; legal hold is kept in the archive', async () => {
    const world = await unitBureau();
    const { ports } = world;
    const { caseId } = await inspecting(world);
    const { evidence, bytes } = await recordedActivity(world, caseId, 'evidence-collection');
    const outsider = person('officer-zhao', ['officer'], 'shzzg');
    const input = { purpose: 'review' as const, reason: '法制审核调阅现场录像' };
    await expect(retrieveEvidence(ports, outsider, evidence.id, input)).rejects.toBeInstanceOf(Forbidden);
    const link = await retrieveEvidence(ports, cast.reviewer, evidence.id, input);
    expect(ports.storage.download(link.url).equals(bytes)).toBe(true);
    expect(await evidenceRetrievals(ports, cast.handler, evidence.id)).toEqual([
      expect.objectContaining({
        id: link.id,
        by: cast.reviewer.sub,
        purpose: 'review',
        reason: input.reason,
      }),
    ]);
    expect((await caseJournal(ports, cast.handler, caseId)).at(-1)).toMatchObject({
      type: 'evidence.retrieved',
      actor: cast.reviewer.sub,
      data: { evidenceId: evidence.id, purpose: 'review' },
    });

    const held = await setLegalHold(ports, cast.head, evidence.id, {
      on: true,
      reason: '当事人申请行政复议',
    });
    expect(held.legalHold).toBe(true);
    expect(ports.storage.legalHold(evidence.key)).toBe(true);
    await expect(
      setLegalHold(ports, outsider, evidence.id, { on: false, reason: '解除' }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(ports.storage.legalHold(evidence.key)).toBe(true);
  });

  it('[REC-7] evidence not yet archived cannot be retrieved', async () => {
    const world = await unitBureau();
    const { ports } = world;
    const { caseId, activity } = await inspecting(world);
    const declared = await declareEvidence(
      ports,
      cast.handler,
      caseId,
      declaration(activity.id, Buffer.from('x')),
    );
    await expect(
      retrieveEvidence(ports, cast.reviewer, declared.id, { purpose: 'review', reason: '调阅' }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_NOT_ARCHIVED' });
    expect(await evidenceRetrievals(ports, cast.handler, declared.id)).toEqual([]);
  });
});
