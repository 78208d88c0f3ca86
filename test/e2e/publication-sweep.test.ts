import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheck } from '#shared/kernel/party-identifier.ts';
import type { PublicationPorts } from '#shared/publicity/use-cases/publication-access.ts';
import { sweepPublications } from '#shared/publicity/use-cases/publication-sweep.ts';
import { ports } from '#shared/repositories.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
let handler: string;
const cases: { caseId: string; publicationId: string }[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.token({ agencyId, roles: ['admin'] });
  handler = await api.token({ sub: 'sweep-a', agencyId, roles: ['officer'] });
  const officers = [officerInput({ userId: 'sweep-a' }), officerInput()];
  for (const body of officers) await api.call('POST', '/v1/officers', { token: admin, body });
  for (let n = 0; n < 4; n += 1) {
    const code = `91530524MA6N0000${n}`;
    const created = await api.call('POST', '/v1/cases', {
      token: handler,
      body: {
        category: 'penalty',
        procedure: 'simple',
        title: `批量案件${n}`,
        party: { kind: 'organization', name: `某养老院${n}`, idNumber: `${code}${creditCodeCheck(code)}` },
        officers: officers.map((officer) => officer.certificateNo),
      },
    });
    for (const to of ['investigating', 'pending-decision']) {
      await api.call('POST', `/v1/cases/${created.body.id}/transitions`, { token: handler, body: { to } });
    }
    const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
      token: handler,
      body: { type: 'penalty', summary: '警告', legalBasis: '依据', penalty: { kind: 'warning' } },
    });
    cases.push({ caseId: created.body.id, publicationId: decided.body.publication.id });
  }
});
afterAll(() => api.close());

const publishedEntries = async (caseId: string) =>
  (await api.call('GET', `/v1/cases/${caseId}/journal`, { token: handler })).body.entries.filter(
    (entry: { type: string }) => entry.type === 'publication.published',
  ).length;

describe('the publication sweep', () => {
  it('[PUB-12] killed half way and run again, it publishes each publication exactly once', async () => {
    let reads = 0;
    // The process dies while reading the third case: two were published, the rest were not.
    const crashing: PublicationPorts = {
      ...ports,
      cases: new Proxy(ports.cases, {
        get(target, property) {
          const value = Reflect.get(target, property, target);
          if (property !== 'get') return typeof value === 'function' ? value.bind(target) : value;
          return async (...args: Parameters<typeof target.get>) => {
            reads += 1;
            if (reads === 3) throw new Error('the process died here');
            return target.get.apply(target, args);
          };
        },
      }),
    };
    await expect(sweepPublications(crashing)).rejects.toThrow('the process died here');
    const ours = new Set(cases.map((item) => item.publicationId));
    const [first, second] = await Promise.all([sweepPublications(ports), sweepPublications(ports)]);
    const republished = [...first.published, ...second.published].filter((id) => ours.has(id));
    expect(new Set(republished).size).toBe(republished.length);
    for (const { caseId, publicationId } of cases) {
      expect(await publishedEntries(caseId), caseId).toBe(1);
      expect((await api.call('GET', `/public/v1/publications/${publicationId}`)).status).toBe(200);
    }
    const again = await sweepPublications(ports);
    expect(again.published.filter((id) => ours.has(id))).toEqual([]);
  });
});
