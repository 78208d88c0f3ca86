import { describe, expect, it } from 'vitest';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { AnnualReport } from '#shared/publicity/domain/annual-report.ts';
import type { AnnualReportRepository } from '#shared/publicity/store/annual-report-repository.ts';

/** An agency no other test writes: the DynamoDB table is shared by every test file. */
const freshAgency = () => `annual-contract-${Math.random().toString(36).slice(2, 10)}`;

const report = (agencyId: string, year: number, version: number, correction?: string): AnnualReport => ({
  agencyId,
  agencyName: '合同测试局',
  year,
  version,
  status: 'published',
  data: { licensing: 0, penalty: version, coercion: 0, levy: 0, requisition: 0, inspection: 0, other: 0 },
  publications: { published: version, withdrawn: 0 },
  // Each version a second after the one before, from 2 January, when the job publishes.
  publishedAt: new Date(Date.UTC(year + 1, 0, 2, 0, 0, version)).toISOString(),
  publishedBy: 'system:annual-report',
  ...(correction ? { correction } : {}),
});

/** What every annual report store keeps (LAW-7): each version written once, read oldest first, by year. */
export function annualReportRepositoryContract(name: string, repository: Port<AnnualReportRepository>): void {
  describe(`annual report repository: ${name}`, () => {
    it('[LAW-7] a version is written once: a second writer of it gets a 409 and the first stays', async () => {
      const agencyId = freshAgency();
      await repository.add(report(agencyId, 2025, 1));
      await expect(repository.add(report(agencyId, 2025, 1, '重复写入'))).rejects.toBeInstanceOf(Conflict);
      expect(await repository.versions(agencyId, 2025)).toEqual([report(agencyId, 2025, 1)]);
    });

    it('[LAW-7] every version of a year stays readable, oldest first, apart from other years and agencies', async () => {
      const agencyId = freshAgency();
      // Written out of order, and past version 9, where a sort by text without padding would fail.
      const written = [2, 1, 10, 3].map((version) => report(agencyId, 2025, version, `更正 ${version}`));
      for (const version of written) await repository.add(version);
      await repository.add(report(agencyId, 2024, 1));
      await repository.add(report(freshAgency(), 2025, 4));
      const versions = await repository.versions(agencyId, 2025);
      expect(versions.map((item) => item.version)).toEqual([1, 2, 3, 10]);
      expect(versions).toEqual([...written].sort((a, b) => a.version - b.version));
      expect(await repository.versions(agencyId, 2023)).toEqual([]);
    });
  });
}
