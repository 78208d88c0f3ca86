/**
 * The one source of "now" for domain code. In AWS it is the system clock; the local runtime can move
 * it (`POST /dev/clock`) to show deadlines and schedules without waiting for them. What other
 * systems check against the machine's clock (Object Lock dates, SigV4 signatures) never uses it.
 */
let offsetMs = 0;

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  set(now: Date): void {
    offsetMs = now.getTime() - Date.now();
  },
  reset(): void {
    offsetMs = 0;
  },
};
