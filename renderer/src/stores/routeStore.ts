import { create } from 'zustand';

/** Hash routes survive a reload and need no server support under app:// or the browser host. */
export type Route =
  | { name: 'articles' }
  | { name: 'article'; id: string }
  | { name: 'layout'; date?: string; pageId?: string }
  | { name: 'proof'; pageId: string }
  | { name: 'photos' }
  | { name: 'queue' }
  | { name: 'import' }
  | { name: 'admin' }
  | { name: 'audit' }
  | { name: 'wordlists' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'articles' && parts[1]) return { name: 'article', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'layout') return parts[1] && parts[2] ? { name: 'layout', date: decodeURIComponent(parts[1]), pageId: decodeURIComponent(parts[2]) } : { name: 'layout' };
  if (parts[0] === 'proof' && parts[1]) return { name: 'proof', pageId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'photos') return { name: 'photos' };
  if (parts[0] === 'queue') return { name: 'queue' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'admin') return { name: 'admin' };
  if (parts[0] === 'audit') return { name: 'audit' };
  if (parts[0] === 'wordlists') return { name: 'wordlists' };
  return { name: 'articles' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'article':
      return `#/articles/${encodeURIComponent(route.id)}`;
    case 'proof':
      return `#/proof/${encodeURIComponent(route.pageId)}`;
    case 'layout':
      return route.date && route.pageId ? `#/layout/${encodeURIComponent(route.date)}/${encodeURIComponent(route.pageId)}` : '#/layout';
    default:
      return `#/${route.name}`;
  }
}

interface RouteState {
  route: Route;
  go(route: Route): void;
}

export const useRoute = create<RouteState>((set) => ({
  route: parseRoute(typeof location !== 'undefined' ? location.hash : ''),
  go(route) {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRoute.setState({ route: parseRoute(location.hash) }));
}
