/**
 * What one function instance last read of a key, trusted for a period: the request path's way
 * of reading an item that rarely changes (an agency's disabled accounts, a body's supervised
 * agencies) with no extra round trip on most requests. Concurrent requests share one read, and
 * a failed read is not remembered: the next request tries again.
 */
export class BriefCache<T> {
  readonly #entries = new Map<string, { readAt: number; value: Promise<T> }>();

  get(key: string, read: () => Promise<T>, now: number, periodSeconds: number): Promise<T> {
    let entry = this.#entries.get(key);
    if (!entry || now - entry.readAt >= periodSeconds * 1000) {
      const value = read();
      entry = { readAt: now, value };
      this.#entries.set(key, entry);
      value.catch(() => this.#entries.delete(key));
    }
    return entry.value;
  }
}
