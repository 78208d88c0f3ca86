import { describe, expect, it } from 'vitest';
import {
  confirmationRequired,
  defaultRule,
  readyEarly,
  rulesMoment,
} from '#shared/publicity/domain/publication.ts';

const person = { kind: 'person' };
const company = { kind: 'organization' };

describe('when a publication may go out before its due date', () => {
  it('[PUB-1] a rule that publishes on decision has its moment at once; one that waits for service, from service on', () => {
    expect(rulesMoment({ publishWhen: 'decided' }, 'decided')).toBe(true);
    expect(rulesMoment({ publishWhen: 'served' }, 'decided')).toBe(false);
    for (const status of ['served', 'executed', 'closed', 'archived'])
      expect(rulesMoment({ publishWhen: 'served' }, status)).toBe(true);
  });

  it('[LAW-5] a natural person’s decision waits for a person’s confirmation unless the rule says otherwise', () => {
    expect(confirmationRequired(defaultRule('penalty'), person)).toBe(true);
    expect(confirmationRequired(defaultRule('penalty'), company)).toBe(false);
    expect(confirmationRequired({ requireConfirmation: false }, person)).toBe(false);
    expect(confirmationRequired({ requireConfirmation: true }, company)).toBe(true);
  });

  it('[PUB-12] ready early needs both the moment and, where required, the confirmation', () => {
    const rule = defaultRule('penalty');
    expect(readyEarly(rule, { status: 'decided', party: company }, false)).toBe(true);
    expect(readyEarly(rule, { status: 'decided', party: person }, false)).toBe(false);
    expect(readyEarly(rule, { status: 'decided', party: person }, true)).toBe(true);
    const onService = { ...rule, publishWhen: 'served' as const };
    expect(readyEarly(onService, { status: 'decided', party: company }, true)).toBe(false);
    expect(readyEarly(onService, { status: 'served', party: company }, false)).toBe(true);
  });
});
