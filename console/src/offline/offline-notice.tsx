import { dateTime } from '../labels.ts';

/** Says that the screen shows what the device kept, from when, because the network is lost. */
export function OfflineNotice({ since }: { since: string | undefined }) {
  if (!since) return null;
  return (
    <div class="notice notice-warning" role="status">
      <p class="notice-title">网络不可用</p>
      <p>显示的是 {dateTime(since)} 保存在本机的内容。此时写的文书和执法活动先保存在本机，联网后自动发送。</p>
    </div>
  );
}
