import { EventEmitter } from 'node:events';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';

export interface DomainEvent {
  source: string;
  detailType: string;
  detail: object;
}

/**
 * On one machine there is no EventBridge: events go to this in-process bus, where the local
 * runtime (and tests) can listen with `localEventBus.on(detailType, ...)`.
 */
export const localEventBus = new EventEmitter();

const busName = config().EVENT_BUS_NAME;
const eventBridge = busName ? new EventBridgeClient({}) : undefined;

/**
 * Publishes domain events after the change they describe is stored. Publishing never undoes or
 * fails the change: a failure is logged with the events so they can be replayed.
 */
export async function publishEvents(events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!eventBridge) {
    for (const event of events) localEventBus.emit(event.detailType, event);
    return;
  }
  try {
    const result = await eventBridge.send(
      new PutEventsCommand({
        Entries: events.map((event) => ({
          EventBusName: busName,
          Source: event.source,
          DetailType: event.detailType,
          Detail: JSON.stringify(event.detail),
        })),
      }),
    );
    if ((result.FailedEntryCount ?? 0) > 0)
      logger.error('events not published', { events, result: result.Entries });
  } catch (error) {
    logger.error('events not published', { events, error: error as Error });
  }
}
