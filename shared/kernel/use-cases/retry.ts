import { setTimeout as sleep } from 'node:timers/promises';
import { StaleWrite } from '#shared/kernel/errors.ts';

/**
 * Re-reads and retries a commit that lost a race (a busy case, a taken document number, a
 * transaction DynamoDB cancelled for a concurrent one). A business conflict is not retried.
 * `retryable` says which failures are tried again, when not only lost races.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  attempts = 40,
  retryable: (error: unknown) => boolean = (error) => error instanceof StaleWrite,
): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error) || tries >= attempts) throw error;
      await sleep(5 + Math.random() * 20 * Math.min(tries, 5));
    }
  }
}
