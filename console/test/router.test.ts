import { describe, expect, it } from 'vitest';
import { findRoute } from '../src/router.tsx';

const table = [
  { path: '/cases', name: 'list' },
  { path: '/cases/:id', name: 'case' },
  { path: '/cases/new', name: 'register' },
  { path: '/cases/:id/records/new', name: 'record' },
];

describe('the console finds the screen of a path in its route table', () => {
  it.each([
    ['/cases', 'list', {}],
    ['/cases/new', 'register', {}],
    ['/cases/new/', 'register', {}],
    ['/cases/01HX', 'case', { id: '01HX' }],
    ['/cases/%E6%A1%88%201/records/new', 'record', { id: '案 1' }],
  ])('%s is the %s screen', (path, name, params) => {
    expect(findRoute(table, path)).toEqual({ route: expect.objectContaining({ name }), params });
  });

  it('a path of no screen is none', () => {
    expect(findRoute(table, '/cases/1/unknown')).toBeUndefined();
    expect(findRoute(table, '/')).toBeUndefined();
  });
});
