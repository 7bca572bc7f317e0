/** Every route of the emulated API, relative to /api/v1. */
import type { RouteDefinition } from '../router.js';
import { caseActionRoutes } from './caseActions.js';
import { caseMessageRoutes } from './caseMessages.js';
import { caseRoutes } from './cases.js';
import { contactActionRoutes } from './contactActions.js';
import { contactRoutes } from './contacts.js';
import { mailRoutes } from './mail.js';
import { messengerRoutes } from './messenger.js';
import { noteRoutes } from './notes.js';
import { snoozeRoutes } from './snooze.js';
import { userRoutes } from './users.js';
import { voipRoutes } from './voip.js';

export const ROUTES: readonly RouteDefinition[] = [
  ...caseRoutes,
  ...caseMessageRoutes,
  ...messengerRoutes,
  ...caseActionRoutes,
  ...mailRoutes,
  ...voipRoutes,
  ...contactRoutes,
  ...contactActionRoutes,
  ...noteRoutes,
  ...snoozeRoutes,
  ...userRoutes,
];
