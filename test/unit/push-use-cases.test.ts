import { describe, expect, it } from 'vitest';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { ValidationFailed } from '#shared/kernel/errors.ts';
import { sweepPublications } from '#shared/publicity/use-cases/publication-sweep.ts';
import { MAX_ATTEMPTS, signature } from '#shared/recording/domain/push.ts';
import { deliverDue, replay, setPushTarget } from '#shared/recording/use-cases/push.ts';
import {
  AGENCY,
  cast,
  readyForDecision,
  SMALL_FINE,
  tick,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

const TARGET = { url: 'https://gs.example.gov.cn/publicity', secret: 'a-shared-secret-of-32-characters' };

/** A decided case whose publication the sweep then publishes at its due date. */
async function published(world: UnitWorld): Promise<string> {
  const { caseId } = await readyForDecision(world, {});
  tick(world);
  const issued = await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE);
  world.clock.set(`${issued.publication.dueBy}T02:00:00.000Z`);
  const swept = await sweepPublications(world.ports);
  expect(swept.published).toContain(issued.publication.id);
  return issued.publication.id;
}

/** The pending deliveries of the agency: each is written with its publication, in its transaction. */
const nextAttemptOf = async (world: UnitWorld, id: string) =>
  (await world.ports.push.get(id))?.nextAttemptAt ?? '';

describe('pushes to another platform, without a network', () => {
  it('[ORG-2] a target is https and outside the network', async () => {
    const world = await unitBureau();
    for (const url of ['http://gs.example.gov.cn/publicity', 'https://10.0.0.5/publicity']) {
      const refused = await setPushTarget(world.ports, cast.admin, { ...TARGET, url }).catch(
        (error: unknown) => error,
      );
      expect(refused, url).toBeInstanceOf(ValidationFailed);
      expect((refused as ValidationFailed).details.map((detail) => detail.path)).toEqual(['url']);
    }
    expect(await world.ports.push.target(AGENCY)).toBeUndefined();
  });

  it('[ORG-2] [PUB-14] a publication is pushed signed; a failing platform holds back the agency’s later deliveries, backs off, and ends in a dead letter that is replayed', async () => {
    const world = await unitBureau();
    await setPushTarget(world.ports, cast.admin, TARGET);
    const first = await published(world);
    const second = await published(world);
    expect(first).not.toBe(second);

    world.platform.answer(async () => new Response('busy', { status: 503 }));
    const failing = await deliverDue(world.ports);
    expect(failing.failed).toHaveLength(1);
    expect(failing.deferred).toHaveLength(1);
    expect(world.platform.posts).toHaveLength(1);
    const [post] = world.platform.posts;
    const body = JSON.parse(post?.body ?? '{}') as {
      event: string;
      publicationId: string;
      deliveryId: string;
    };
    expect(body).toMatchObject({ event: 'publication.published', publicationId: first });
    // The platform checks the signature over the timestamp and the exact body.
    expect(post?.headers['x-platform-signature']).toBe(
      signature(TARGET.secret, post?.headers['x-platform-timestamp'] ?? '', post?.body ?? ''),
    );

    // Tried again only when its back-off has passed, then parked as a dead letter.
    const id = body.deliveryId;
    const soon = await deliverDue(world.ports);
    expect([...soon.failed, ...soon.dead, ...soon.delivered]).not.toContain(id);
    // Each run at its next attempt tries it (or the agency's other one first, which then holds it back).
    for (
      let run = 0;
      run < 2 * MAX_ATTEMPTS && (await world.ports.push.get(id))?.status === 'pending';
      run += 1
    ) {
      world.clock.set(await nextAttemptOf(world, id));
      await deliverDue(world.ports);
    }
    expect(await world.ports.push.get(id)).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect((await world.ports.push.dead(AGENCY)).map((delivery) => delivery.id)).toContain(id);

    world.platform.answer(async () => new Response(null, { status: 204 }));
    await replay(world.ports, cast.admin, id);
    const delivered = await deliverDue(world.ports);
    expect(delivered.delivered).toContain(id);
    expect((await world.ports.push.get(id))?.status).toBe('delivered');
  });

  it('[ORG-2] a target whose name resolves inside the network is not sent to, and a lost connection is a failure', async () => {
    const world = await unitBureau();
    await setPushTarget(world.ports, cast.admin, TARGET);
    await published(world);
    world.platform.resolveTo('gs.example.gov.cn', ['10.1.2.3']);
    const inside = await deliverDue(world.ports);
    expect(inside.failed).toHaveLength(1);
    expect(world.platform.posts).toEqual([]);
    const [id = ''] = inside.failed;
    expect((await world.ports.push.get(id))?.lastError).toBe('对接平台地址解析为内网地址，未发送');

    world.platform.resolveTo('gs.example.gov.cn', ['202.96.134.133']);
    world.platform.answer(async () => {
      throw new TypeError('fetch failed');
    });
    world.clock.set(await nextAttemptOf(world, id));
    expect((await deliverDue(world.ports)).failed).toEqual([id]);
    expect((await world.ports.push.get(id))?.lastError).toBe('无法连接对接平台');
  });
});
