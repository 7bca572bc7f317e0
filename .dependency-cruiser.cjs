/**
 * The layers of the gateway and the only directions its imports may take (ARCHITECTURE.md).
 * `npm test` runs this (npm run depcheck); type-only imports count like any other.
 *
 *   domain       records, enums, the context type and the interfaces of the layers below resolvers
 *   upstream     the only code that knows REST: client, read path, endpoints, normalisation
 *   loaders      per-request batching over the upstream session
 *   live         live events: the backplane between replicas (in-process or Redis), the hub that
 *                hands events to this replica's subscribers, the polling of watched cases
 *   planner      selection sets (and the schema's directives) -> what a read embeds
 *   pagination   Relay cursors and connections
 *   __generated__  codegen's resolver types, over the domain types
 *   resolvers    one file per GraphQL name
 *   server       wires everything (createServer.ts, settings.ts), in four rooms, each importing only
 *                the rooms listed before it:
 *     ops          logs, metrics, traces, shutdown, the observed upstream client and record cache
 *     execution    admission, Apollo, scopes and sharing: one operation, however it came in
 *     intake       HTTP: routes, bodies, origins, the caller, explorers, readiness
 *     live         WebSocket subscriptions, their events' execution, the webhook route
 *
 * Each layer imports only layers listed above it.
 */
const layer = (name) => `^src/${name}/`;
const ROOMS = ['ops', 'execution', 'intake', 'live'];
const LAYERS = ['domain', 'upstream', 'loaders', 'live', 'planner', 'pagination', '__generated__', 'resolvers', 'server'];

/** Layers that may not be imported from `name`: itself aside, everything listed after it. */
function above(name) {
  const index = LAYERS.indexOf(name);
  return `^src/(${LAYERS.slice(index + 1).join('|')})/`;
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type imports included: the first value import along one would be a real ESM cycle.',
      from: {},
      to: { circular: true },
    },
    ...['domain', 'upstream', 'loaders', 'live', 'planner', 'pagination', '__generated__', 'resolvers'].map((name) => ({
      name: `${name}-points-down`,
      severity: 'error',
      comment: `src/${name} may import only the layers below it (see the list at the top of this file).`,
      from: { path: layer(name) },
      to: { path: above(name) },
    })),
    ...ROOMS.map((room, index) => ({
      name: `server-${room}-points-down`,
      severity: 'error',
      comment: `src/server/${room} may import only the rooms before it (${ROOMS.slice(0, index).join(', ') || 'none'}) and settings.ts, never createServer.ts.`,
      from: { path: `^src/server/${room}/` },
      to: { path: [...ROOMS.slice(index + 1).map((later) => `^src/server/${later}/`), '^src/server/createServer\\.ts$'] },
    })),
    {
      name: 'server-in-rooms',
      severity: 'error',
      comment: 'Every module of src/server is in a room but the wiring (createServer.ts) and its settings (settings.ts).',
      from: { path: '^src/' },
      to: { path: '^src/server/[^/]+\\.ts$', pathNot: '^src/server/(createServer|settings)\\.ts$' },
    },
    {
      name: 'planner-reads-no-data',
      severity: 'error',
      comment: 'The planner decides what to read from the selection and the schema; it never reads.',
      from: { path: layer('planner') },
      to: { path: '^src/(upstream|loaders)/' },
    },
    {
      name: 'generated-sees-only-the-domain',
      severity: 'error',
      comment: "Codegen's resolver types map to domain records and the domain context, nothing else.",
      from: { path: layer('__generated__') },
      to: { path: '^src/(?!domain/|__generated__/)' },
    },
    {
      name: 'layers-do-not-read-the-configuration',
      severity: 'error',
      comment: 'Settings and the SDL reach the layers as arguments from the server; only the server and the entry point read config.ts and schema.ts.',
      from: { path: '^src/(domain|upstream|loaders|live|planner|pagination|resolvers)/' },
      to: { path: '^src/(config|index|schema)\\.ts$' },
    },
    {
      name: 'no-stray-root-modules',
      severity: 'error',
      comment: 'A module at the top of src/ belongs to no layer; only the entry point, the configuration and the SDL reader sit there.',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+\\.ts$', pathNot: '^src/(config|index|schema)\\.ts$' },
    },
    {
      name: 'the-sdl-reader-stands-alone',
      severity: 'error',
      from: { path: '^src/schema\\.ts$' },
      to: { path: '^src/', pathNot: '^src/schema\\.ts$' },
    },
    {
      name: 'rest-machinery-stays-in-upstream',
      severity: 'error',
      comment: 'Loaders and resolvers use the endpoint functions, records and errors of src/upstream, never its HTTP machinery: they never build a request.',
      from: { path: '^src/(loaders|resolvers)/' },
      to: { path: '^src/upstream/(client|readPath|envelopes|params|retry|breaker|limit|freeze|credentialHash|credentials|budget|pageWindow|touches)\\.ts$' },
    },
    {
      name: 'sessions-only-from-the-scope-factory',
      severity: 'error',
      comment: 'An upstream session (budget, request id, credential) is had only through server/execution/scopes.ts; createServer.ts builds the read path it stands on.',
      from: { path: '^src/', pathNot: '^src/(server/execution/scopes|server/createServer|upstream/readPath)\\.ts$' },
      to: { path: '^src/upstream/readPath\\.ts$' },
    },
    {
      name: 'emulator-only-from-the-entry-point',
      severity: 'error',
      comment: 'The emulator is a part of its own: only src/index.ts starts it, and only in demo mode.',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '^emulator/' },
    },
    {
      name: 'no-tests-or-bench-in-src',
      severity: 'error',
      from: { path: '^(src|emulator)/' },
      to: { path: '^(test|bench|scripts|operations)/' },
    },
    {
      name: 'no-dead-modules',
      severity: 'error',
      comment: 'Every module of src/ is used by the gateway that npm start runs: one it cannot reach is dead code.',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/', reachable: false },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
