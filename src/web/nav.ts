import { matchPath } from 'react-router-dom';
import type { Me, ModuleMeta } from './api/types.js';
import { can } from './auth/auth-context.js';
import { type WebModule, webModules } from './modules.js';

/**
 * The modules this user sees: those the server lists (it knows what exists and what the user
 * may see), each with only the routes the user's permissions allow, in the order of webModules.
 */
export function visibleModules(serverModules: ModuleMeta[], me: Me | null | undefined): WebModule[] {
  const listed = new Set(serverModules.map((m) => m.key));
  return webModules
    .filter((m) => listed.has(m.key))
    .map((m) => ({
      ...m,
      routes: m.routes
        .filter((r) => can(me, r.permission))
        // reachable, but not in the menu of those who only read it for other screens
        .map((r) => (r.menuPermission && !can(me, r.menuPermission) ? { ...r, hidden: true } : r)),
      queues: (m.queues ?? []).filter((q) => can(me, q.permission)),
    }))
    .filter((m) => m.routes.length > 0);
}

/** The module and route a location belongs to, for the page title and the selected menu item. */
export function findRoute(modules: WebModule[], pathname: string) {
  for (const module of modules) {
    for (const route of module.routes) {
      if (route.path === pathname) return { module, route };
    }
  }
  // a screen with parameters (`/enforcement/cases/:id`) when no exact path matched
  for (const module of modules) {
    for (const route of module.routes) {
      if (route.path.includes(':') && matchPath(route.path, pathname)) return { module, route };
    }
  }
  return undefined;
}
