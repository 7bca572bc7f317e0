/** Apollo Server as the gateway runs it: its safety settings and its plugins, over one executable schema. */
import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../../domain/context.js';
import { cacheControlPlugins } from './cacheControl.js';
import { createCostPlugin, stringifyResult } from './costExtension.js';
import { createAdmissionPlugin, type Admission } from './admission.js';
import type { GatewaySettings } from '../settings.js';

export interface ApolloOptions {
  schema: GraphQLSchema;
  settings: GatewaySettings;
  httpServer: http.Server;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Closes what the HTTP server's drain does not: upgraded sockets. */
  drain: (graceMs: number) => Promise<void>;
  observability: ApolloServerPlugin<GatewayContext>;
  /** What GET /graphql shows a browser (server/intake/sandbox.ts). */
  landingPage: ApolloServerPlugin<GatewayContext>;
  /** Where automatic persisted queries are kept (server/execution/persistedQueries.ts); null turns them off. */
  persistedQueries: { cache: KeyValueCache<string>; ttlSeconds: number } | null;
  /** `extensions.cost` on every answer (server/execution/costExtension.ts). */
  costExtension: boolean;
  /** What an operation must pass (server/execution/admission.ts), over `schema`. */
  admission: Admission;
}

export async function startApollo(options: ApolloOptions): Promise<ApolloServer<GatewayContext>> {
  const { settings } = options;
  const apollo = new ApolloServer<GatewayContext>({
    schema: options.schema,
    formatError: options.formatError,
    // Validation errors without "Did you mean" in production; formatError covers the rest.
    hideSchemaDetailsFromClientErrors: settings.production,
    includeStacktraceInErrorResponses: false,
    // Bounded in bytes and time, keyed by the document's own hash (server/execution/persistedQueries.ts).
    persistedQueries: options.persistedQueries ? { cache: options.persistedQueries.cache, ttl: options.persistedQueries.ttlSeconds } : false,
    // server/ops/shutdown.ts owns SIGTERM; Apollo's own handler would stop first and re-send the signal.
    stopOnTerminationSignals: false,
    // The admission refuses introspection when it is off, in words that name the setting.
    introspection: true,
    validationRules: [...options.admission.extraRules],
    // Batched operations would multiply every limit by the batch size.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Apollo pretty-prints results by default: for a page of cases that is most of the cost of
    // the response for nobody's benefit. Ours is compact, with the cost extension last.
    stringifyResult,
    // graphql-js stops parsing a document past this many tokens, before it builds anything.
    parseOptions: options.admission.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: settings.shutdownGraceMs }),
      // Upgraded sockets are no longer the HTTP server's: they close with the protocol's code.
      { serverWillStart: async () => ({ drainServer: () => options.drain(settings.shutdownGraceMs) }) },
      createAdmissionPlugin(options.admission),
      ...(options.costExtension ? [createCostPlugin(settings.limits.maxCost)] : []),
      options.observability,
      options.landingPage,
      ...cacheControlPlugins(settings.recordCache.maxAgeCapS),
      // We send no federated traces as a subgraph: inline traces would hook every field for nobody.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}
