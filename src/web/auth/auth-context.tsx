import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setScopeOrg, setUnauthorizedHandler } from '../api/client.js';
import type { Me, MeAnswer, ModuleMeta, ScopeOrg } from '../api/types.js';

interface AuthValue {
  /** undefined while the first /api/auth/me is in flight, null when not logged in */
  me: Me | null | undefined;
  modules: ModuleMeta[];
  scopeOrgs: ScopeOrg[];
  /** the org chosen in the switcher (null = 全部范围) */
  orgId: string | null;
  setOrgId: (orgId: string | null) => void;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

const ORG_KEY = 'fazhi.scopeOrg';

/** '*' grants everything (the server's rule, mirrored to hide what would be refused anyway). */
export function can(me: Me | null | undefined, permission: string | undefined): boolean {
  if (!permission) return true;
  if (!me) return false;
  return me.permissions.includes('*') || me.permissions.includes(permission);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [modules, setModules] = useState<ModuleMeta[]>([]);
  const [scopeOrgs, setScopeOrgs] = useState<ScopeOrg[]>([]);
  const [orgId, setOrgIdState] = useState<string | null>(null);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setScopeOrg(null);
    setOrgIdState(null);
    setModules([]);
    setScopeOrgs([]);
    setMe(null);
  }, []);

  const enter = useCallback(async (answer: MeAnswer) => {
    setCsrfToken(answer.csrfToken);
    const [mods, orgs] = await Promise.all([
      api.get<ModuleMeta[]>('/api/meta/modules'),
      api.get<ScopeOrg[]>('/api/auth/scope-orgs'),
    ]);
    // Keep the switcher's choice across reloads, but only if the org is still in scope.
    const saved = sessionStorage.getItem(ORG_KEY);
    const kept = saved && orgs.some((o) => o.id === saved) ? saved : null;
    setScopeOrg(kept);
    setOrgIdState(kept);
    setModules(mods);
    setScopeOrgs(orgs);
    setMe(answer.user);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(clear);
    api
      .get<MeAnswer>('/api/auth/me')
      .then(enter)
      .catch(() => clear());
    return () => setUnauthorizedHandler(null);
  }, [clear, enter]);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      modules,
      scopeOrgs,
      orgId,
      setOrgId(next) {
        setScopeOrg(next);
        if (next) sessionStorage.setItem(ORG_KEY, next);
        else sessionStorage.removeItem(ORG_KEY);
        setOrgIdState(next);
      },
      async login(username, password) {
        const answer = await api.post<MeAnswer>('/api/auth/login', { username, password });
        await enter(answer);
      },
      async logout() {
        try {
          await api.post('/api/auth/logout');
        } finally {
          sessionStorage.removeItem(ORG_KEY);
          clear();
        }
      },
    }),
    [me, modules, scopeOrgs, orgId, enter, clear],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** The logged-in user; only for screens rendered behind the login guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}
