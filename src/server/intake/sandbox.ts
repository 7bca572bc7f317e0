/**
 * The Apollo Sandbox landing page at GET /graphql (development, or GRAPHQL_SANDBOX=true), with an
 * example operation preloaded and, on the emulator, the demo key in its headers, so a newcomer
 * can press Run at once; where the Sandbox cannot load (it comes from Apollo's CDN), the page links
 * to GraphiQL (server/intake/graphiql.ts), which this gateway serves itself. Elsewhere a plain page.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { EXAMPLE_DOCUMENT } from './exampleDocument.js';

const OFFLINE = '<p>Apollo Sandbox cannot be loaded; it appears that you might be offline.</p>';
// Shown where the Sandbox cannot load: GraphiQL needs nothing from outside this gateway.
const GRAPHIQL_LINK = '<p id="graphiql-link">This gateway serves GraphiQL itself, with nothing to load from elsewhere: <a href="graphiql">open GraphiQL</a>.</p>';

/** Apollo's landing page with a link to GraphiQL in the part it shows when its CDN cannot be reached. */
function linkingToGraphiQL(plugin: ApolloServerPlugin): ApolloServerPlugin {
  return {
    async serverWillStart(service) {
      const listener = await plugin.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!listener || !render) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const landing = await render();
          const html = typeof landing.html === 'string' ? landing.html : await landing.html();
          return { html: html.replace(OFFLINE, `${OFFLINE}\n  ${GRAPHIQL_LINK}`) };
        },
      };
    },
  };
}

export function landingPagePlugin(options: { sandbox: boolean; graphiql: boolean; demoKey?: string | undefined }): ApolloServerPlugin {
  if (!options.sandbox) return ApolloServerPluginLandingPageProductionDefault({ footer: false });
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    footer: false,
    includeCookies: false,
    document: EXAMPLE_DOCUMENT,
    embed: {
      runTelemetry: false,
      initialState: {
        pollForSchemaUpdates: false,
        ...(options.demoKey ? { sharedHeaders: { Authorization: `Bearer ${options.demoKey}` } } : {}),
      },
    },
  });
  return options.graphiql ? linkingToGraphiQL(sandbox) : sandbox;
}
