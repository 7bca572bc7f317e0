// A federation gateway as its own process, as a team would run one in front of its subgraphs:
// @apollo/gateway over the supergraph SDL in the file named by argv[2], on a free loopback port,
// passing each client's Authorization header on to the subgraphs. Prints "ready at <url>".
// Plain JavaScript: the test starts it with node as it is, and it dies with the test process.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const supergraphSdl = readFileSync(process.argv[2], 'utf8');
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http.headers.set('authorization', context.authorization);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
process.stdout.write(`ready at ${url}\n`);
process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
