import { ulid } from 'ulid';
import { forEachConcurrently } from '#shared/concurrency.ts';
import { InternalTargetRefused, type PushHttp } from '#shared/events/push-http.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { logger } from '#shared/observability.ts';
import {
  type Delivery,
  MAX_ATTEMPTS,
  nextAttempt,
  type PushTargetInput,
  pushTargetRefusal,
  signature,
} from '#shared/recording/domain/push.ts';
import type { PushRepository } from '#shared/recording/store/push-repository.ts';

export interface PushPorts {
  push: Port<PushRepository>;
  now: () => Date;
  http: PushHttp;
}

/** A platform's answer is awaited this long unless its target says otherwise. */
const DEFAULT_TIMEOUT_SECONDS = 5;
/** Agencies delivered to at once; each agency's own deliveries go one after another, in order. */
const AGENCIES_AT_ONCE = 8;

/** The delivery to write with a publish or withdrawal, if the agency pushes to another platform. */
export async function deliveryWrites(
  ports: PushPorts,
  agencyId: string,
  event: Delivery['event'],
  publicationId: string,
  payload: Record<string, unknown>,
): Promise<ChildWrite[]> {
  if (!(await ports.push.target(agencyId))) return [];
  const now = ports.now().toISOString();
  return [
    ports.push.create({
      id: ulid(),
      agencyId,
      event,
      publicationId,
      payload,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    }),
  ];
}

async function send(
  http: PushHttp,
  delivery: Delivery,
  target: { url: string; secret: string; timeoutSeconds?: number },
  sentAt: Date,
): Promise<string | undefined> {
  const body = JSON.stringify({
    deliveryId: delivery.id,
    event: delivery.event,
    agencyId: delivery.agencyId,
    publicationId: delivery.publicationId,
    data: delivery.payload,
  });
  const timestamp = sentAt.toISOString();
  // Checked again at delivery: a target saved before a rule, or a name that now points inside.
  if (pushTargetRefusal(target.url, http.allowPrivateTargets)) return '对接平台地址为内网或本机地址，未发送';
  try {
    // The name is resolved once and every address checked; the POST connects to a checked one.
    const response = await http.post(target.url, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-platform-delivery': delivery.id,
        'x-platform-timestamp': timestamp,
        'x-platform-signature': signature(target.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout((target.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000),
    });
    return response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    if (error instanceof InternalTargetRefused) return '对接平台地址解析为内网地址，未发送';
    // The receiver's failure by its kind only: the runtime's own message stays in the log.
    logger.warn('push delivery failed', { deliveryId: delivery.id, error: error as Error });
    return (error as Error).name === 'TimeoutError' ? '对接平台响应超时' : '无法连接对接平台';
  }
}

/** Why a target's host may not be used once resolved: every address it has is checked. */
async function resolveRefusal(http: PushHttp, url: string): Promise<string | undefined> {
  try {
    await http.addresses(new URL(url).hostname);
    return undefined;
  } catch (error) {
    if (error instanceof InternalTargetRefused) return '对接平台地址解析为内网或本机地址';
    logger.warn('push target not resolved', { error: error as Error });
    return '对接平台地址的域名无法解析';
  }
}

/** Sets the agency's push target (ORG-2): https, and not an internal host, by name or by address. */
export async function setPushTarget(ports: PushPorts, principal: Principal, input: PushTargetInput) {
  const refusal =
    pushTargetRefusal(input.url, ports.http.allowPrivateTargets) ??
    (await resolveRefusal(ports.http, input.url));
  if (refusal) throw new ValidationFailed([{ path: 'url', message: refusal }], '对接平台地址不可用');
  await ports.push.putTarget(principal.agencyId, input);
  return { url: input.url };
}

/**
 * The push job: sends every delivery that is due; failures back off, then become dead letters.
 * Agencies are served side by side (a few at a time), each agency's deliveries in order; once an
 * agency's platform fails in a run, its remaining deliveries wait for the next run untouched, so
 * a slow or dead platform costs one timeout per run and never holds up another agency's.
 */
export async function deliverDue(
  ports: PushPorts,
): Promise<{ delivered: string[]; failed: string[]; dead: string[]; deferred: string[] }> {
  const now = ports.now();
  const outcome = {
    delivered: [] as string[],
    failed: [] as string[],
    dead: [] as string[],
    deferred: [] as string[],
  };
  const due: Delivery[] = [];
  for (const id of await ports.push.due(now.toISOString())) {
    const delivery = await ports.push.get(id);
    if (delivery?.status === 'pending' && delivery.nextAttemptAt <= now.toISOString()) due.push(delivery);
  }
  const agencies = [...Map.groupBy(due, (delivery) => delivery.agencyId).values()];
  const deliverAgency = async (deliveries: Delivery[]) => {
    const target = await ports.push.target(deliveries[0]?.agencyId ?? '');
    for (const [index, delivery] of deliveries.entries()) {
      const error = target ? await send(ports.http, delivery, target, ports.now()) : '未配置对接平台地址';
      const attempts = delivery.attempts + 1;
      const next: Delivery = error
        ? {
            ...delivery,
            attempts,
            lastError: error,
            status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
            nextAttemptAt: nextAttempt(now, attempts),
          }
        : { ...delivery, attempts, status: 'delivered', deliveredAt: ports.now().toISOString() };
      if (!(await ports.push.save(next, delivery.attempts, 'pending'))) continue;
      if (!error) outcome.delivered.push(delivery.id);
      else if (next.status === 'dead') outcome.dead.push(delivery.id);
      else outcome.failed.push(delivery.id);
      if (error) {
        outcome.deferred.push(...deliveries.slice(index + 1).map((later) => later.id));
        return;
      }
    }
  };
  await forEachConcurrently(agencies, AGENCIES_AT_ONCE, deliverAgency);
  return outcome;
}

/** Sends a dead letter again from the start (the replay command of ORG-2). */
export async function replay(ports: PushPorts, principal: Principal, id: string): Promise<Delivery> {
  const delivery = await ports.push.get(id);
  if (!delivery || delivery.agencyId !== principal.agencyId)
    throw new NotFound('推送记录不存在', [{ path: 'id', message: id }]);
  if (delivery.status !== 'dead')
    throw new Conflict('只有失败的推送可以重发', [{ path: 'id', message: delivery.status }]);
  const next: Delivery = {
    ...delivery,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: ports.now().toISOString(),
  };
  if (!(await ports.push.save(next, delivery.attempts, 'dead')))
    throw new Conflict('推送记录刚被修改，请刷新后重试');
  return next;
}
