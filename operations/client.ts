/**
 * How a client app calls the gateway with the generated operation types: a typed POST. Any
 * GraphQL client (Apollo Client, urql, graphql-request) takes the same types.
 */
import { readFileSync } from 'node:fs';

export interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

/** The text of an operation file in this folder. */
export function operation(name: string): string {
  return readFileSync(new URL(`./${name}.graphql`, import.meta.url), 'utf8');
}

export async function request<Data, Variables extends Record<string, unknown>>(
  endpoint: string,
  query: string,
  variables: Variables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}
