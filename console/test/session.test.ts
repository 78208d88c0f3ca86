import { describe, expect, it } from 'vitest';
import { sessionOf } from '../src/auth/session.ts';

const base64url = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const token = (claims: Record<string, unknown>) => `${base64url({ alg: 'none' })}.${base64url(claims)}.sig`;

describe('the console reads who is signed in from the token', () => {
  it('[REC-8] reads the local token’s claims: roles as a list, agency, unit, expiry', () => {
    const session = sessionOf(
      token({
        sub: 'demo-officer',
        name: '王秀兰',
        agencyId: 'changning-mzj',
        unitId: 'shswg',
        roles: ['officer'],
        exp: 2_000_000_000,
      }),
    );
    expect(session).toMatchObject({
      sub: 'demo-officer',
      name: '王秀兰',
      agencyId: 'changning-mzj',
      unitId: 'shswg',
      roles: ['officer'],
      expiresAt: 2_000_000_000,
    });
  });

  it('[REC-8] reads a Cognito ID token: groups as roles, custom:agencyId and custom:unitId', () => {
    const session = sessionOf(
      token({
        sub: 'c0ffee',
        'cognito:username': 'wang',
        name: '王秀兰',
        'custom:agencyId': 'changning-mzj',
        'custom:unitId': 'shswg',
        'cognito:groups': ['officer', 'unit-head'],
      }),
    );
    expect(session.roles).toEqual(['officer', 'unit-head']);
    expect(session.agencyId).toBe('changning-mzj');
    expect(session.unitId).toBe('shswg');
  });

  it('[REC-8] reads roles handed over as API Gateway’s "[a b]" string or a comma list', () => {
    expect(sessionOf(token({ sub: 'x', roles: '[reviewer leader]' })).roles).toEqual(['reviewer', 'leader']);
    expect(sessionOf(token({ sub: 'x', roles: 'reviewer,leader' })).roles).toEqual(['reviewer', 'leader']);
  });
});
