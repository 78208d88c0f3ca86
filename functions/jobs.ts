/**
 * The scheduled jobs: EventBridge Scheduler runs them in AWS (infra/stacks/stateless-stack.ts), the
 * local scheduler runs them on one machine, and `POST /dev/jobs/{name}` runs one now.
 * Each handler is idempotent: a schedule may fire twice, and two runs may overlap.
 */
export interface JobDef {
  name: string;
  /** The handler module under `functions/`; it exports `handler(event) => summary`. */
  handler: string;
  everyMinutes: number;
  description: string;
  /** What the job does in the evidence archive, beyond the tables every job reads and writes. */
  archive?: 'read' | 'write-anchors';
}

export const jobTable: JobDef[] = [
  {
    name: 'publication-sweep',
    handler: 'jobs/publication-sweep',
    everyMinutes: 15,
    description: '公示到期或已具备条件的决定；撤下公示期届满的公示 (PUB-12, LAW-6)',
  },
  {
    name: 'push-deliveries',
    handler: 'jobs/push-deliveries',
    everyMinutes: 5,
    description: '向对接平台推送公示和撤回，失败重试，多次失败转入死信 (ORG-2)',
  },
  {
    name: 'certificate-expiry',
    handler: 'jobs/certificate-expiry',
    everyMinutes: 24 * 60,
    description: '标记即将到期（30日内）和已到期的执法证，供管理员审验换证',
  },
  {
    name: 'deadline-recompute',
    handler: 'jobs/deadline-recompute',
    everyMinutes: 5,
    description: '节假日日历载入或修改后，继续重算尚未完成的公示和审核期限（可中断续算）(LAW-8)',
  },
  {
    name: 'annual-report',
    handler: 'jobs/annual-report',
    everyMinutes: 24 * 60,
    description: '每年 1 月 2 日起发布各机关上一年度行政执法数据，发布后固定 (LAW-7)',
  },
  {
    name: 'supervision-report',
    handler: 'jobs/supervision-report',
    everyMinutes: 24 * 60,
    description: '每年 1 月 2 日起发布各监督机关上一年度行政执法监督报告，发布后固定 (SUP-6)',
  },
  {
    name: 'journal-anchor',
    handler: 'jobs/journal-anchor',
    everyMinutes: 6 * 60,
    description: '把前一日各案件日志的最新哈希按机关写入不可篡改的存证库，逐日链接 (REC-3)',
    archive: 'write-anchors',
  },
  {
    name: 'stale-uploads',
    handler: 'jobs/stale-uploads',
    everyMinutes: 60,
    description: '列出申报后超过一天仍未到达档案库的音像证据，提醒重新上传 (REC-6)',
  },
  {
    name: 'arrival-redrive',
    handler: 'jobs/arrival-redrive',
    everyMinutes: 30,
    description: '补校验已到达档案库但到达通知失败或丢失的音像证据（七日内申报的）(REC-6)',
    archive: 'read',
  },
  {
    name: 'review-overdue',
    handler: 'jobs/review-overdue',
    everyMinutes: 60,
    description: '标记超过审核期限仍未出具意见的法制审核',
  },
  {
    name: 'decision-documents',
    handler: 'jobs/decision-documents',
    everyMinutes: 24 * 60,
    description: '一次性补制：为此前作出、尚无决定书的决定生成决定书及文号，并补入公示 (REC-12)',
  },
];
