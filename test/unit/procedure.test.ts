import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '#shared/kernel/bundled-calendar.ts';
import { addWorkingDays } from '#shared/kernel/calendar.ts';
import {
  hearingEntitled,
  noticeRefusal,
  type ProcedureFacts,
  type ProcedureStep,
  procedureSteps,
} from '#shared/recording/domain/procedure.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';

const clock = (today: string) => ({
  today,
  periodEnd: (from: string, workingDays: number) =>
    addWorkingDays((year) => bundledCalendar(year), from, workingDays).dueBy,
});

const doc = (type: string, number: string, createdAt: string, fields: Record<string, unknown> = {}) => ({
  type,
  number,
  createdAt,
  fields,
});

const notice = doc('penalty-prior-notice', '昌民告〔2026〕1号', '2026-09-30T01:00:00.000Z', {
  penalty: { kind: 'fine', amount: 1_000_000 },
});
const served = (servedAt = '2026-09-30T10:00:00+08:00') =>
  doc('service-receipt', '昌民送〔2026〕1号', '2026-09-30T03:00:00.000Z', {
    documentNumber: notice.number,
    servedAt,
  });
const interview = doc('interview-record', '昌民询〔2026〕1号', '2026-09-29T01:00:00.000Z');
const statement = doc('statement-record', '昌民陈〔2026〕1号', '2026-09-30T05:00:00.000Z');
const waiver = doc('hearing-waiver', '昌民弃〔2026〕1号', '2026-09-30T06:00:00.000Z');
const minutes = doc('collective-discussion', '昌民讨〔2026〕1号', '2026-10-08T02:00:00.000Z');

const bare: ProcedureFacts = {
  category: 'penalty',
  procedure: 'general',
  partyKind: 'person',
  flags: {},
  hearingHeld: false,
  documents: [],
  activities: [],
  archivedEvidence: 0,
};
/** Investigated by an interview (an activity) and its record. */
const investigated: ProcedureFacts = { ...bare, activities: [{ type: 'interview' }] };
/** Every step of the general procedure done, but the hearing. */
const complete: ProcedureFacts = {
  ...investigated,
  documents: [interview, notice, served(), statement],
};
/** The same, the notice having told the party of a licence revocation. */
const revocationNotified: ProcedureFacts = {
  ...complete,
  documents: complete.documents.map((document) =>
    document === notice ? { ...notice, fields: { penalty: { kind: 'licence-revocation' } } } : document,
  ),
};

const penalty = (kind: NonNullable<Proposal['penalty']>['kind'], amount?: number): Proposal => ({
  type: 'penalty',
  summary: '处罚',
  legalBasis: '依据',
  penalty: { kind, ...(amount !== undefined ? { amount } : {}) },
});

const missing = (facts: ProcedureFacts, proposal: Proposal | undefined, today = '2026-11-30') =>
  procedureSteps(facts, proposal, clock(today))
    .filter((step) => step.status !== 'done')
    .map((step) => step.step);

describe('the statutory procedure before a decision', () => {
  it.each<{
    name: string;
    facts: ProcedureFacts;
    proposal?: Proposal;
    today?: string;
    missing: ProcedureStep[];
  }>([
    {
      name: 'a general-procedure penalty with nothing done',
      facts: bare,
      proposal: penalty('fine', 50_000),
      missing: ['investigation', 'penalty-prior-notice', 'statement', 'hearing-period'],
    },
    {
      name: 'a warning with nothing done (no hearing right, still notice and statement)',
      facts: bare,
      proposal: penalty('warning'),
      missing: ['investigation', 'penalty-prior-notice', 'statement'],
    },
    {
      name: 'a prior notice never served',
      facts: { ...investigated, documents: [interview, notice, statement] },
      proposal: penalty('warning'),
      missing: ['penalty-prior-notice', 'statement'],
    },
    {
      name: 'a receipt that names another document',
      facts: {
        ...investigated,
        documents: [
          interview,
          notice,
          { ...served(), fields: { documentNumber: 'X', servedAt: '2026-09-30' } },
        ],
      },
      proposal: penalty('warning'),
      missing: ['penalty-prior-notice', 'statement'],
    },
    {
      name: 'a statement recorded before the notice does not answer it',
      facts: {
        ...investigated,
        documents: [interview, { ...statement, createdAt: '2026-09-01T00:00:00.000Z' }, notice, served()],
      },
      proposal: penalty('warning'),
      today: '2026-10-08',
      missing: ['statement'],
    },
    {
      name: 'the statement period passed in silence (5 working days after service, across National Day)',
      facts: { ...investigated, documents: [interview, notice, served()] },
      proposal: penalty('warning'),
      today: '2026-10-14',
      missing: [],
    },
    {
      name: 'the statement period not yet passed on its last day',
      facts: { ...investigated, documents: [interview, notice, served()] },
      proposal: penalty('warning'),
      today: '2026-10-13',
      missing: ['statement'],
    },
    {
      name: 'a warning with every step done',
      facts: complete,
      proposal: penalty('warning'),
      missing: [],
    },
    {
      name: 'a fine of ¥9,999.99 on a person: no hearing right',
      facts: complete,
      proposal: penalty('fine', 9_999.99),
      today: '2026-10-09',
      missing: [],
    },
    {
      name: 'a fine of ¥10,000 on a person, 2 working days after service',
      facts: complete,
      proposal: penalty('fine', 10_000),
      today: '2026-10-09',
      missing: ['hearing-period'],
    },
    {
      name: 'a fine of ¥49,999 on an organisation: no hearing right',
      facts: { ...complete, partyKind: 'organization' },
      proposal: penalty('fine', 49_999),
      today: '2026-10-09',
      missing: [],
    },
    {
      name: 'a fine of ¥50,000 on an organisation, on the last day of the hearing period',
      facts: { ...complete, partyKind: 'organization' },
      proposal: penalty('fine', 50_000),
      today: '2026-10-13',
      missing: ['hearing-period'],
    },
    {
      name: 'a fine of ¥50,000 the day after the hearing period (5 working days across National Day)',
      facts: { ...complete, partyKind: 'organization' },
      proposal: penalty('fine', 50_000),
      today: '2026-10-14',
      missing: [],
    },
    {
      name: 'a hearing waived in writing',
      facts: { ...complete, documents: [...complete.documents, waiver] },
      proposal: penalty('fine', 50_000),
      today: '2026-10-08',
      missing: [],
    },
    {
      name: 'a hearing held',
      facts: { ...revocationNotified, hearingHeld: true },
      proposal: penalty('licence-revocation'),
      today: '2026-10-08',
      missing: [],
    },
    {
      name: 'a licence revoked without waiting for the hearing period',
      facts: revocationNotified,
      proposal: penalty('licence-revocation'),
      today: '2026-10-08',
      missing: ['hearing-period'],
    },
    {
      name: 'a complex case without collective discussion',
      facts: { ...complete, flags: { complex: true } },
      proposal: penalty('warning'),
      missing: ['collective-discussion'],
    },
    {
      name: 'a major case with the minutes of the collective discussion',
      facts: { ...complete, flags: { majorRights: true }, documents: [...complete.documents, minutes] },
      proposal: penalty('warning'),
      missing: [],
    },
    {
      name: 'investigation by an activity instead of a record',
      facts: {
        ...complete,
        documents: [notice, served(), statement],
        activities: [{ type: 'on-site-inspection' }],
      },
      proposal: penalty('warning'),
      missing: [],
    },
    {
      name: 'an interview record without an activity is not an investigation (REC-4)',
      facts: { ...complete, activities: [] },
      proposal: penalty('warning'),
      missing: ['investigation'],
    },
    {
      name: 'archived evidence is an investigation',
      facts: { ...complete, activities: [], archivedEvidence: 1 },
      proposal: penalty('warning'),
      missing: [],
    },
    {
      name: 'a service activity is not an investigation',
      facts: { ...complete, documents: [notice, served(), statement], activities: [{ type: 'service' }] },
      proposal: penalty('warning'),
      missing: ['investigation'],
    },
    {
      name: 'simple procedure: a warning',
      facts: { ...bare, procedure: 'simple' },
      proposal: penalty('warning'),
      missing: [],
    },
    {
      name: 'simple procedure: ¥200 on a person',
      facts: { ...bare, procedure: 'simple' },
      proposal: penalty('fine', 200),
      missing: [],
    },
    {
      name: 'simple procedure: ¥201 on a person',
      facts: { ...bare, procedure: 'simple' },
      proposal: penalty('fine', 201),
      missing: ['simple-procedure-limit'],
    },
    {
      name: 'simple procedure: ¥3,000 on an organisation',
      facts: { ...bare, procedure: 'simple', partyKind: 'organization' },
      proposal: penalty('fine', 3000),
      missing: [],
    },
    {
      name: 'simple procedure: ¥3,001 on an organisation',
      facts: { ...bare, procedure: 'simple', partyKind: 'organization' },
      proposal: penalty('fine', 3001),
      missing: ['simple-procedure-limit'],
    },
    {
      name: 'simple procedure: a confiscation',
      facts: { ...bare, procedure: 'simple' },
      proposal: penalty('confiscation', 100),
      missing: ['simple-procedure-limit'],
    },
    {
      name: 'simple procedure: no penalty at all',
      facts: { ...bare, procedure: 'simple' },
      proposal: { type: 'penalty', summary: '不予处罚', legalBasis: '依据' },
      missing: ['simple-procedure-limit'],
    },
    {
      name: 'an inspection result without an inspection',
      facts: { ...bare, category: 'inspection' },
      proposal: { type: 'inspection-result', summary: '合格', legalBasis: '依据' },
      missing: ['investigation'],
    },
    {
      name: 'an inspection result after an on-site inspection',
      facts: { ...bare, category: 'inspection', activities: [{ type: 'on-site-inspection' }] },
      proposal: { type: 'inspection-result', summary: '合格', legalBasis: '依据' },
      missing: [],
    },
    {
      name: 'a coercive measure without investigation',
      facts: { ...bare, category: 'coercion' },
      proposal: { type: 'seizure', summary: '查封', legalBasis: '依据' },
      missing: ['investigation'],
    },
    {
      name: 'a licence granted (no penalty procedure)',
      facts: { ...bare, category: 'licensing' },
      proposal: { type: 'licence', summary: '准予许可', legalBasis: '依据' },
      missing: [],
    },
  ])('[LAW-10] [LAW-11] $name -> $missing', ({ facts, proposal, today, missing: expected }) => {
    expect(missing(facts, proposal, today)).toEqual(expected);
  });

  it('[LAW-10] a period that reaches a year without a confirmed calendar waits, never guesses', () => {
    const steps = procedureSteps(complete, penalty('fine', 50_000), {
      today: '2027-01-20',
      periodEnd: () => null,
    });
    expect(steps.find((step) => step.step === 'hearing-period')).toMatchObject({ status: 'waiting' });
  });

  it('[LAW-10] every missing step says what is needed, in Chinese', () => {
    for (const step of procedureSteps(bare, penalty('fine', 50_000), clock('2026-11-30'))) {
      expect(step.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(step.detail).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it.each([
    { kind: 'fine' as const, amount: 9_999, party: 'person' as const, entitled: false },
    { kind: 'fine' as const, amount: 10_000, party: 'person' as const, entitled: true },
    { kind: 'confiscation' as const, amount: 50_000, party: 'organization' as const, entitled: true },
    { kind: 'suspension' as const, amount: undefined, party: 'organization' as const, entitled: true },
    { kind: 'licence-downgrade' as const, amount: undefined, party: 'organization' as const, entitled: true },
    { kind: 'warning' as const, amount: undefined, party: 'person' as const, entitled: false },
  ])(
    '[LAW-10] art. 63: $kind $amount on a $party entitles to a hearing: $entitled',
    ({ kind, amount, party, entitled }) => {
      expect(hearingEntitled(party, { kind, ...(amount !== undefined ? { amount } : {}) })).toBe(entitled);
    },
  );

  it('[LAW-10] a province sets its own 较大数额', () => {
    const fine = { kind: 'fine' as const, amount: 5_000 };
    expect(hearingEntitled('person', fine)).toBe(false);
    expect(hearingEntitled('person', fine, { hearingAmountPerson: 2_000 })).toBe(true);
  });
});

describe('the notice binds the decision (noticeRefusal)', () => {
  const fine = (amount: number) => ({ kind: 'fine' as const, amount });
  it.each([
    ['the notified fine', fine(500), fine(500), false],
    ['a lower fine', fine(500), fine(300), false],
    ['a warning instead of a fine', fine(500), { kind: 'warning' as const }, false],
    ['no penalty instead of a fine', fine(500), { kind: 'no-penalty' as const }, false],
    ['a higher fine', fine(500), fine(9_000), true],
    ['another kind', fine(500), { kind: 'licence-revocation' as const }, true],
    ['a fine after a notified warning', { kind: 'warning' }, fine(100), true],
    ['a kind written with a space (罚 款)', { kind: '罚 款', amount: 500 }, fine(500), true],
    ['a notice without a structured penalty', undefined, fine(500), true],
  ])('[LAW-10] %s -> heavier: %s', (_name, notified, decided, heavier) => {
    expect(noticeRefusal(notified, decided) !== undefined).toBe(heavier);
  });
});
