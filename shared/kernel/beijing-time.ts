/**
 * An instant as people write it, in Beijing time: 2026年12月7日 05:29. Without zod or anything
 * else, so that the console, the site, the PDFs and the API's messages share it.
 */
const beijingFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function beijingTimeText(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : beijingFormat.format(date);
}
