/**
 * The Apollo Sandbox landing page at GET /graphql (development, or GRAPHQL_SANDBOX=true), with an
 * example operation preloaded and, on the emulator, the demo key in its headers, so a newcomer
 * can press Run at once. Elsewhere a plain page.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';

const EXAMPLE_OPERATION = `# The first cases of the account, with their contact and latest message.
# Try "after: <endCursor>" for the next page, or a filter: { status: ACTIVE, channel: CHAT }.
query RecentCases {
  cases(first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      title
      status
      channel
      contact { name email }
      lastMessage {
        text
        sender { ... on User { name } ... on Contact { name } }
      }
    }
  }
}

# Live: run this one and leave it open; on the demo a case changes status every 20 s and a new
# chat arrives every 30 s (for a contact's reply every 4 s, subscribe to messageEvents).
# Subscriptions use the graphql-ws protocol at this same URL, with the same Authorization header.
subscription LiveCases {
  caseEvents {
    type
    occurredAt
    case { id title status contact { name } }
  }
}
`;

export function landingPagePlugin(options: { sandbox: boolean; demoKey?: string | undefined }): ApolloServerPlugin {
  if (!options.sandbox) return ApolloServerPluginLandingPageProductionDefault({ footer: false });
  return ApolloServerPluginLandingPageLocalDefault({
    footer: false,
    includeCookies: false,
    document: EXAMPLE_OPERATION,
    embed: {
      runTelemetry: false,
      initialState: {
        pollForSchemaUpdates: false,
        ...(options.demoKey ? { sharedHeaders: { Authorization: `Bearer ${options.demoKey}` } } : {}),
      },
    },
  });
}
