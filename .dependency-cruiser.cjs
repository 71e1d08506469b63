// The folders of src/ import one way: shells → pipeline → capabilities → engine → registry → util.
// Each folder lists what it may import; anything else, and any cycle, fails `npm run deps` (in CI).
// A new folder or a new edge between capabilities is a design decision: add it here, with a reason.
const layers = {
  util: [],
  registry: ['util'],
  engine: ['registry', 'util'],
  // Capabilities. Between them, only these edges (no cycle among them):
  tags: ['registry', 'util'],
  cache: ['engine', 'registry', 'util'],
  // Caching is part of building: build plans the cache, not the other way.
  build: ['cache', 'engine', 'registry', 'util'],
  publish: ['engine', 'registry', 'util'],
  ecr: ['registry', 'util'],
  // The report takes build steps (the FROM rule) and reads registries.
  report: ['build', 'registry', 'util'],
  // GitHub's repository data is what the tag engine's labels are made of.
  github: ['tags', 'util'],
  graph: ['build', 'registry', 'util'],
  pipeline: [
    'tags',
    'cache',
    'build',
    'publish',
    'ecr',
    'report',
    'github',
    'graph',
    'engine',
    'registry',
    'util',
  ],
  // Shells: inputs → the library → outputs.
  action: ['pipeline', 'tags', 'cache', 'report', 'util'],
  cli: ['pipeline', 'tags', 'build', 'publish', 'report', 'registry', 'util'],
};

const folderRules = Object.entries(layers).map(([folder, allowed]) => ({
  name: `${folder}-imports-only-below`,
  comment: `src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'node and its own files'}`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: `^src/(${[folder, ...allowed].join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle between modules: two files that need each other are one, or need a third below them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unknown-folder',
      comment: 'Every folder of src/ has a place in the layers above (or src/index.ts, the library entry).',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(index\\.ts$|(${Object.keys(layers).join('|')})/)` },
      to: {},
    },
    {
      name: 'library-entry-is-not-imported',
      comment: 'src/index.ts is the public API; the code below it imports the modules themselves.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    ...folderRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    // Type-only imports count: a contract is a dependency too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6'],
  },
};
