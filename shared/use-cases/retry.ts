import { setTimeout as sleep } from 'node:timers/promises';
import { StaleWrite } from '#shared/errors.ts';

/**
 * Re-reads and retries a commit that lost a race (a busy case, a taken document number, a
 * transaction DynamoDB cancelled for a concurrent one). A business conflict is not retried.
 */
export async function withRetry<T>(attempt: () => Promise<T>, attempts = 40): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleWrite) || tries >= attempts) throw error;
      await sleep(5 + Math.random() * 20 * Math.min(tries, 5));
    }
  }
}
