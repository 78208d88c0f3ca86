import { describe, expect, it } from 'vitest';
import type { Principal } from '#shared/kernel/principal.ts';
import { listAgencies, saveAgencyProfile, superviseAgency } from '#shared/organisation/use-cases/agency.ts';
import { InMemoryAgencies, testClock } from '#test/fakes/in-memory-stores.ts';

const at = '2026-03-02T02:00:00.000Z';
const profile = (agencyId: string, name: string) => ({
  agencyId,
  name,
  region: '昌宁县',
  units: [{ id: 'office', name: '办公室' }],
  supervisedBy: ['changning-sfj'],
  updatedAt: at,
  updatedBy: 'platform-admin',
});
const platformAdmin: Principal = {
  sub: 'p',
  name: '平台管理员',
  agencyId: 'platform',
  roles: ['platform-admin'],
};

async function world() {
  const agencies = new InMemoryAgencies();
  await agencies.create(profile('a-mz', '昌宁县民政局'));
  await agencies.create(profile('b-sj', '昌宁县市场监督管理局'));
  await agencies.create(profile('c-ws', '昌宁县卫生健康局'));
  return { agencies, now: testClock(at).now };
}

describe('agencies (ORG-6)', () => {
  it('[ORG-6] the platform admin pages through every agency, ids with names and who supervises each', async () => {
    const ports = await world();
    const first = await listAgencies(ports, platformAdmin, { limit: 2 });
    expect(first.items).toEqual([
      { agencyId: 'a-mz', name: '昌宁县民政局', supervisedBy: ['changning-sfj'] },
      { agencyId: 'b-sj', name: '昌宁县市场监督管理局', supervisedBy: ['changning-sfj'] },
    ]);
    const second = await listAgencies(ports, platformAdmin, { limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({
      items: [{ agencyId: 'c-ws', name: '昌宁县卫生健康局', supervisedBy: ['changning-sfj'] }],
    });
  });

  it('[ORG-6] [ORG-4] a supervisor gets only the agencies it supervises, whatever it asks for', async () => {
    const ports = await world();
    const supervisor: Principal = {
      sub: 's',
      name: '监督员',
      agencyId: 'changning-sfj',
      roles: ['supervisor'],
      supervises: ['c-ws'],
    };
    expect(await listAgencies(ports, supervisor, { limit: 100 })).toEqual({
      items: [{ agencyId: 'c-ws', name: '昌宁县卫生健康局' }],
    });
    expect(await listAgencies(ports, { ...supervisor, supervises: [] }, { limit: 100 })).toEqual({
      items: [],
    });
  });

  it('[ORG-6] the agency admin’s profile edit keeps who supervises it', async () => {
    const ports = await world();
    const admin: Principal = { sub: 'x', name: '管理员', agencyId: 'b-sj', roles: ['admin'] };
    const saved = await saveAgencyProfile(ports, admin, {
      name: '昌宁县市场监督管理局',
      region: '昌宁县',
      units: [{ id: 'zfdd', name: '综合执法大队' }],
    });
    expect(saved.supervisedBy).toEqual(['changning-sfj']);
    expect((await ports.agencies.get('b-sj'))?.supervisedBy).toEqual(['changning-sfj']);
  });

  it('[ORG-4] the platform admin changes who supervises an agency; the body removed supervises it no more', async () => {
    const ports = await world();
    expect(await ports.agencies.supervisedBy('changning-sfj')).toEqual(['a-mz', 'b-sj', 'c-ws']);
    const moved = await superviseAgency(ports, platformAdmin, 'b-sj', ['baoshan-sfj']);
    expect(moved).toMatchObject({ agencyId: 'b-sj', supervisedBy: ['baoshan-sfj'], updatedBy: 'p' });
    expect(await ports.agencies.supervisedBy('changning-sfj')).toEqual(['a-mz', 'c-ws']);
    expect(await ports.agencies.supervisedBy('baoshan-sfj')).toEqual(['b-sj']);
    await expect(superviseAgency(ports, platformAdmin, 'b-sj', ['b-sj'])).rejects.toMatchObject({
      kind: 'invalid',
      details: [{ path: 'supervisedBy' }],
    });
    await expect(superviseAgency(ports, platformAdmin, 'no-such', ['baoshan-sfj'])).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
