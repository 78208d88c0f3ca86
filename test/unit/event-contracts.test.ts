import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { ScheduledJobInvocation } from '#events/job-events.ts';
import { CertificateStatusChanged } from '#events/officer-events.ts';
import { PublicationPublished, PublicationWithdrawn } from '#events/publication-events.ts';

const sample = (name: string) =>
  JSON.parse(readFileSync(`events/samples/${name}`, 'utf8')) as Record<string, unknown>;

const contracts: { name: string; schema: z.ZodObject; sample: string; required: string[] }[] = [
  {
    name: 'CertificateStatusChanged v1',
    schema: CertificateStatusChanged.schema,
    sample: 'certificate-status-changed.v1.json',
    required: [
      'version',
      'agencyId',
      'certificateNo',
      'officerName',
      'status',
      'reason',
      'validTo',
      'changedAt',
      'changedBy',
    ],
  },
  {
    name: 'PublicationPublished v1',
    schema: PublicationPublished.schema,
    sample: 'publication-published.v1.json',
    required: ['version', 'agencyId', 'publicationId', 'caseId', 'publishedOn', 'dueBy', 'late'],
  },
  {
    name: 'PublicationWithdrawn v1',
    schema: PublicationWithdrawn.schema,
    sample: 'publication-withdrawn.v1.json',
    required: [
      'version',
      'agencyId',
      'publicationId',
      'caseId',
      'kind',
      'reason',
      'withdrawnAt',
      'withdrawBy',
    ],
  },
  {
    name: 'scheduled job v1',
    schema: ScheduledJobInvocation.schema,
    sample: 'scheduled-job.v1.json',
    required: ['job'],
  },
];

describe('event contracts: consumers rely on these fields', () => {
  it.each(contracts)(
    '$name: the versioned sample parses, and every promised field is still in the schema',
    (contract) => {
      const payload = sample(contract.sample);
      expect(contract.schema.parse(payload)).toEqual(payload);
      for (const field of contract.required) {
        expect(Object.keys(contract.schema.shape)).toContain(field);
        const { [field]: _removed, ...without } = payload;
        expect(contract.schema.safeParse(without).success, `${field} must stay required`).toBe(false);
      }
    },
  );
});
