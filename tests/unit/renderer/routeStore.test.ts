// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../../renderer/src/stores/routeStore';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'articles' }],
    ['#/articles', { name: 'articles' }],
    ['#/articles/01a223b7-9de7-70ae-8ef1-92499b73ba31', { name: 'article', id: '01a223b7-9de7-70ae-8ef1-92499b73ba31' }],
    ['#/queue', { name: 'queue' }],
    ['#/import', { name: 'import' }],
    ['#/nonsense/route', { name: 'articles' }],
  ])('%s → %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route, escaping ids', () => {
    const routes: Route[] = [{ name: 'article', id: 'a/b c' }, { name: 'layout' }, { name: 'audit' }];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
