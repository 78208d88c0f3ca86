import { describe, expect, it } from 'vitest';
import { claimList, hasAnyRole, principalFromClaims } from '#shared/kernel/principal.ts';

const names = { roles: 'cognito:groups', agency: 'custom:agencyId', unit: 'custom:unitId' };

describe('claims from the JWT authorizer', () => {
  it('reads array claims in the forms API Gateway, the local runtime and OIDC issuers use', () => {
    expect(claimList('[admin officer]')).toEqual(['admin', 'officer']);
    expect(claimList(['admin', 'officer'])).toEqual(['admin', 'officer']);
    expect(claimList('admin,officer')).toEqual(['admin', 'officer']);
    expect(claimList('["admin","officer"]')).toEqual(['admin', 'officer']);
    expect(claimList(undefined)).toEqual([]);
  });

  it('builds the caller from configurable claim names and drops unknown roles', () => {
    const principal = principalFromClaims(
      {
        sub: 'u1',
        name: '王五',
        'custom:agencyId': 'a1',
        'custom:unitId': 'x',
        'cognito:groups': '[reviewer root]',
      },
      names,
    );
    expect(principal).toEqual({ sub: 'u1', name: '王五', agencyId: 'a1', unitId: 'x', roles: ['reviewer'] });
    expect(principal && hasAnyRole(principal, ['reviewer', 'leader'])).toBe(true);
    expect(principal && hasAnyRole(principal, ['admin'])).toBe(false);
  });

  it('[ORG-4] takes no supervised agencies from a token: a supervises claim, in any form, is not read', () => {
    for (const claim of [['changning-mzj'], '[changning-mzj]', 'changning-mzj'])
      for (const name of ['supervises', 'custom:supervises']) {
        const principal = principalFromClaims(
          { sub: 's1', 'custom:agencyId': 'changning-sfj', 'cognito:groups': '[supervisor]', [name]: claim },
          names,
        );
        expect(principal).toEqual({
          sub: 's1',
          name: 's1',
          agencyId: 'changning-sfj',
          roles: ['supervisor'],
        });
      }
  });

  it('refuses a token without subject or agency', () => {
    expect(principalFromClaims({ sub: 'u1' }, names)).toBeUndefined();
    expect(principalFromClaims({ 'custom:agencyId': 'a' }, names)).toBeUndefined();
    expect(principalFromClaims(undefined, names)).toBeUndefined();
  });

  it('[INS-5] an enterprise is its credit code and nothing else: no agency, no staff role', () => {
    const claims = {
      sub: 'e1',
      name: '某公司',
      'cognito:groups': '[enterprise admin]',
      'custom:agencyId': 'a1',
    };
    expect(principalFromClaims({ ...claims, creditCode: '91350100M000100Y43' }, names)).toEqual({
      sub: 'e1',
      name: '某公司',
      agencyId: 'enterprise:91350100M000100Y43',
      roles: ['enterprise'],
      creditCode: '91350100M000100Y43',
    });
    expect(principalFromClaims(claims, names)).toBeUndefined();
  });
});
