import { createContext, useContext } from 'react';
import type { WebModule } from './modules.js';

/** The modules this user sees (computed once by the app shell from the server's list). */
export const VisibleModules = createContext<readonly WebModule[]>([]);

export function useVisibleModules(): readonly WebModule[] {
  return useContext(VisibleModules);
}
