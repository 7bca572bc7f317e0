/**
 * The browser script of the GraphiQL page (server/intake/graphiql.ts), as the page loads it: reads the
 * page's configuration, sends queries and mutations over HTTP and subscriptions over graphql-ws,
 * each with the headers of GraphiQL's header editor (on a WebSocket, as its connection
 * parameters, which is where the gateway reads a subscriber's key), and renders GraphiQL with its
 * docs and explorer plugins. Plain ES2017 for the browser: it is served as it is written here.
 */
export const GRAPHIQL_SETUP = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var httpUrl = new URL(config.endpoint, window.location.href).href;
  var wsUrl = httpUrl.replace(/^http/, 'ws');
  // One WebSocket per set of headers: a subscription acts with the key its headers carry.
  var sockets = new Map();
  function socketFor(headers) {
    var key = JSON.stringify(headers);
    var client = sockets.get(key);
    if (!client) {
      client = graphqlWs.createClient({ url: wsUrl, connectionParams: headers, lazy: true, retryAttempts: 0 });
      sockets.set(key, client);
    }
    return client;
  }
  function operationType(documentAST, operationName) {
    if (!documentAST) return null;
    var operations = documentAST.definitions.filter(function (definition) { return definition.kind === 'OperationDefinition'; });
    var chosen = operations.find(function (operation) { return operation.name && operation.name.value === operationName; }) || (operations.length === 1 ? operations[0] : null);
    return chosen ? chosen.operation : null;
  }
  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    if (operationType(options && options.documentAST, params.operationName) === 'subscription') {
      return socketFor(headers).iterate(params);
    }
    return fetch(httpUrl, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers),
      body: JSON.stringify(params),
    }).then(function (response) { return response.json(); });
  }
  var search = new URLSearchParams(window.location.search);
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.query,
      query: search.get('query') || undefined,
      defaultHeaders: config.headers,
      headers: search.get('headers') || undefined,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    }),
  );
})();
`;
