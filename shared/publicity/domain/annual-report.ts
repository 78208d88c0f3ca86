import type { Counts } from '#shared/kernel/statistics.ts';

/**
 * The annual enforcement data (LAW-7, ORG-1): by 31 January each agency publishes the previous
 * year's decisions for licensing, penalty, coercion, levy, requisition and inspection, with 0
 * where there were none. Published once (the `annual-report` job, 2 January), then fixed: a
 * correction is a new version, and every version stays readable.
 */
export const ANNUAL_CATEGORIES = [
  'licensing',
  'penalty',
  'coercion',
  'levy',
  'requisition',
  'inspection',
  'other',
] as const;
export type AnnualCategory = (typeof ANNUAL_CATEGORIES)[number];

export type AnnualData = Record<AnnualCategory, number>;

export interface AnnualReport {
  agencyId: string;
  agencyName: string;
  year: number;
  version: number;
  status: 'published';
  data: AnnualData;
  publications: { published: number; withdrawn: number };
  publishedAt: string;
  publishedBy: string;
  /** Why a later version corrects the earlier one. */
  correction?: string;
}

/** The day the job publishes the previous year, and the day after which an unpublished one is overdue. */
export const publishOn = (year: number) => `${year + 1}-01-02`;
export const overdueFrom = (year: number) => `${year + 1}-02-01`;

/** What a report that is not published yet is: a draft until 31 January, overdue from 1 February. */
export function unpublishedStatus(year: number, today: string): 'draft' | 'overdue' {
  return today >= overdueFrom(year) ? 'overdue' : 'draft';
}

/** A year's enforcement data for the annual report (LAW-7) from the year's summed counters. */
export function annualDataOf(totals: Counts) {
  return {
    data: Object.fromEntries(
      ANNUAL_CATEGORIES.map((category) => [category, totals[`decisions.byCategory.${category}`] ?? 0]),
    ) as AnnualData,
    publications: {
      published: totals['publications.published'] ?? 0,
      withdrawn: totals['publications.byStatus.withdrawn'] ?? 0,
    },
  };
}
