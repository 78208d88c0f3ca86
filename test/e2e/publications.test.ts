import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicationWithdrawn } from '#events/publication-events.ts';
import { type DomainEvent, localEventBus } from '#shared/events/publisher.ts';
import { drawSample } from '#shared/inspections/domain/random-draw.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { onSiteWithAv } from '#test/helpers/evidence.ts';
import { fileApiPlan } from '#test/helpers/inspection-plans.ts';

let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const a = officerInput({ userId: 'pub-a', validFrom: '2026-01-01', validTo: '2030-12-31' });
const b = officerInput({ userId: 'pub-b', validFrom: '2026-01-01', validTo: '2030-12-31' });
// Their successors, for a decision the clock moves past a and b's five years (LAW-2).
const successors = [
  officerInput({ userId: 'pub-a', validFrom: '2032-01-01', validTo: '2036-12-31' }),
  officerInput({ userId: 'pub-b', validFrom: '2032-01-01', validTo: '2036-12-31' }),
];
const party = { kind: 'person', name: '赵铁柱', idNumber: '530524198512120013', phone: '13912345678' };

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'admin', agencyId, roles: ['admin'] });
  t.handler = await api.token({ sub: 'pub-a', agencyId, roles: ['officer'] });
  t.calendarAdmin = await api.token({
    sub: 'province-justice',
    agencyId: 'yunnan-sft',
    roles: ['calendar-admin'],
  });
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '公示测试局', region: '昌宁县', units: [] },
  });
  for (const officer of [a, b, ...successors])
    await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
  const list = await api.call('POST', '/v1/checklists', {
    token: t.handler,
    body: {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: [
        {
          code: 'SJ-P',
          inspectingBody: '局',
          basis: '依据',
          objects: '社会组织',
          content: '年检',
          method: '书面',
          ratio: '5%',
          frequency: '每年',
        },
      ],
    },
  });
  await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: t.admin });
  await fileApiPlan(api, { drafter: t.handler, filer: t.admin }, ['SJ-P']);
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

async function decide(
  options: { category?: string; clock?: string; party?: object; flags?: object; confirm?: boolean } = {},
) {
  const created = await api.call('POST', '/v1/cases', {
    token: t.handler,
    body: {
      category: options.category ?? 'penalty',
      title: '公示测试案',
      party: options.party ?? party,
      officers: [a.certificateNo, b.certificateNo],
      ...(options.flags ? { flags: options.flags } : {}),
      ...(options.category === 'inspection' ? { matterId: 'SJ-P' } : { procedure: 'simple' }),
    },
  });
  expect(created.status, created.text).toBe(201);
  if (options.category === 'inspection') {
    await onSiteWithAv(api, t.handler as string, created.body.id, [a.certificateNo, b.certificateNo]);
    const inspected = await api.call('POST', `/v1/cases/${created.body.id}/records`, {
      token: t.handler,
      body: {
        type: 'on-site-inspection-record',
        title: '现场检查笔录',
        fields: {
          place: '某社会组织办公室',
          startedAt: created.body.createdAt,
          endedAt: created.body.createdAt,
          inspectedParty: '某社会组织',
          findings: '年检材料齐全',
        },
      },
    });
    expect(inspected.status, inspected.text).toBe(201);
  }
  for (const to of ['investigating', 'pending-decision']) {
    await api.call('POST', `/v1/cases/${created.body.id}/transitions`, { token: t.handler, body: { to } });
  }
  if (options.clock) await api.call('POST', '/dev/clock', { body: { now: options.clock } });
  if (options.clock && options.clock.slice(0, 10) > a.validTo) {
    const replaced = await api.call('PUT', `/v1/cases/${created.body.id}/officers`, {
      token: t.admin,
      body: { officers: successors.map((officer) => officer.certificateNo), reason: '原执法证已到期' },
    });
    expect(replaced.status, replaced.text).toBe(200);
  }
  const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
    token: t.handler,
    body: {
      type: options.category === 'inspection' ? 'inspection-result' : 'penalty',
      summary: `当事人赵铁柱（身份证号530524198512120013，电话13912345678）未按规定办理登记，给予警告`,
      legalBasis: '《社会团体登记管理条例》第三十条',
      ...(options.category === 'inspection' ? {} : { penalty: { kind: 'warning' } }),
    },
  });
  expect(decided.status, decided.text).toBe(201);
  // A person checks the preview (审查): what a unit head does before the sweep may publish it.
  if (options.confirm !== false && decided.body.publication.status !== 'exempt') {
    const confirmed = await api.call('POST', `/v1/publications/${decided.body.publication.id}/confirmation`, {
      token: t.admin,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  return { caseId: created.body.id as string, ...decided.body };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const sweep = () => api.call('POST', '/dev/jobs/publication-sweep');
const publicList = async () =>
  (await api.call('GET', `/public/v1/agencies/${agencyId}/decisions?limit=100`)).body.items.map(
    (item: { id: string }) => item.id,
  );

describe('publication of decisions', () => {
  it('[PUB-1] [PUB-9] [PUB-12] a rule holds publication until service, but the due date publishes it whatever is pending', async () => {
    const rule = await api.call('PUT', '/v1/publication-rules/penalty', {
      token: t.admin,
      body: { workingDays: 7, publishWhen: 'served', maskPersonName: true },
    });
    expect(rule.status).toBe(200);
    const { publication } = await decide({ clock: '2026-09-28T10:00:00+08:00' });
    expect(publication.dueBy).toBe('2026-10-13');
    await sweep();
    expect(await publicList()).not.toContain(publication.id);
    await api.call('POST', '/dev/clock', { body: { now: '2026-10-13T00:05:00+08:00' } });
    const [first, second] = await Promise.all([sweep(), sweep()]);
    const published = [...first.body.result.published, ...second.body.result.published];
    expect(published.filter((id: string) => id === publication.id)).toHaveLength(1);
    expect(await publicList()).toContain(publication.id);
    await api.call('PUT', '/v1/publication-rules/penalty', {
      token: t.admin,
      body: { workingDays: 7, publishWhen: 'decided', maskPersonName: true },
    });
    await api.call('DELETE', '/dev/clock');
  });

  it('[PUB-1] [PUB-12] the sweep publishes early only what is ready: once served, or once a rule publishes sooner', async () => {
    const served = async (body: Record<string, unknown>) =>
      api.call('PUT', '/v1/publication-rules/penalty', { token: t.admin, body });
    const itemOf = async (id: string) =>
      (await api.call('GET', '/v1/publications?limit=100', { token: t.admin })).body.items.find(
        (item: { id: string }) => item.id === id,
      ) as { ready?: boolean };
    await served({ workingDays: 7, publishWhen: 'served', maskPersonName: true });
    const waiting = await decide();
    const untilRuleChanges = await decide();
    expect((await itemOf(waiting.publication.id)).ready).toBe(false);
    await sweep();
    expect(await publicList()).not.toContain(waiting.publication.id);
    // Served: the transition puts it on the sweep's ready list; the next sweep publishes it.
    await api.call('POST', `/v1/cases/${waiting.caseId}/transitions`, {
      token: t.handler,
      body: { to: 'served' },
    });
    expect((await itemOf(waiting.publication.id)).ready).toBe(true);
    expect((await sweep()).body.result.published).toContain(waiting.publication.id);
    expect(await publicList()).not.toContain(untilRuleChanges.publication.id);
    // The rule now publishes on decision: the waiting one is looked at again and goes out.
    await served({ workingDays: 7, publishWhen: 'decided', maskPersonName: true });
    expect((await sweep()).body.result.published).toContain(untilRuleChanges.publication.id);
    expect(await publicList()).toContain(untilRuleChanges.publication.id);
  });

  it('[LAW-5] the public record masks the person and never shows ID numbers or phones', async () => {
    const { publication } = await decide();
    await sweep();
    const shown = await api.call('GET', `/public/v1/publications/${publication.id}`);
    expect(shown.body).toMatchObject({
      party: { kind: 'person', name: '赵**' },
      agencyName: '公示测试局',
      categoryName: '行政处罚',
    });
    const text = JSON.stringify(shown.body);
    for (const secret of ['赵铁柱', '530524198512120013', '13912345678']) expect(text).not.toContain(secret);
    const list = JSON.stringify((await api.call('GET', `/public/v1/agencies/${agencyId}/decisions`)).body);
    expect(list).not.toMatch(/\d{17}[\dX]/);
    const page = await api.call('GET', `/public/v1/agencies/${agencyId}/decisions`, {
      headers: { accept: 'text/html' },
    });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('公示测试局 行政执法决定公示');
    expect(page.text).toContain('赵**');
    expect(page.text).toMatch(/<td[^>]*>警告<\/td>/);
    expect(page.text).not.toContain('赵铁柱');
    expect(page.text).not.toMatch(/\d{17}[\dX]/);
  });

  it('[LAW-5] [PUB-1] [PUB-12] a person checks the preview, with the personal data marked; unchecked, the due date still publishes it', async () => {
    const { caseId, publication } = await decide({ confirm: false });
    await sweep();
    expect(await publicList()).not.toContain(publication.id);
    const preview = await api.call('GET', `/v1/publications/${publication.id}/preview`, { token: t.admin });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.publication).toMatchObject({ requiresConfirmation: true });
    expect(preview.body.record.conclusion).not.toContain('13912345678');
    expect(preview.body.record.party.name).toBe('赵**');
    const flagged = preview.body.flags.map(
      (flag: { kind: string; text: string }) => `${flag.kind}:${flag.text}`,
    );
    expect(flagged).toEqual(
      // The party's own ID number and phone are known to the case: found as its identifiers.
      expect.arrayContaining(['name:赵铁柱', 'identifier:530524198512120013', 'identifier:13912345678']),
    );
    await api.call('POST', '/dev/clock', { body: { now: `${publication.dueBy}T09:00:00+08:00` } });
    await sweep();
    await api.call('DELETE', '/dev/clock');
    expect(await publicList()).toContain(publication.id);
    const journal = await api.call('GET', `/v1/cases/${caseId}/journal`, { token: t.admin });
    const published = journal.body.entries.find(
      (entry: { type: string }) => entry.type === 'publication.published',
    );
    expect(published.data).toMatchObject({ unconfirmed: true });
  });

  it('[LAW-5] a summary written the way officers write reaches the public with no personal data in it', async () => {
    const created = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'penalty',
        procedure: 'simple',
        title: '某养老服务点未备案案',
        party: { ...party, address: '昌宁县田园镇新寨村3组15号' },
        officers: [a.certificateNo, b.certificateNo],
      },
    });
    await api.call('POST', `/v1/cases/${created.body.id}/records`, {
      token: t.handler,
      body: {
        type: 'interview-record',
        title: '询问笔录',
        fields: {
          interviewee: '钱小红',
          place: '养老服务点',
          startedAt: created.body.createdAt,
          endedAt: created.body.createdAt,
          questionsAndAnswers: [{ question: '你与当事人什么关系？', answer: '我是护工。' }],
        },
      },
    });
    const summary =
      '经查，赵铁柱（身份证号５３０５２４１９８５１２１２００１３，手机139 1234 5678，微信同号，' +
      '邮箱zhaotiezhu@163.com）在其住所昌宁县田园镇新寨村3组15号开办养老服务点未备案；护工钱小红称，' +
      '当事人用车牌云M·A1234的面包车接送老人。证人孙大伟在场。依据《养老机构管理办法》第四十六条给予警告。';
    const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
      token: t.handler,
      body: {
        type: 'penalty',
        summary,
        legalBasis: '《养老机构管理办法》第四十六条',
        penalty: { kind: 'warning' },
      },
    });
    expect(decided.status, decided.text).toBe(201);
    const published = await api.call('POST', `/v1/publications/${decided.body.publication.id}/publish`, {
      token: t.admin,
    });
    expect(published.status, published.text).toBe(200);
    const shown = (await api.call('GET', `/public/v1/publications/${decided.body.publication.id}`)).body;
    const text = JSON.stringify(shown);
    for (const secret of [
      '赵铁柱',
      '530524',
      '５３０５２４',
      '1391234',
      '139 1234',
      'zhaotiezhu',
      '新寨村',
      '15号',
      '钱小红',
      '孙大伟',
      'A1234',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(shown.conclusion).toContain('《养老机构管理办法》第四十六条');
    expect(shown.conclusion).toContain('赵**');
  });

  it('[LAW-5] variants that once slipped through (separators, Chinese digits, a neighbour, a health word, a person inside an organisation’s name) reach no public output', async () => {
    const created = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'penalty',
        procedure: 'simple',
        title: '某便利店未登记案',
        party: {
          kind: 'organization',
          name: '昌宁县便利店（经营者张小三，13912345678）',
          idNumber: '52530524MJ0000000Q',
        },
        officers: [a.certificateNo, b.certificateNo],
      },
    });
    expect(created.status, created.text).toBe(201);
    const summary =
      '经查，经营者身份证530524:19851212:0013，联系电话幺三九幺二三四五六七八，另一号码139～8765～4321；' +
      '邻居李春花称其患有糖尿病，仍在店内售卖散装药酒。依据《食品安全法》第一百二十二条给予警告。';
    const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
      token: t.handler,
      body: {
        type: 'penalty',
        summary,
        legalBasis: '《食品安全法》第一百二十二条',
        penalty: { kind: 'warning' },
      },
    });
    expect(decided.status, decided.text).toBe(201);
    const publicationId = decided.body.publication.id;
    const published = await api.call('POST', `/v1/publications/${publicationId}/publish`, { token: t.admin });
    expect(published.status, published.text).toBe(200);
    const outputs = {
      record: (await api.call('GET', `/public/v1/publications/${publicationId}`)).text,
      list: (await api.call('GET', `/public/v1/agencies/${agencyId}/decisions`)).text,
      atom: (await api.call('GET', `/public/v1/agencies/${agencyId}/feeds/atom`)).text,
      json: (await api.call('GET', `/public/v1/agencies/${agencyId}/feeds/json`)).text,
      page: (await api.call('GET', `/decisions/${publicationId}`)).text,
    };
    expect(outputs.record).toContain('第一百二十二条');
    expect(outputs.page).toContain('第一百二十二条');
    const digitsOnly = (text: string) => text.replace(/[^0-9]/g, '');
    for (const [output, text] of Object.entries(outputs)) {
      for (const secret of ['张小三', '李春花', '糖尿病', '幺三九', '19851212'])
        expect(text, `${output}: ${secret}`).not.toContain(secret);
      for (const number of ['530524198512120013', '13912345678', '13987654321'])
        expect(digitsOnly(text), `${output}: ${number}`).not.toContain(number);
    }
  });

  it('[LAW-5] a published withdrawal reason is scrubbed too', async () => {
    const { caseId, publication } = await decide();
    await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: {
        kind: 'revoked',
        reason: '赵铁柱（530524198512120013）申请复议，决定撤销',
        effectiveOn: today(),
      },
    });
    const shown = JSON.stringify((await api.call('GET', `/public/v1/publications/${publication.id}`)).body);
    expect(shown).toContain('赵**');
    expect(shown).not.toContain('赵铁柱');
    expect(shown).not.toContain('530524198512120013');
  });

  it('[LAW-5] nothing is published for a minor or a secret: the exemption is recorded', async () => {
    const minor = await decide({ party: { ...party, minor: true } });
    const secret = await decide({ flags: { secret: true } });
    await sweep();
    const list = await publicList();
    expect(list).not.toContain(minor.publication.id);
    expect(list).not.toContain(secret.publication.id);
    const all = (await api.call('GET', '/v1/publications', { token: t.admin })).body.items;
    expect(all.find((item: { id: string }) => item.id === minor.publication.id)).toMatchObject({
      status: 'exempt',
    });
  });

  it('[PUB-9] the publication queue is paged by cursor, newest decision first, and filtered by status page by page', async () => {
    const decided = [await decide(), await decide(), await decide({ confirm: false })];
    const pages = async (query: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      let requests = 0;
      do {
        const page = await api.call(
          'GET',
          `/v1/publications?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`,
          { token: t.admin },
        );
        expect(page.status, page.text).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        ids.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
        requests += 1;
      } while (cursor);
      return { ids, requests };
    };
    const whole = await api.call('GET', '/v1/publications?limit=100', { token: t.admin });
    const paged = await pages('');
    expect(paged.requests).toBeGreaterThan(1);
    expect(paged.ids).toEqual(whole.body.items.map((item: { id: string }) => item.id));
    for (const publication of decided) expect(paged.ids).toContain(publication.publication.id);
    const scheduled = await pages('&status=scheduled');
    expect(scheduled.ids).toEqual(
      whole.body.items
        .filter((item: { status: string }) => item.status === 'scheduled')
        .map((item: { id: string }) => item.id),
    );
  });

  it('[PUB-11] [LAW-1] a revoked decision leaves the public list at once, with the reason in its place, within 3 working days', async () => {
    const { caseId, publication } = await decide();
    await sweep();
    expect(await publicList()).toContain(publication.id);
    const events: DomainEvent[] = [];
    const listen = (event: DomainEvent) => events.push(event);
    localEventBus.on(PublicationWithdrawn.detailType, listen);
    const revoked = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '经行政复议决定撤销', effectiveOn: today() },
    });
    localEventBus.off(PublicationWithdrawn.detailType, listen);
    expect(revoked.status, revoked.text).toBe(200);
    expect(events.map((event) => PublicationWithdrawn.schema.parse(event.detail).publicationId)).toEqual([
      publication.id,
    ]);
    expect(revoked.body.publication.withdrawBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      legalDateOf(new Date(revoked.body.publication.withdrawnAt)) <= revoked.body.publication.withdrawBy,
    ).toBe(true);
    expect(await publicList()).not.toContain(publication.id);
    const shown = await api.call('GET', `/public/v1/publications/${publication.id}`);
    expect(shown.body).toMatchObject({ status: 'withdrawn', reason: '决定已撤销：经行政复议决定撤销' });
    expect(shown.body.withdrawnAt).toBeTruthy();
    expect(shown.body).not.toHaveProperty('party');
    const withdrawn = await api.call('GET', '/v1/publications?status=withdrawn', { token: t.admin });
    expect(withdrawn.body.items.map((item: { id: string }) => item.id)).toContain(publication.id);
  });

  it('[PUB-14] publications and withdrawals reach new-media accounts as Atom and JSON Feed, and hall boards as a printable notice', async () => {
    const kept = await decide();
    const withdrawn = await decide();
    await sweep();
    await api.call('POST', `/v1/cases/${withdrawn.caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '经行政复议决定撤销', effectiveOn: today() },
    });
    const json = await api.call('GET', `/public/v1/agencies/${agencyId}/feeds/json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/feed+json');
    const feed = JSON.parse(json.text);
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'zh-CN' });
    const ids = feed.items.map((item: { id: string }) => item.id.split('/').at(-1));
    // Earlier tests of this file moved the clock on; among this test's two, the withdrawal is newer.
    expect(ids.indexOf(withdrawn.publication.id)).toBeLessThan(ids.indexOf(kept.publication.id));
    expect(ids).toEqual(expect.arrayContaining([kept.publication.id, withdrawn.publication.id]));
    expect(feed.items[ids.indexOf(withdrawn.publication.id)]).toMatchObject({
      title: '撤回公示',
      content_text: '决定已撤销：经行政复议决定撤销',
    });
    expect(json.text).not.toContain('赵铁柱');
    expect(json.text).not.toContain('13912345678');
    const notice = await fetch(`${api.url}/public/v1/publications/${kept.publication.id}/notice`);
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await notice.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    const withdrawnNotice = await fetch(
      `${api.url}/public/v1/publications/${withdrawn.publication.id}/notice`,
    );
    expect(withdrawnNotice.status).toBe(200);
    expect((await fetch(`${api.url}/public/v1/publications/NO-SUCH-ID/notice`)).status).toBe(404);
    const atom = await api.call('GET', `/public/v1/agencies/${agencyId}/feeds/atom`);
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(atom.text).toContain(kept.publication.id);
    expect(atom.text).not.toContain('赵铁柱');
    expect((await api.call('GET', `/public/v1/agencies/${agencyId}/feeds/rss`)).status).toBe(400);
  });

  it('[PUB-15] [PUB-10] a random draw of subjects and officers is seeded, reproducible, public at once, and published with the inspection result', async () => {
    const pool = Array.from({ length: 40 }, (_, index) => ({
      id: `ORG-${String(index).padStart(2, '0')}`,
      name: `某社会组织${index}`,
    }));
    const refused = await api.call('POST', '/v1/random-draws', {
      token: t.admin,
      body: { matterCode: 'NOT-PUBLISHED', pool },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('MATTER_NOT_PUBLISHED');
    const drawn = await api.call('POST', '/v1/random-draws', {
      token: t.admin,
      body: { matterCode: 'SJ-P', pool: [...pool].reverse(), count: 3 },
    });
    expect(drawn.status, drawn.text).toBe(201);
    const draw = drawn.body;
    expect(draw).toMatchObject({
      matterCode: 'SJ-P',
      poolSize: 40,
      seed: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(new Set(draw.subjects.map((subject: { id: string }) => subject.id)).size).toBe(3);
    expect(draw.officers).toHaveLength(2);
    // Anyone repeats it: the pool in id order, the seed, the published algorithm.
    const byId = [...pool].sort((x, y) => x.id.localeCompare(y.id));
    expect(drawSample(draw.seed, byId, 3).map((subject) => subject.id)).toEqual(
      draw.subjects.map((subject: { id: string }) => subject.id),
    );
    const published = await api.call('GET', `/public/v1/agencies/${agencyId}/random-draws`);
    const shown = published.body.items.find((item: { id: string }) => item.id === draw.id);
    expect(shown).toMatchObject({ seed: draw.seed, subjects: draw.subjects, officers: draw.officers });
    expect(shown).not.toHaveProperty('drawnBy');

    const inspected = draw.subjects[0];
    const created = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'inspection',
        title: '双随机检查',
        matterId: 'SJ-P',
        drawId: draw.id,
        party: { kind: 'organization', name: inspected.name, idNumber: '51530524MJ0000009P' },
        officers: draw.officers.map((officer: { certificateNo: string }) => officer.certificateNo),
      },
    });
    expect(created.status, created.text).toBe(201);
    const unknownDraw = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'inspection',
        title: '双随机检查',
        matterId: 'SJ-P',
        drawId: 'NO-SUCH-DRAW',
        party: { kind: 'organization', name: inspected.name, idNumber: '51530524MJ0000009P' },
        officers: draw.officers.map((officer: { certificateNo: string }) => officer.certificateNo),
      },
    });
    expect(unknownDraw.status).toBe(422);
    expect(unknownDraw.body.error.code).toBe('UNKNOWN_DRAW');
    await onSiteWithAv(
      api,
      t.handler as string,
      created.body.id,
      draw.officers.map((officer: { certificateNo: string }) => officer.certificateNo),
      // On site at an enterprise is scanned in first (INS-4): here the draw is investigated by interview.
      'interview',
    );
    await api.call('POST', `/v1/cases/${created.body.id}/records`, {
      token: t.handler,
      body: {
        type: 'on-site-inspection-record',
        title: '现场检查笔录',
        fields: {
          place: '办公场所',
          startedAt: created.body.createdAt,
          endedAt: created.body.createdAt,
          inspectedParty: inspected.name,
          findings: '年检材料齐全',
        },
      },
    });
    const result = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
      token: t.handler,
      body: { type: 'inspection-result', summary: '检查合格', legalBasis: '《社会团体登记管理条例》' },
    });
    expect(result.status, result.text).toBe(201);
    await api.call('POST', `/v1/publications/${result.body.publication.id}/publish`, { token: t.admin });
    const record = await api.call('GET', `/public/v1/publications/${result.body.publication.id}`);
    expect(record.body).toMatchObject({ randomDrawId: draw.id, categoryName: '行政检查' });
  });

  it('[PUB-11] a decision revoked before its publication went out answers with the withdrawal and never appears', async () => {
    const { caseId, publication } = await decide();
    await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'confirmed-void', reason: '经行政诉讼确认无效', effectiveOn: today() },
    });
    await sweep();
    expect(await publicList()).not.toContain(publication.id);
    expect((await api.call('GET', `/public/v1/publications/${publication.id}`)).body).toMatchObject({
      status: 'withdrawn',
      reason: '决定被确认无效：经行政诉讼确认无效',
    });
  });

  it('[PUB-11] an amended decision replaces the earlier publication and keeps the link', async () => {
    const first = await decide();
    await sweep();
    await api.call('POST', `/v1/cases/${first.caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'changed', reason: '处罚种类变更', effectiveOn: today() },
    });
    await api.call('POST', `/v1/cases/${first.caseId}/transitions`, {
      token: t.handler,
      body: { to: 'pending-decision' },
    });
    const second = await api.call('POST', `/v1/cases/${first.caseId}/decision`, {
      token: t.handler,
      body: {
        type: 'penalty',
        summary: '变更为罚款二百元',
        legalBasis: '第三十条',
        penalty: { kind: 'fine', amount: 200 },
      },
    });
    expect(second.status, second.text).toBe(201);
    const all = (await api.call('GET', '/v1/publications', { token: t.admin })).body.items as {
      id: string;
      replaces?: string;
      replacedBy?: string;
    }[];
    expect(all.find((item) => item.id === second.body.publication.id)?.replaces).toBe(first.publication.id);
    expect(all.find((item) => item.id === first.publication.id)?.replacedBy).toBe(second.body.publication.id);
  });

  it('[LAW-6] a publication leaves the public list when its period of calendar months ends', async () => {
    const { publication } = await decide();
    await sweep();
    const record = (await api.call('GET', `/public/v1/publications/${publication.id}`)).body;
    // A warning stays 3 calendar months (LAW-6): the same day three months on, or the month's last.
    const [year, month, day] = (record.publishedOn as string).split('-').map(Number) as [
      number,
      number,
      number,
    ];
    const monthEnd = new Date(Date.UTC(year, month + 2 + 1, 0)).getUTCDate();
    const expected = new Date(Date.UTC(year, month + 2, Math.min(day, monthEnd))).toISOString().slice(0, 10);
    expect(record.expiresOn).toBe(expected);
    await api.call('POST', '/dev/clock', { body: { now: `${record.expiresOn}T23:00:00+08:00` } });
    await sweep();
    expect(await publicList()).toContain(publication.id);
    const after = new Date(`${record.expiresOn}T12:00:00+08:00`);
    after.setUTCDate(after.getUTCDate() + 1);
    await api.call('POST', '/dev/clock', { body: { now: after.toISOString() } });
    const run = await sweep();
    await api.call('DELETE', '/dev/clock');
    expect(run.body.result.expired).toContain(publication.id);
    expect(await publicList()).not.toContain(publication.id);
  });

  it('[PUB-10] inspection results are published the same way (20 working days), and the performance of decisions too', async () => {
    const inspection = await decide({ category: 'inspection', clock: '2026-09-28T10:00:00+08:00' });
    await api.call('DELETE', '/dev/clock');
    expect(inspection.publication.dueBy).toBe('2026-10-30');
    const { caseId, publication } = await decide();
    await sweep();
    for (const to of ['served', 'executed']) {
      await api.call('POST', `/v1/cases/${caseId}/transitions`, { token: t.handler, body: { to } });
    }
    const shown = await api.call('GET', `/public/v1/publications/${publication.id}`);
    expect(shown.body.performance).toMatchObject({ status: 'executed' });
    // Executed before its publication went out: published with its performance all the same.
    const first = await decide({ confirm: false });
    for (const to of ['served', 'executed']) {
      await api.call('POST', `/v1/cases/${first.caseId}/transitions`, { token: t.handler, body: { to } });
    }
    await api.call('POST', `/v1/publications/${first.publication.id}/publish`, { token: t.admin });
    const early = await api.call('GET', `/public/v1/publications/${first.publication.id}`);
    expect(early.body.performance).toMatchObject({
      status: 'executed',
      on: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('[LAW-8] a deadline into an unloaded year is held as deadline-unconfirmed, then computed when the year is loaded', async () => {
    // Published once served (so no sweep of another test publishes it while its date is held).
    await api.call('PUT', '/v1/publication-rules/inspection', {
      token: t.admin,
      body: { workingDays: 7, publishWhen: 'served', maskPersonName: true },
    });
    const { caseId, publication } = await decide({
      category: 'inspection',
      clock: '2032-12-27T10:00:00+08:00',
    });
    await api.call('DELETE', '/dev/clock');
    expect(publication).toMatchObject({ dueBy: null, status: 'deadline-unconfirmed' });
    const held = await api.call('GET', '/v1/publications?status=deadline-unconfirmed', { token: t.admin });
    expect(held.body.items.map((item: { id: string }) => item.id)).toContain(publication.id);
    const byAgencyAdmin = await api.call('PUT', '/v1/calendar/2032', {
      token: t.admin,
      body: { holidays: ['2032-01-01'], workdays: [] },
    });
    expect(byAgencyAdmin.status).toBe(403);
    await api.call('PUT', '/v1/calendar/2032', {
      token: t.calendarAdmin,
      body: { holidays: ['2032-01-01'], workdays: [] },
    });
    const loaded = await api.call('PUT', '/v1/calendar/2033', {
      token: t.calendarAdmin,
      body: { holidays: ['2033-01-03'], workdays: [] },
    });
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.body.recomputation).toMatchObject({ status: 'done' });
    expect(loaded.body.recomputed).toContain(publication.id);
    const after = (await api.call('GET', '/v1/publications', { token: t.admin })).body.items.find(
      (item: { id: string }) => item.id === publication.id,
    );
    expect(after).toMatchObject({
      status: 'scheduled',
      dueBy: '2033-01-06',
      calendarVersions: { 2032: 1, 2033: 1 },
    });
    const journal = await api.call('GET', `/v1/cases/${caseId}/journal`, { token: t.admin });
    expect(journal.body.entries.map((entry: { type: string }) => entry.type)).toContain(
      'publication.deadline-recomputed',
    );
  });
});
