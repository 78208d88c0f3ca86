import { describe, expect, it } from 'vitest';
import { Forbidden, ValidationFailed } from '#shared/kernel/errors.ts';
import { verifyChain } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { MatterInput, OpinionInput } from '#shared/supervision/domain/matter.ts';
import {
  getMatter,
  listMatters,
  matterJournal,
  overdueRectifications,
} from '#shared/supervision/use-cases/matter-access.ts';
import { openMatter } from '#shared/supervision/use-cases/open-matter.ts';
import { overdueItems } from '#shared/supervision/use-cases/oversight.ts';
import {
  answerRectification,
  issueOpinion,
  reportRectification,
} from '#shared/supervision/use-cases/supervision-opinions.ts';
import { matterRepositoryContract } from '#test/contracts/matter-repository.ts';
import { inMemoryWorld } from '#test/fakes/in-memory-ports.ts';
import { InMemoryMatters } from '#test/fakes/in-memory-supervision.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
matterRepositoryContract('in memory', new InMemoryMatters());

const supervisorOf = (agencyId: string, agencies: string[]): Principal => ({
  sub: `supervisor-${agencyId}`,
  name: '何监督',
  agencyId,
  roles: ['supervisor'],
  supervises: agencies,
});
const leaderOf = (agencyId: string): Principal => ({
  sub: `leader-${agencyId}`,
  name: '李局长',
  agencyId,
  roles: ['leader'],
});
const body = supervisorOf('changning-sfj', ['changning-mzj']);

/** A world in which the supervisory body has its document prefix, as the demo's 昌宁县司法局. */
async function world(start?: string) {
  const made = inMemoryWorld(start);
  await made.ports.agencies.put({
    agencyId: 'changning-sfj',
    name: '昌宁县司法局',
    region: '昌宁县',
    documentPrefix: '昌司',
    units: [],
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: 'platform-admin',
  });
  return made;
}
const matterInput = MatterInput.parse({
  agencyId: 'changning-mzj',
  source: '12345热线转办',
  sourceRef: '12345-20260301-0042',
  subject: { practice: '有案不立' },
  facts: '群众通过12345热线反映多次举报未予立案',
});

describe('supervision matters and opinions (SUP-2, SUP-3), without a database', () => {
  it('[SUP-3] an opinion issued, returned once, reported again and accepted closes the matter, journaled hash-chained', async () => {
    const { ports } = await world();
    const matter = await openMatter(ports, body, matterInput);
    expect(matter.source).toBe('hotline');
    const opinion = OpinionInput.parse({
      kind: 'opinion',
      ruleBroken: '违反《行政处罚法》第五十四条',
      rectifyBy: '2026-04-01',
    });
    const issued = await issueOpinion(ports, body, matter.matterId, opinion);
    const opinionId = issued.opinions[0]?.opinionId ?? '';
    expect(issued.opinions[0]?.number).toBe('昌司监意〔2026〕1号');
    const agency = leaderOf('changning-mzj');
    await reportRectification(ports, agency, opinionId, { report: '已对三件举报补办立案' });
    const returned = await answerRectification(ports, body, opinionId, {
      accepted: false,
      note: '缺少立案审批表',
    });
    expect(returned.opinions[0]?.status).toBe('returned');
    await reportRectification(ports, agency, opinionId, {
      report: '已补齐立案审批表',
      attachments: ['立案审批表'],
    });
    const accepted = await answerRectification(ports, body, opinionId, { accepted: true, note: '整改到位' });
    expect(accepted.status).toBe('closed');
    const { entries, verification } = await matterJournal(ports, agency, matter.matterId);
    expect(entries.map((entry) => entry.type)).toEqual([
      'matter.opened',
      'opinion.issued',
      'rectification.reported',
      'rectification.returned',
      'rectification.reported',
      'rectification.accepted',
    ]);
    expect(verification).toEqual(verifyChain(entries, accepted.journalHead));
  });

  it('[SUP-3] a rectification not reported by its day is overdue and in the open-rectification index', async () => {
    const { ports, clock } = await world();
    const matter = await openMatter(ports, body, matterInput);
    const opinion = OpinionInput.parse({
      kind: 'recommendation',
      ruleBroken: '未按期公示',
      rectifyBy: '2026-03-05',
    });
    await issueOpinion(ports, body, matter.matterId, opinion);
    expect(await overdueRectifications(ports, 'changning-mzj')).toEqual([]);
    clock.set('2026-03-10T02:00:00.000Z');
    const [overdue] = await overdueRectifications(ports, 'changning-mzj');
    expect(overdue?.number).toBe('昌司监建〔2026〕1号');
    expect((await getMatter(ports, body, matter.matterId)).opinions[0]?.status).toBe('overdue');
    // On the overdue list of both sides; another body supervising the agency does not see it.
    const listed = await overdueItems(ports, 'changning-mzj');
    expect(listed.rectifications).toEqual([
      {
        opinionId: overdue?.opinionId,
        matterId: matter.matterId,
        number: '昌司监建〔2026〕1号',
        rectifyBy: '2026-03-05',
      },
    ]);
    expect(
      (await overdueItems(ports, 'changning-mzj', undefined, 'changning-sfj')).rectifications,
    ).toHaveLength(1);
    expect((await overdueItems(ports, 'changning-mzj', undefined, 'city-sfj')).rectifications).toEqual([]);
  });

  it('[SUP-2] isolation: another body, another agency and the agency itself cannot open, read or accept', async () => {
    const { ports } = await world();
    const matter = await openMatter(ports, body, matterInput);
    const other = supervisorOf('other-sfj', ['other-gaj']);
    await expect(openMatter(ports, other, matterInput)).rejects.toThrow();
    await expect(openMatter(ports, leaderOf('changning-mzj'), matterInput)).rejects.toThrow();
    await expect(getMatter(ports, other, matter.matterId)).rejects.toThrow('监督事项不存在');
    await expect(getMatter(ports, leaderOf('other-gaj'), matter.matterId)).rejects.toThrow('监督事项不存在');
    await expect(
      listMatters(ports, leaderOf('other-gaj'), { agencyId: 'changning-mzj', limit: 10 }),
    ).rejects.toThrow();
    const opinion = OpinionInput.parse({
      kind: 'opinion',
      ruleBroken: '违反程序规定',
      rectifyBy: '2026-04-01',
    });
    const issued = await issueOpinion(ports, body, matter.matterId, opinion);
    const opinionId = issued.opinions[0]?.opinionId ?? '';
    await reportRectification(ports, leaderOf('changning-mzj'), opinionId, { report: '已整改' });
    await expect(
      answerRectification(ports, leaderOf('changning-mzj'), opinionId, { accepted: true, note: '自行验收' }),
    ).rejects.toThrow('只有制发监督文书的监督机关可以验收整改');
    expect((await listMatters(ports, leaderOf('changning-mzj'), { limit: 10 })).items).toHaveLength(1);
  });

  it('[SUP-2] the agency’s unit head reads its matters but reports no rectification; an officer reads none', async () => {
    const { ports } = await world();
    const matter = await openMatter(ports, body, matterInput);
    const head: Principal = { sub: 'head', name: '刘股长', agencyId: 'changning-mzj', roles: ['unit-head'] };
    expect((await getMatter(ports, head, matter.matterId)).matterId).toBe(matter.matterId);
    expect((await listMatters(ports, head, { limit: 10 })).items).toHaveLength(1);
    const issued = await issueOpinion(
      ports,
      body,
      matter.matterId,
      OpinionInput.parse({ kind: 'opinion', ruleBroken: '违反程序规定', rectifyBy: '2026-04-01' }),
    );
    await expect(
      reportRectification(ports, head, issued.opinions[0]?.opinionId ?? '', { report: '已整改' }),
    ).rejects.toThrow('只有被监督机关的负责人或管理员可以提交整改报告');
    const officer: Principal = {
      sub: 'officer',
      name: '王科员',
      agencyId: 'changning-mzj',
      roles: ['officer'],
    };
    await expect(getMatter(ports, officer, matter.matterId)).rejects.toThrow('监督事项不存在');
    await expect(listMatters(ports, officer, { limit: 10 })).rejects.toThrow(Forbidden);
  });

  it('[SUP-2] a supervisor whose body no longer supervises the agency reads and acts on nothing of its matters', async () => {
    const { ports } = await world();
    const matter = await openMatter(ports, body, matterInput);
    const former = supervisorOf('changning-sfj', ['another-agency']);
    await expect(getMatter(ports, former, matter.matterId)).rejects.toThrow('监督事项不存在');
    await expect(matterJournal(ports, former, matter.matterId)).rejects.toThrow('监督事项不存在');
    await expect(
      issueOpinion(
        ports,
        former,
        matter.matterId,
        OpinionInput.parse({ kind: 'opinion', ruleBroken: '违反程序规定', rectifyBy: '2026-04-01' }),
      ),
    ).rejects.toThrow('监督事项不存在');
    await expect(listMatters(ports, former, { agencyId: 'changning-mzj', limit: 10 })).rejects.toThrow(
      Forbidden,
    );
  });

  it('[SUP-2] a supervisor lists the matters its body opened against the agency it names, never another body’s', async () => {
    const { ports } = await world();
    const ours = await openMatter(ports, body, matterInput);
    const city = supervisorOf('city-sfj', ['changning-mzj']);
    const theirs = await openMatter(ports, city, matterInput);
    const listed = await listMatters(ports, body, { agencyId: 'changning-mzj', limit: 10 });
    expect(listed.items.map((item) => item.matterId)).toEqual([ours.matterId]);
    expect((await listMatters(ports, city, { agencyId: 'changning-mzj', limit: 10 })).items).toEqual([
      expect.objectContaining({ matterId: theirs.matterId }),
    ]);
    await expect(listMatters(ports, body, { limit: 10 })).rejects.toThrow(ValidationFailed);
    // The agency reads both bodies' matters about it.
    expect((await listMatters(ports, leaderOf('changning-mzj'), { limit: 10 })).items).toHaveLength(2);
  });

  it('[SUP-3] an opinion states its own facts; a body without a document prefix issues none', async () => {
    const { ports } = await world();
    const matter = await openMatter(ports, body, matterInput);
    const issued = await issueOpinion(
      ports,
      body,
      matter.matterId,
      OpinionInput.parse({
        kind: 'opinion',
        facts: '抽查发现三件举报未登记',
        ruleBroken: '违反程序规定',
        rectifyBy: '2026-04-01',
      }),
    );
    expect(issued.opinions[0]?.facts).toBe('抽查发现三件举报未登记');
    const unset = supervisorOf('unset-sfj', ['changning-mzj']);
    const bare = await openMatter(ports, unset, matterInput);
    await expect(
      issueOpinion(
        ports,
        unset,
        bare.matterId,
        OpinionInput.parse({ kind: 'opinion', ruleBroken: '违反程序规定', rectifyBy: '2026-04-01' }),
      ),
    ).rejects.toMatchObject({ code: 'DOCUMENT_PREFIX_MISSING' });
  });

  it('[SUP-2] a matter from a complaint names one the agency received; a 12345 transfer names its ticket', async () => {
    const { ports } = await world();
    const input = MatterInput.parse({ ...matterInput, source: 'complaint', sourceRef: 'NO-SUCH-COMPLAINT' });
    await expect(openMatter(ports, body, input)).rejects.toMatchObject({
      details: [expect.objectContaining({ path: 'sourceRef' })],
    });
    const missing = MatterInput.safeParse({
      agencyId: 'changning-mzj',
      source: 'hotline',
      subject: {},
      facts: '群众来电反映问题',
    });
    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sourceRef']);
  });
});
