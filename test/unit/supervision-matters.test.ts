import { describe, expect, it } from 'vitest';
import type { Principal } from '#shared/auth.ts';
import { verifyChain } from '#shared/domain/journal.ts';
import { MatterInput, OpinionInput } from '#shared/supervision/domain/matter.ts';
import {
  answerRectification,
  getMatter,
  issueOpinion,
  listMatters,
  matterJournal,
  openMatter,
  overdueRectifications,
  reportRectification,
} from '#shared/supervision/use-cases/matters.ts';
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
const matterInput = MatterInput.parse({
  agencyId: 'changning-mzj',
  source: '12345热线转办',
  subject: { practice: '有案不立' },
  facts: '群众通过12345热线反映多次举报未予立案',
});

describe('supervision matters and opinions (SUP-2, SUP-3), without a database', () => {
  it('[SUP-3] an opinion issued, returned once, reported again and accepted closes the matter, journaled hash-chained', async () => {
    const { ports } = inMemoryWorld();
    const matter = await openMatter(ports, body, matterInput);
    expect(matter.source).toBe('hotline');
    const opinion = OpinionInput.parse({
      kind: 'opinion',
      ruleBroken: '违反《行政处罚法》第五十四条',
      rectifyBy: '2026-04-01',
    });
    const issued = await issueOpinion(ports, body, matter.matterId, opinion);
    const opinionId = issued.opinions[0]?.opinionId ?? '';
    expect(issued.opinions[0]?.number).toBe('监意〔2026〕1号');
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
    const { ports, clock } = inMemoryWorld();
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
    expect(overdue?.number).toBe('监建〔2026〕1号');
    expect((await getMatter(ports, body, matter.matterId)).opinions[0]?.status).toBe('overdue');
  });

  it('[SUP-2] isolation: another body, another agency and the agency itself cannot open, read or accept', async () => {
    const { ports } = inMemoryWorld();
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
});
