import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runRecomputation, startRecomputation } from '#shared/decisions/use-cases/deadline-recompute.ts';
import { bundledCalendar } from '#shared/kernel/bundled-calendar.ts';
import type { PublicationPorts } from '#shared/publicity/use-cases/publication-access.ts';
import { sweepPublications } from '#shared/publicity/use-cases/publication-sweep.ts';
import { ports } from '#shared/repositories.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { recountStatistics } from '#test/helpers/recount.ts';

/** Publication that is never stuck (PUB-12, LAW-8) and withdrawal by the law's clock (LAW-1). */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
// Certificates for each era these tests move the clock to: one runs five years at most (LAW-2).
const eras = [
  { from: '2026-01-01', to: '2030-12-31' },
  { from: '2041-01-01', to: '2045-12-31' },
];
const officers = eras.flatMap(({ from, to }) =>
  ['pi-a', 'pi-b'].map((userId) => officerInput({ userId, validFrom: from, validTo: to })),
);
/** The pair of certificates valid on the business clock's day. */
const pairOn = (clock: string) =>
  officers
    .filter((officer) => officer.validFrom <= clock.slice(0, 10) && clock.slice(0, 10) <= officer.validTo)
    .map((officer) => officer.certificateNo);

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'pi-admin', agencyId, roles: ['admin'] });
  t.handler = await api.token({ sub: 'pi-a', agencyId, roles: ['officer'] });
  t.head = await api.token({ sub: 'pi-head', agencyId, roles: ['unit-head'] });
  for (const body of officers) await api.call('POST', '/v1/officers', { token: t.admin, body });
  // Published once served: before its due date only the rule makes it ready.
  await api.call('PUT', '/v1/publication-rules/penalty', {
    token: t.admin,
    body: { workingDays: 7, publishWhen: 'served', maskPersonName: true },
  });
});
afterEach(async () => {
  await api.call('DELETE', '/dev/clock');
});
afterAll(() => api.close());

async function decided(clock: string, handler = t.handler) {
  await api.call('POST', '/dev/clock', { body: { now: clock } });
  const created = await api.call('POST', '/v1/cases', {
    token: handler,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title: '公示完整性测试案',
      party: { kind: 'organization', name: '某养老院', idNumber: '52530524MJ0000000Q' },
      officers: pairOn(clock),
    },
  });
  expect(created.status, created.text).toBe(201);
  const decision = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
    token: handler,
    body: { type: 'penalty', summary: '给予警告', legalBasis: '第三十条', penalty: { kind: 'warning' } },
  });
  expect(decision.status, decision.text).toBe(201);
  return { caseId: created.body.id as string, publicationId: decision.body.publication.id as string };
}

const publication = async (id: string) =>
  (await api.call('GET', '/v1/publications', { token: t.admin })).body.items.find(
    (item: { id: string }) => item.id === id,
  );

describe('publication is never stuck', () => {
  it('[PUB-12] a failure is retried, past the due date it is overdue, and the next sweep publishes it late, saying by how much', async () => {
    const { caseId, publicationId } = await decided('2026-11-02T10:00:00+08:00');
    expect((await publication(publicationId)).dueBy).toBe('2026-11-11');
    await api.call('POST', '/dev/clock', { body: { now: '2026-11-13T10:00:00+08:00' } });
    // The store refuses the publication of this one case (a fault injected, nothing else changes).
    const failing: PublicationPorts = {
      ...ports,
      cases: new Proxy(ports.cases, {
        get(target, property) {
          const value = Reflect.get(target, property, target);
          if (property !== 'commit') return typeof value === 'function' ? value.bind(target) : value;
          return async (...args: Parameters<typeof target.commit>) => {
            const [record, , entry] = args;
            if (record.id === caseId && entry.type === 'publication.published')
              throw Object.assign(
                new Error('Rate exceeded for arn:aws:dynamodb:cn-north-1:1234:table/Main'),
                {
                  name: 'ThrottlingException',
                },
              );
            return target.commit.apply(target, args);
          };
        },
      }),
    };
    const first = await sweepPublications(failing);
    expect(first.failed).toContain(publicationId);
    expect(first.overdue).toContain(publicationId);
    expect(await publication(publicationId)).toMatchObject({
      status: 'overdue',
      lastFailure: { reason: expect.stringContaining('ThrottlingException') },
    });
    // Staff see the kind of failure, never the SDK's message with its tables and accounts.
    const journal = await api.call('GET', `/v1/cases/${caseId}/journal`, { token: t.admin });
    expect(JSON.stringify(journal.body)).toContain('ThrottlingException');
    expect(JSON.stringify(journal.body)).not.toContain('arn:aws');
    expect(JSON.stringify(await publication(publicationId))).not.toContain('arn:aws');
    const listed = await api.call('GET', '/v1/publications?status=overdue', { token: t.admin });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(publicationId);
    const overdueIds = async () =>
      (await api.call('GET', '/v1/oversight/overdue', { token: t.admin })).body.publications.map(
        (item: { id: string }) => item.id,
      );
    expect(await overdueIds()).toContain(publicationId);

    const second = await api.call('POST', '/dev/jobs/publication-sweep');
    expect(second.body.result.published).toContain(publicationId);
    const after = await publication(publicationId);
    expect(after).toMatchObject({ status: 'published', late: true, lateByWorkingDays: 2 });
    expect(after).not.toHaveProperty('lastFailure');
    // Published, it leaves the agency's open work: the overdue list reads only what is open.
    expect(await overdueIds()).not.toContain(publicationId);
    expect((await api.call('GET', `/public/v1/publications/${publicationId}`)).status).toBe(200);
  });

  it('[PUB-12] [LAW-8] a publication whose due date a year without a calendar holds is published by hand, and by the sweep once ready', async () => {
    const byHand = await decided('2041-12-27T10:00:00+08:00');
    expect(await publication(byHand.publicationId)).toMatchObject({
      status: 'deadline-unconfirmed',
      dueBy: null,
    });
    await api.call('POST', '/dev/jobs/publication-sweep');
    expect((await publication(byHand.publicationId)).status).toBe('deadline-unconfirmed');
    // By hand too, the rule decides when it is ready: here once the decision is served.
    const early = await api.call('POST', `/v1/publications/${byHand.publicationId}/publish`, {
      token: t.head,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('PUBLICATION_NOT_READY');
    await api.call('POST', `/v1/cases/${byHand.caseId}/transitions`, {
      token: t.handler,
      body: { to: 'served' },
    });
    const published = await api.call('POST', `/v1/publications/${byHand.publicationId}/publish`, {
      token: t.head,
    });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ status: 'published' });
    expect(published.body.late).toBeUndefined();
    const again = await api.call('POST', `/v1/publications/${byHand.publicationId}/publish`, {
      token: t.head,
    });
    expect(again.status).toBe(409);

    const bySweep = await decided('2041-12-28T10:00:00+08:00');
    await api.call('POST', `/v1/cases/${bySweep.caseId}/transitions`, {
      token: t.handler,
      body: { to: 'served' },
    });
    const swept = await api.call('POST', '/dev/jobs/publication-sweep');
    expect(swept.body.result.published).toContain(bySweep.publicationId);
    expect(await publication(bySweep.publicationId)).toMatchObject({ status: 'published', dueBy: null });
  });

  it('[LAW-8] the recomputation after a calendar change resumes where it stopped after a crash half way', async () => {
    const held = [await decided('2043-12-27T10:00:00+08:00'), await decided('2043-12-28T10:00:00+08:00')];
    await api.call('DELETE', '/dev/clock');
    const principal = { sub: 'province-justice', name: '省司法厅', agencyId: 'yunnan-sft', roles: [] };
    const base = bundledCalendar(2026);
    if (!base) throw new Error('the bundled calendar has 2026');
    for (const year of [2043, 2044]) {
      await ports.calendars.put(
        { ...base, year, holidays: [`${year}-01-01`], workdays: [], version: 1 },
        undefined,
      );
    }
    const job = await startRecomputation(ports, principal, {
      ...base,
      year: 2044,
      holidays: ['2044-01-01'],
      workdays: [],
      version: 1,
    });
    let recomputedPublications = 0;
    const crashing = {
      ...ports,
      scheduleDueDate: async () => {
        recomputedPublications += 1;
        if (recomputedPublications === 2) throw new Error('the process died here');
      },
    };
    await expect(runRecomputation(crashing, job.id, 60_000)).rejects.toThrow('the process died here');
    expect((await ports.recomputations.get(job.id))?.status).toBe('running');
    const resumed = await api.call('POST', '/dev/jobs/deadline-recompute');
    expect(resumed.status, resumed.text).toBe(200);
    const finished = await ports.recomputations.get(job.id);
    expect(finished?.status).toBe('done');
    for (const { publicationId } of held) {
      expect(await publication(publicationId)).toMatchObject({
        status: 'scheduled',
        dueBy: expect.stringMatching(/^2044-01-/),
      });
    }
  });
});

describe('withdrawal by the law’s clock', () => {
  it('[LAW-1] [PUB-11] withdrawBy is 3 working days from the day the revocation took effect, across National Day; late when past', async () => {
    const { caseId, publicationId } = await decided('2026-09-21T10:00:00+08:00');
    await api.call('DELETE', '/dev/clock');
    const revoked = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: {
        kind: 'revoked',
        reason: '经行政复议决定撤销',
        effectiveOn: '2026-09-30',
        authority: '昌宁县人民政府',
        documentNo: '昌政复决〔2026〕3号',
      },
    });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.publication).toMatchObject({
      id: publicationId,
      effectiveOn: '2026-09-30',
      withdrawBy: '2026-10-10',
      late: true,
    });
    expect((await publication(publicationId)).withdrawal).toMatchObject({
      authority: '昌宁县人民政府',
      documentNo: '昌政复决〔2026〕3号',
    });
    const twice = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '再次撤销', effectiveOn: '2026-10-08' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CONFLICT');
  });

  it('[LAW-1] a revocation needs a decision, and a date that is neither in the future nor before the decision', async () => {
    const created = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'penalty',
        title: '未决定案',
        party: { kind: 'organization', name: '某机构', idNumber: '52530524MJ0000001U' },
        officers: pairOn(new Date().toISOString()),
      },
    });
    const none = await api.call('POST', `/v1/cases/${created.body.id}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '撤销', effectiveOn: '2026-11-20' },
    });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('NO_DECISION');
    const { caseId } = await decided('2026-11-16T10:00:00+08:00');
    await api.call('DELETE', '/dev/clock');
    const missing = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '撤销' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'effectiveOn',
    ]);
    for (const effectiveOn of ['2099-01-01', '2026-11-01']) {
      const refused = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
        token: t.handler,
        body: { kind: 'revoked', reason: '撤销', effectiveOn },
      });
      expect(refused.status, effectiveOn).toBe(400);
    }
  });
});

describe('supervision across agencies', () => {
  it('[ORG-4] a supervisor reads the statistics and overdue lists of the agencies it supervises, and nothing of the others', async () => {
    const body = newAgencyId();
    await api.supervise(agencyId, body);
    const supervisor = await api.token({ sub: 'county-justice', agencyId: body, roles: ['supervisor'] });
    const stats = await api.call('GET', `/v1/stats?from=2026-01-01&to=2041-12-31&agencyId=${agencyId}`, {
      token: supervisor,
    });
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body.agencyId).toBe(agencyId);
    expect(stats.body.cases.registered).toBeGreaterThan(0);
    // Late publications, withdrawals and replaced decisions all moved the counters as a recount says.
    const { agencyId: _a, from: _f, to: _t, training: _training, ...counted } = stats.body;
    expect(counted).toEqual(await recountStatistics(agencyId, '2026-01-01', '2041-12-31'));
    const overdue = await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, {
      token: supervisor,
    });
    expect(overdue.status, overdue.text).toBe(200);
    expect(overdue.body).toMatchObject({
      agencyId,
      publications: expect.any(Array),
      reviews: expect.any(Array),
    });
    const other = newAgencyId();
    for (const path of [
      `/v1/stats?from=2026-01-01&to=2026-12-31&agencyId=${other}`,
      `/v1/oversight/overdue?agencyId=${other}`,
    ]) {
      const refused = await api.call('GET', path, { token: supervisor });
      expect(refused.status, path).toBe(403);
    }
    // A supervisor of a body that supervises nothing.
    const unscoped = await api.token({ sub: 's2', agencyId: newAgencyId(), roles: ['supervisor'] });
    expect(
      (await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, { token: unscoped })).status,
    ).toBe(403);
    const otherAdmin = await api.token({ agencyId: other, roles: ['admin'] });
    expect(
      (await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, { token: otherAdmin })).status,
    ).toBe(403);
    expect((await api.call('GET', '/v1/oversight/overdue', { token: t.admin })).body.agencyId).toBe(agencyId);
  });
});

describe('publication by hand, in scope', () => {
  it("[PUB-1] [PUB-12] only the head of the case's unit or an administrator checks, confirms and publishes it", async () => {
    const inUnit = await api.token({ sub: 'pi-a', agencyId, unitId: 'u1', roles: ['officer'] });
    const ownHead = await api.token({ sub: 'pi-head-1', agencyId, unitId: 'u1', roles: ['unit-head'] });
    const otherHead = await api.token({ sub: 'pi-head-2', agencyId, unitId: 'u2', roles: ['unit-head'] });
    const { caseId, publicationId } = await decided('2026-11-02T10:00:00+08:00', inUnit);
    await api.call('POST', `/v1/cases/${caseId}/transitions`, { token: inUnit, body: { to: 'served' } });
    const steps: [string, string][] = [
      ['GET', `/v1/publications/${publicationId}/preview`],
      ['POST', `/v1/publications/${publicationId}/confirmation`],
      ['POST', `/v1/publications/${publicationId}/publish`],
    ];
    for (const [method, path] of steps) {
      expect((await api.call(method, path, { token: otherHead })).status, path).toBe(403);
    }
    expect((await publication(publicationId)).status).toBe('scheduled');
    for (const [method, path] of steps) {
      const done = await api.call(method, path, { token: ownHead });
      expect(done.status, `${path} ${done.text}`).toBe(200);
    }
    expect((await publication(publicationId)).status).toBe('published');
  });
});
