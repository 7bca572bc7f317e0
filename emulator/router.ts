/** Matches `METHOD /path` to a handler; a trailing `/:id` segment is parsed as a positive integer. */
import { invalidInput } from './errors.js';
import { parseId } from './query.js';
import type { AccountStore } from './store.js';

export interface ApiRequest {
  store: AccountStore;
  query: URLSearchParams;
  /** The parsed JSON body, undefined when empty. */
  body: unknown;
  /** The `{id}` of the path, on routes declared with `/:id`. */
  id: number;
}

/** Returns what the answer carries under `data`. */
export type Handler = (request: ApiRequest) => unknown;

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: Handler;
}

export interface RouteMatch {
  handler: Handler;
  id: number;
}

const ID_SUFFIX = '/:id';

export class Router {
  private readonly routes = new Map<string, Handler>();

  constructor(definitions: readonly RouteDefinition[]) {
    for (const { method, path, handler } of definitions) this.routes.set(`${method} ${path}`, handler);
  }

  /** Null when no route matches; throws ERROR_INVALID_INPUT for a path id that is not a positive integer. */
  match(method: string, path: string): RouteMatch | null {
    const exact = this.routes.get(`${method} ${path}`);
    if (exact) return { handler: exact, id: 0 };
    const slash = path.lastIndexOf('/');
    const withId = this.routes.get(`${method} ${path.slice(0, slash)}${ID_SUFFIX}`);
    if (!withId) return null;
    const raw = path.slice(slash + 1);
    const id = parseId(raw);
    if (id === null) throw invalidInput(`The id "${raw}" in the path is not a positive integer`);
    return { handler: withId, id };
  }
}
