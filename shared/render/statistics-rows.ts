import { categoryLabels, type EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import type { statistics } from '#shared/supervision/use-cases/oversight.ts';

export type Statistics = Awaited<ReturnType<typeof statistics>>;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The statistics as labelled rows, in Chinese: what the workbook and the evaluation report show. */
export function statisticsRows(stats: Statistics): [string, string | number][] {
  return [
    ['立案数', stats.cases.registered],
    ...Object.entries(stats.cases.byCategory).map(([category, count]): [string, number] => [
      `其中：${categoryLabels[category as EnforcementCategory] ?? category}`,
      count,
    ]),
    ['作出决定（须公示）', stats.publications.decisions],
    ['已公示', stats.publications.published],
    ['按期公示', stats.publications.publishedOnTime],
    ['公示及时率', percent(stats.publications.timelinessRate)],
    ['法制审核（送审）', stats.reviews.submitted],
    ['审核逾期', stats.reviews.overdue],
    ['审核通过率', percent(stats.reviews.approvalRate)],
    ['须音像记录的执法活动', stats.av.activitiesNeedingAv],
    ['音像记录覆盖率', percent(stats.av.coverageRate)],
    ['未登记设备的音像证据', stats.av.unregisteredDeviceEvidence],
    ['未记录亮证告知的现场活动', stats.av.informingNotRecorded],
    ['培训场次', stats.training.sessions],
    ['培训学时', stats.training.hours],
    ['参训执法人员', stats.training.officersTrained],
    ['执法业务骨干培训场次', stats.training.keyStaffSessions],
  ];
}
