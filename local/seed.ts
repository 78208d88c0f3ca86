import { readFile } from 'node:fs/promises';
import type { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import { type AgencyProfileInput, PLATFORM_ID } from '#shared/kernel/agency.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { OfficerInput } from '#shared/organisation/domain/officer.ts';

/** The demo agency of the local runtime: 昌宁县民政局 and its units, as in the bureau's own plan. */
export const DEMO_AGENCY_ID = 'changning-mzj';

export const demoAgency: AgencyProfileInput = {
  name: '昌宁县民政局',
  region: '昌宁县',
  documentPrefix: '昌民',
  level: '县级',
  field: '民政',
  units: [
    { id: 'dzbgs', name: '党政办公室' },
    { id: 'shswg', name: '社会事务股' },
    { id: 'shjzg', name: '社会救助股' },
    { id: 'ylfwg', name: '养老服务股' },
    { id: 'shzzg', name: '社会组织管理股' },
  ],
};

/** The demo agency's supervisory body (ORG-4): its prefix numbers its supervision documents (SUP-3), 昌司监意〔2026〕1号. */
export const DEMO_SUPERVISORY_BODY_ID = 'changning-sfj';
/**
 * The body that supervises the demo agency or a test's copy of it (ORG-4): the county justice
 * bureau for the demo, a justice bureau of its own for each copy, so a copy's supervisor reads
 * that copy and no other test's.
 */
export const supervisoryBodyOf = (agencyId: string) =>
  agencyId === DEMO_AGENCY_ID ? DEMO_SUPERVISORY_BODY_ID : `${agencyId}-sfj`;
const demoSupervisoryBody: AgencyProfileInput = {
  name: '昌宁县司法局',
  region: '昌宁县',
  documentPrefix: '昌司',
  level: '县级',
  field: '司法行政',
  units: [{ id: 'zfjdg', name: '行政执法协调监督股' }],
};

export const demoOfficers: OfficerInput[] = [
  {
    name: '李明华',
    unitId: 'shswg',
    position: '股长',
    certificateNo: 'YN-CN-MZ-0001',
    userId: 'demo-head',
    categories: ['penalty', 'inspection'],
    region: '昌宁县',
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
  },
  {
    name: '王秀兰',
    unitId: 'shswg',
    position: '科员',
    certificateNo: 'YN-CN-MZ-0002',
    userId: 'demo-officer',
    categories: ['penalty', 'inspection'],
    region: '昌宁县',
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
  },
  {
    name: '张建国',
    unitId: 'shzzg',
    position: '股长',
    certificateNo: 'YN-CN-MZ-0003',
    userId: 'demo-zhang',
    categories: ['penalty', 'inspection', 'licensing'],
    region: '昌宁县',
    validFrom: '2023-06-01',
    validTo: '2027-05-31',
  },
  {
    name: '赵丽娟',
    unitId: 'shzzg',
    position: '科员',
    certificateNo: 'YN-CN-MZ-0004',
    userId: 'demo-zhao',
    categories: ['inspection', 'licensing'],
    region: '昌宁县',
    validFrom: '2023-06-01',
    validTo: '2026-12-15',
  },
  {
    name: '陈志强',
    unitId: 'ylfwg',
    position: '科员',
    certificateNo: 'YN-CN-MZ-0005',
    userId: 'demo-chen',
    categories: ['inspection'],
    region: '昌宁县',
    validFrom: '2021-01-01',
    validTo: '2025-12-31',
  },
];

/** The platform administrator of one machine, offered on the local sign-in page from the first run. */
export const platformAdmin = {
  userId: 'platform-admin',
  agencyId: PLATFORM_ID,
  name: '平台管理员',
  roles: ['platform-admin' as const],
};

/**
 * The calendar administrator (the province's justice department, LAW-8), a platform role beside
 * the administrator: loads each year's holidays, which no agency may change.
 */
export const calendarAdmin = {
  userId: 'calendar-admin',
  agencyId: PLATFORM_ID,
  name: '日历管理员（省司法厅）',
  roles: ['calendar-admin' as const],
};

/** Puts the platform's administrator and calendar administrator into the local identity store, once. */
export async function seedPlatformAdmin(): Promise<void> {
  const [{ LocalIdentity }, { documentClient }, { config }] = await Promise.all([
    import('#shared/organisation/store/local-identity.ts'),
    import('#shared/kernel/store/clients.ts'),
    import('#shared/config.ts'),
  ]);
  const identity = new LocalIdentity(documentClient, config().MAIN_TABLE);
  for (const account of [platformAdmin, calendarAdmin])
    if (!(await identity.get(PLATFORM_ID, account.userId))) await identity.create(account);
}

/** The demo agency's administrator: the actor of the seeded accounts. */
export const DEMO_ADMIN = 'demo-admin';

/**
 * The demo data's accounts; `POST /dev/token` with one of these gives a working session. The
 * agency's are seeded into its account directory and the local identity store, which the
 * local sign-in page lists; the supervisor belongs to another body (ORG-4) and stays here.
 */
export const demoUsers: Principal[] = [
  { sub: DEMO_ADMIN, name: '系统管理员', agencyId: DEMO_AGENCY_ID, unitId: 'dzbgs', roles: ['admin'] },
  {
    sub: 'demo-head',
    name: '李明华',
    agencyId: DEMO_AGENCY_ID,
    unitId: 'shswg',
    roles: ['unit-head', 'officer'],
  },
  { sub: 'demo-officer', name: '王秀兰', agencyId: DEMO_AGENCY_ID, unitId: 'shswg', roles: ['officer'] },
  {
    sub: 'demo-reviewer',
    name: '法制审核员',
    agencyId: DEMO_AGENCY_ID,
    unitId: 'dzbgs',
    roles: ['reviewer'],
  },
  { sub: 'demo-leader', name: '局长', agencyId: DEMO_AGENCY_ID, unitId: 'dzbgs', roles: ['leader'] },
  // ORG-4: the county justice bureau's supervisor reads the bureau's statistics and overdue lists:
  // the demo agency names the justice bureau in its `supervisedBy` (a copy, its own bureau).
  {
    sub: 'demo-supervisor',
    name: '县司法局执法监督员',
    agencyId: DEMO_SUPERVISORY_BODY_ID,
    roles: ['supervisor'],
  },
];

/** The demo lists, as agencies keep them: CSV files with the Chinese headings, in publication order. */
const demoChecklists: { kind: ChecklistKind; title: string }[] = [
  { kind: 'matters', title: '昌宁县民政局行政执法事项清单' },
  { kind: 'random-inspections', title: '昌宁县民政局随机抽查事项清单' },
  { kind: 'subjects', title: '昌宁县民政局行政执法主体资格清单' },
  { kind: 'officers', title: '昌宁县民政局行政执法人员资格清单' },
  { kind: 'service-guides', title: '昌宁县民政局行政执法服务指南' },
  { kind: 'av-matters', title: '昌宁县民政局行政执法音像记录事项清单' },
  { kind: 'review-catalog', title: '昌宁县民政局重大执法决定法制审核目录清单' },
];

/**
 * The demo accounts, in another agency (a test's own copy of the demo) or in the demo agency; the
 * supervisor in the justice bureau that supervises it.
 */
export const usersOf = (agencyId: string): Principal[] =>
  demoUsers.map((user) =>
    user.agencyId === DEMO_SUPERVISORY_BODY_ID
      ? { ...user, agencyId: supervisoryBodyOf(agencyId) }
      : { ...user, agencyId },
  );

/**
 * Loads the demo agency through the same use cases the API runs; running it twice changes nothing.
 * A test passes its own agency id to get a copy that no other test touches.
 */
export async function seedDemoData(
  agencyId = DEMO_AGENCY_ID,
): Promise<{ officers: number; checklists: number }> {
  // Imported here: the repositories read the environment the local stack has just set.
  const { ports } = await import('#shared/repositories.ts');
  const { registerOfficer } = await import('#shared/organisation/use-cases/officers.ts');
  const [admin, head, author] = usersOf(agencyId) as [Principal, Principal, Principal];
  // The justice bureau supervises the demo agency (ORG-4): the profile's `supervisedBy` and the
  // bureau's supervision index, as the platform administrator's change writes them.
  const body = supervisoryBodyOf(agencyId);
  const existing = await ports.agencies.get(agencyId);
  if (!existing) {
    await ports.agencies.create({
      ...demoAgency,
      agencyId,
      supervisedBy: [body],
      updatedAt: ports.now().toISOString(),
      updatedBy: admin.sub,
    });
  } else if (!existing.supervisedBy?.includes(body)) {
    await ports.agencies.supervise(agencyId, [...(existing.supervisedBy ?? []), body], {
      at: ports.now().toISOString(),
      by: admin.sub,
    });
  }
  if (!(await ports.agencies.get(body))) {
    await ports.agencies.put({
      ...demoSupervisoryBody,
      agencyId: body,
      updatedAt: ports.now().toISOString(),
      updatedBy: admin.sub,
    });
  }
  await seedDemoAccounts(agencyId);
  let created = 0;
  for (const officer of demoOfficers) {
    try {
      await registerOfficer(ports, admin, officer);
      created += 1;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  }
  const { importItems } = await import('#shared/render/xlsx/checklist-spreadsheet.ts');
  const { createDraft, currentEdition, publishChecklist } = await import(
    '#shared/checklists/use-cases/checklists.ts'
  );
  let published = 0;
  for (const { kind, title } of demoChecklists) {
    if (await currentEdition(ports, agencyId, kind)) continue;
    const items =
      kind === 'officers'
        ? undefined
        : await importItems(kind, 'csv', await readFile(new URL(`./demo/${kind}.csv`, import.meta.url)));
    const draft = await createDraft(ports, author, { kind, title, ...(items ? { items } : {}) });
    await publishChecklist(ports, head, draft.id);
    published += 1;
  }
  const { seedDemoPlan } = await import('#local/demo/inspection-plan.ts');
  await seedDemoPlan(ports, agencyId, author, head);
  return { officers: created, checklists: published };
}

/**
 * The demo agency's staff accounts (ORG-5), with the demo's fixed user ids, in the account
 * directory (and its log) and the local identity store; those already there are left alone.
 */
async function seedDemoAccounts(agencyId: string): Promise<void> {
  const [
    { ports },
    { loginOf },
    { LocalIdentity },
    { documentClient },
    { config },
    { AssignableRole, loggedFields },
  ] = await Promise.all([
    import('#shared/repositories.ts'),
    import('#shared/organisation/use-cases/accounts.ts'),
    import('#shared/organisation/store/local-identity.ts'),
    import('#shared/kernel/store/clients.ts'),
    import('#shared/config.ts'),
    import('#shared/organisation/domain/account.ts'),
  ]);
  const identity = new LocalIdentity(documentClient, config().MAIN_TABLE);
  for (const user of usersOf(agencyId).filter((each) => each.agencyId === agencyId)) {
    if (await ports.accounts.get(agencyId, user.sub)) continue;
    const at = ports.now().toISOString();
    const certificateNo = demoOfficers.find((officer) => officer.userId === user.sub)?.certificateNo;
    const account = {
      userId: user.sub,
      agencyId,
      name: user.name,
      unitId: user.unitId ?? 'dzbgs',
      roles: user.roles.map((role) => AssignableRole.parse(role)),
      ...(certificateNo ? { officerCertificateNo: certificateNo } : {}),
      status: 'active' as const,
      createdAt: at,
      createdBy: DEMO_ADMIN,
      updatedAt: at,
      updatedBy: DEMO_ADMIN,
      version: 1,
    };
    await ports.accounts.commit(account, undefined, {
      at,
      actor: DEMO_ADMIN,
      type: 'created',
      data: { userId: user.sub, after: loggedFields(account) },
    });
    await identity.create(loginOf(account));
  }
}

/**
 * The demo penalty case, walked over HTTP through the running server the first time the demo
 * agency has no case: every step of the general procedure, as docs and tests describe it.
 */
export async function seedDemoCase(
  serverUrl: string,
  agencyId = DEMO_AGENCY_ID,
): Promise<string | undefined> {
  const { publishDecisionNow, revokeDecision, walkPenaltyCase } = await import('#local/demo/penalty-case.ts');
  const { legalDateOf } = await import('#shared/kernel/dates.ts');
  const call = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, text, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
  const token = async (principal: object) =>
    (await call('POST', '/dev/token', { body: principal })).body.token;
  const users = usersOf(agencyId);
  const admin = await token(users[0] as Principal);
  if ((await call('GET', '/v1/cases?limit=1', { token: admin })).body.items.length > 0) return undefined;
  const cast = {
    agencyId,
    unitId: 'shswg',
    officers: ['YN-CN-MZ-0002', 'YN-CN-MZ-0001'] as [string, string],
    handler: 'demo-officer',
    reviewer: 'demo-reviewer',
    admin: 'demo-admin',
    matterId: 'MZ-CF-002',
  };
  const client = { call, token };
  const walked = await walkPenaltyCase(client, cast);
  await publishDecisionNow(client, walked.caseId, admin);
  // A second decision, published and then revoked on reconsideration: the public site shows the
  // withdrawal and its reason (PUB-11).
  const revoked = await walkPenaltyCase(client, cast);
  await publishDecisionNow(client, revoked.caseId, admin);
  const officer = await token(users.find((user) => user.sub === 'demo-officer') as Principal);
  await revokeDecision(client, revoked.caseId, officer, legalDateOf(new Date()));
  return walked.caseId;
}

/**
 * The demo walk of `npm start`: a step it cannot take is logged, and the platform runs on without
 * the demo cases (a failed walk used to end the whole running platform).
 */
export async function walkDemoCases(
  serverUrl: string,
  {
    agencyId = DEMO_AGENCY_ID,
    log = console.error,
  }: { agencyId?: string; log?: (line: string) => void } = {},
): Promise<string | undefined> {
  try {
    return await seedDemoCase(serverUrl, agencyId);
  } catch (error) {
    log(
      `the demo cases could not be walked; the platform runs without them: ${(error as Error).stack ?? String(error)}`,
    );
    return undefined;
  }
}
