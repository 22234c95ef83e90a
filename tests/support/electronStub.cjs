// Stands in for the `electron` module so the bundled main process can be loaded under plain Node
// (no Electron binary here). Every API answers with a do-nothing stand-in; the few answers the main
// process builds on are real: a ready app, paths in a temp folder, and a startup failure that
// reaches stderr and the exit code instead of a dialog nobody sees.
const Module = require('node:module');
const os = require('node:os');

const inert = new Proxy(function inert() {}, {
  get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : inert),
  apply: () => inert,
  construct: () => inert,
});

const app = new Proxy(
  {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: () => os.tmpdir(),
    requestSingleInstanceLock: () => true,
    exit: (code) => process.exit(code),
    quit: () => process.exit(0),
  },
  { get: (target, key) => (key in target ? target[key] : inert) },
);

const dialog = new Proxy(
  {
    showErrorBox: (title, message) => {
      process.stderr.write(`${title}\n${message}\n`);
    },
  },
  { get: (target, key) => (key in target ? target[key] : inert) },
);

const electron = new Proxy({ app, dialog }, { get: (target, key) => (key in target ? target[key] : inert) });

// Electron's own loop keeps the main process alive with no windows; so does this.
setInterval(() => undefined, 1 << 30);

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
