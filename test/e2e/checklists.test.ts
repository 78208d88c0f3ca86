import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportItems } from '#shared/render/xlsx/checklist-spreadsheet.ts';
import { countyReviewCatalog, matters } from '#test/fixtures/checklists.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
let author: string;
let head: string;
let secondHead: string;
let officerToken: string;

beforeAll(async () => {
  api = await startTestApi();
  author = await api.token({ sub: 'author', agencyId, roles: ['officer'] });
  head = await api.token({ sub: 'head', agencyId, roles: ['unit-head'] });
  secondHead = await api.token({ sub: 'head-2', agencyId, roles: ['unit-head', 'admin'] });
  officerToken = await api.token({ sub: 'other-officer', agencyId, roles: ['officer'] });
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

const publicPath = (kind: string, rest = '') => `/public/v1/agencies/${agencyId}/checklists/${kind}${rest}`;

async function draft(kind: string, items: unknown[], token = author, title = `${kind} 清单`) {
  const response = await api.call('POST', '/v1/checklists', { token, body: { kind, title, items } });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

async function publish(id: string, token = head) {
  const response = await api.call('POST', `/v1/checklists/${id}/publish`, { token });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe('checklists: drafted, checked by a second person, published, superseded', () => {
  it('[PUB-2] [PUB-1] [PUB-4] the author cannot approve their own list; another unit head publishes it; drafts are never public', async () => {
    const created = await draft('matters', matters);
    expect(created).toMatchObject({ kind: 'matters', version: 1, status: 'draft' });
    expect((await api.call('GET', publicPath('matters'))).status).toBe(404);

    const authorAsHead = await api.token({ sub: 'author', agencyId, roles: ['unit-head'] });
    const self = await api.call('POST', `/v1/checklists/${created.id}/publish`, { token: authorAsHead });
    expect(self.status).toBe(403);
    const byOfficer = await api.call('POST', `/v1/checklists/${created.id}/publish`, { token: officerToken });
    expect(byOfficer.status).toBe(403);

    const published = await publish(created.id);
    expect(published).toMatchObject({ status: 'published', edition: 1, publishedBy: 'head' });
    expect(published.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const seen = await api.call('GET', publicPath('matters'));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ edition: 1, items: matters });
    expect(seen.body).not.toHaveProperty('editors');
    expect(seen.body).not.toHaveProperty('publishedBy');
  });

  it('[PUB-2] [PUB-3] version history: three editions, each readable, ?at= gives the one in force that day, and a diff says what changed', async () => {
    const kind = 'random-inspections';
    const item = (code: string, ratio: string) => ({
      code,
      inspectingBody: '昌宁县民政局',
      basis: '《养老机构管理办法》',
      objects: '养老机构',
      content: '安全管理',
      method: '双随机抽查',
      ratio,
      frequency: '每年一次',
    });
    await api.call('POST', '/dev/clock', { body: { now: '2026-01-10T02:00:00Z' } });
    const first = await publish((await draft(kind, [item('SJ-1', '5%'), item('SJ-2', '5%')])).id);

    await api.call('POST', '/dev/clock', { body: { now: '2026-03-01T02:00:00Z' } });
    const second = await api.call('PUT', `/v1/checklists/${first.id}`, {
      token: author,
      body: { items: [item('SJ-1', '10%'), item('SJ-2', '5%')], expectedVersion: first.version },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ status: 'draft', basedOn: first.id, version: 1 });
    await publish(second.body.id);

    await api.call('POST', '/dev/clock', { body: { now: '2026-06-01T02:00:00Z' } });
    const third = await api.call('PUT', `/v1/checklists/${second.body.id}`, {
      token: author,
      body: { items: [item('SJ-1', '10%'), item('SJ-3', '3%')], expectedVersion: 2 },
    });
    await publish(third.body.id);
    await api.call('DELETE', '/dev/clock');

    const at = async (date: string) => (await api.call('GET', publicPath(kind, `?at=${date}`))).body.edition;
    expect(await at('2026-01-10')).toBe(1);
    expect(await at('2026-02-28')).toBe(1);
    expect(await at('2026-03-01')).toBe(2);
    expect(await at('2026-05-31')).toBe(2);
    expect(await at('2026-06-01')).toBe(3);
    expect((await api.call('GET', publicPath(kind, '?at=2026-01-09'))).status).toBe(404);
    expect((await api.call('GET', publicPath(kind))).body.edition).toBe(3);

    const versions = await api.call('GET', publicPath(kind, '/versions'));
    expect(
      versions.body.items.map((v: Record<string, unknown>) => [
        v.edition,
        v.status,
        v.effectiveFrom,
        v.effectiveTo,
      ]),
    ).toEqual([
      [1, 'superseded', '2026-01-10', '2026-02-28'],
      [2, 'superseded', '2026-03-01', '2026-05-31'],
      [3, 'published', '2026-06-01', undefined],
    ]);
    const old = await api.call('GET', publicPath(kind, '/versions/1'));
    expect(old.body.items.map((entry: { ratio: string }) => entry.ratio)).toEqual(['5%', '5%']);

    const diff = await api.call('GET', publicPath(kind, '/diff?from=1&to=3'));
    expect(diff.body.added.map((entry: { code: string }) => entry.code)).toEqual(['SJ-3']);
    expect(diff.body.removed.map((entry: { code: string }) => entry.code)).toEqual(['SJ-2']);
    expect(diff.body.changed).toEqual([
      { code: 'SJ-1', fields: [{ field: 'ratio', before: '5%', after: '10%' }] },
    ]);
  });

  it('two editors saving the same draft version: one wins, the other gets 409', async () => {
    const created = await draft('subjects', [subject('S1')]);
    const edit = (token: string, name: string) =>
      api.call('PUT', `/v1/checklists/${created.id}`, {
        token,
        body: { items: [subject('S1', name)], expectedVersion: 1 },
      });
    const results = await Promise.all([edit(author, '甲'), edit(officerToken, '乙')]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const stale = await edit(author, '丙');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
  });

  it('[PUB-4] the subject list is checked before publication: nobody who edited it may approve it', async () => {
    const created = await draft('subjects', [subject('S2')]);
    const edited = await api.call('PUT', `/v1/checklists/${created.id}`, {
      token: secondHead,
      body: { items: [subject('S2', '昌宁县民政局（修订）')], expectedVersion: 1 },
    });
    expect(edited.status).toBe(200);
    expect(
      (await api.call('POST', `/v1/checklists/${created.id}/publish`, { token: secondHead })).status,
    ).toBe(403);
    const published = await publish(created.id, head);
    expect((await api.call('GET', publicPath('subjects'))).body.items[0]).toMatchObject({
      name: '昌宁县民政局（修订）',
      legalRepresentative: '张局长',
    });
    expect(published.editors).toEqual(['author', 'head-2']);
  });

  it('[PUB-5] the officer list is generated from the registry, with valid certificates only, cannot be typed, and shows a status change at once', async () => {
    const admin = await api.token({ agencyId, roles: ['admin'] });
    const valid = officerInput({ name: '在岗' });
    const suspended = officerInput({ name: '暂扣' });
    for (const body of [valid, suspended]) await api.call('POST', '/v1/officers', { token: admin, body });
    await api.call('POST', `/v1/officers/${suspended.certificateNo}/status`, {
      token: admin,
      body: { status: 'suspended', reason: '暂扣' },
    });
    const typed = await api.call('POST', '/v1/checklists', {
      token: author,
      body: { kind: 'officers', title: '人员', items: [{ code: 'x' }] },
    });
    expect(typed.status).toBe(400);
    const generated = await api.call('POST', '/v1/checklists', {
      token: author,
      body: { kind: 'officers', title: '人员' },
    });
    expect(generated.status).toBe(201);
    const numbers = generated.body.items.map((item: { certificateNo: string }) => item.certificateNo);
    expect(numbers).toContain(valid.certificateNo);
    expect(numbers).not.toContain(suspended.certificateNo);
    await publish(generated.body.id);
    expect((await api.call('GET', publicPath('officers'))).body.items).toContainEqual(
      expect.objectContaining({
        name: '在岗',
        certificateNo: valid.certificateNo,
        categories: ['penalty', 'inspection'],
        status: 'valid',
      }),
    );
    // Suspended after publication: the list in force says so at once, without a new edition.
    await api.call('POST', `/v1/officers/${valid.certificateNo}/status`, {
      token: admin,
      body: { status: 'suspended', reason: '年度审验未通过' },
    });
    const live = (await api.call('GET', publicPath('officers'))).body;
    expect(
      live.items.find((item: { certificateNo: string }) => item.certificateNo === valid.certificateNo),
    ).toMatchObject({
      status: 'suspended',
      statusName: '暂扣',
    });
  });

  it('[PUB-6] a service guide must be for a matter of the published matters list', async () => {
    const guide = (matterCode: string) => ({
      code: `G-${matterCode}`,
      matterCode,
      name: '养老机构监督检查',
      basis: '《养老机构管理办法》',
      unit: '养老服务股',
      materials: '无',
      process: '检查—告知—处理',
      timeLimit: '即时',
      supervision: '县司法局',
      accountability: '依法追究',
      remedies: '行政复议、行政诉讼',
      officeHours: '工作日 9:00-17:00',
      address: '昌宁县民政局',
      phone: '0875-0000000',
    });
    const unknown = await draft('service-guides', [guide('NO-SUCH-MATTER')]);
    const refused = await api.call('POST', `/v1/checklists/${unknown.id}/publish`, { token: head });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'UNKNOWN_MATTER',
      details: [{ path: 'items.0.matterCode' }],
    });
    await publish((await draft('service-guides', [guide('MZ-JC-001')])).id);
    expect((await api.call('GET', publicPath('service-guides'))).body.items[0].matterCode).toBe('MZ-JC-001');
  });

  it('[REC-5] the AV matters list says which activities need AV or full-process AV, per category', async () => {
    const items = [
      { code: 'AV-1', category: 'penalty', activityType: 'on-site-inspection', requirement: 'av' },
      {
        code: 'AV-2',
        category: 'coercion',
        activityType: 'evidence-preservation',
        requirement: 'full-process-av',
      },
    ];
    const bad = await api.call('POST', '/v1/checklists', {
      token: author,
      body: { kind: 'av-matters', title: 'AV', items: [{ ...items[0], activityType: 'dancing' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('items.0.activityType');
    await publish((await draft('av-matters', items)).id);
    expect((await api.call('GET', publicPath('av-matters'))).body.items).toEqual(items);
  });

  it('[LAW-9] a random-inspection item is public only once its list is published', async () => {
    const other = newAgencyId();
    const otherAuthor = await api.token({ agencyId: other, roles: ['officer'] });
    const otherHead = await api.token({ agencyId: other, roles: ['unit-head'] });
    const created = await api.call('POST', '/v1/checklists', {
      token: otherAuthor,
      body: {
        kind: 'random-inspections',
        title: '随机抽查事项清单',
        items: [
          {
            code: 'SJ-9',
            inspectingBody: '局',
            basis: '依据',
            objects: '对象',
            content: '内容',
            method: '方式',
            ratio: '5%',
            frequency: '每年',
          },
        ],
      },
    });
    const path = `/public/v1/agencies/${other}/checklists/random-inspections`;
    expect((await api.call('GET', path)).status).toBe(404);
    await api.call('POST', `/v1/checklists/${created.body.id}/publish`, { token: otherHead });
    expect((await api.call('GET', path)).body.items[0].code).toBe('SJ-9');
  });
});

describe('spreadsheets through the API', () => {
  it('[REV-2] the county review catalog is imported from xlsx, published, and exported back unchanged', async () => {
    const file = await exportItems('review-catalog', countyReviewCatalog, 'xlsx');
    const imported = await api.call('POST', '/v1/checklists/import', {
      token: author,
      body: {
        kind: 'review-catalog',
        title: '昌宁县民政局重大执法决定法制审核目录清单',
        format: 'xlsx',
        content: file.toString('base64'),
      },
    });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.items).toEqual(countyReviewCatalog);
    await publish(imported.body.id);
    expect((await api.call('GET', publicPath('review-catalog'))).body.items).toEqual(countyReviewCatalog);

    const exported = await fetch(`${api.url}/v1/checklists/${imported.body.id}/export?format=csv`, {
      headers: { authorization: `Bearer ${author}` },
    });
    expect(exported.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const csv = Buffer.from(await exported.arrayBuffer());
    const again = await api.call('POST', '/v1/checklists/import', {
      token: author,
      body: { kind: 'review-catalog', title: '再导入', format: 'csv', content: csv.toString('base64') },
    });
    expect(again.body.items).toEqual(countyReviewCatalog);
  });

  it('an import with a bad row names the row and field and writes nothing', async () => {
    const before = (await api.call('GET', '/v1/checklists?kind=matters', { token: author })).body.items
      .length;
    const csv = [
      '事项编码,执法类别,事项名称,执法依据,裁量基准,承办机构,办理时限',
      'A1,行政处罚,甲,依据,基准,股室,20日',
      'A2,不是类别,乙,依据,基准,股室,20日',
    ].join('\n');
    const response = await api.call('POST', '/v1/checklists/import', {
      token: author,
      body: { kind: 'matters', title: '事项', format: 'csv', content: Buffer.from(csv).toString('base64') },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: 'rows.3.category' })]);
    expect((await api.call('GET', '/v1/checklists?kind=matters', { token: author })).body.items.length).toBe(
      before,
    );
  });

  it('the xlsx export downloads as a spreadsheet', async () => {
    const created = await draft('matters', matters);
    const response = await fetch(`${api.url}/v1/checklists/${created.id}/export?format=xlsx`, {
      headers: { authorization: `Bearer ${author}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('service-window staff cards', () => {
  it('[PUB-8] a card shows unit, name, position, enforcement type, service items and the verification QR code', async () => {
    const admin = await api.token({ agencyId, roles: ['admin'] });
    const officer = officerInput({ name: '窗口甲', position: '窗口负责人' });
    await api.call('POST', '/v1/officers', { token: admin, body: officer });
    const card = await api.call(
      'GET',
      `/v1/officers/${officer.certificateNo}/window-card?window=${encodeURIComponent('3号窗口')}&matters=MZ-JC-001`,
      { token: author },
    );
    expect(card.status, card.text).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/svg+xml');
    for (const text of [
      '3号窗口',
      '窗口甲',
      '窗口负责人',
      '行政处罚、行政检查',
      '对养老机构的监督检查',
      '扫码核验执法证',
    ]) {
      expect(card.text).toContain(text);
    }
    expect(card.text.match(/<svg /g)).toHaveLength(2);
    const unknown = await api.call(
      'GET',
      `/v1/officers/${officer.certificateNo}/window-card?window=1&matters=NOPE`,
      {
        token: author,
      },
    );
    expect(unknown.status).toBe(422);
  });
});

function subject(code: string, name = '昌宁县民政局') {
  return {
    code,
    name,
    nature: '行政机关',
    fundingSource: '财政全额拨款',
    staffing: '行政编制 12 名',
    subjectCategory: '法定行政机关',
    duties: '负责全县民政行政执法工作',
    legalRepresentative: '张局长',
    address: '昌宁县田园镇',
  };
}
