export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
  extensions?: { cost?: QueryCostShape; [key: string]: unknown };
  headers: Headers;
}

/** `extensions.cost` as clients read it (README, "Cost in the answer"). */
export interface QueryCostShape {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number };
}

// Test queries have many shapes; a test reads the fields it asserts on.
type Loose = any;

/** POSTs one operation to the gateway, the way a client app does. */
export async function graphql<T = Loose>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The codes of a result's errors, in order. */
export function codes(result: GraphQLResult<unknown>): Array<string | undefined> {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
