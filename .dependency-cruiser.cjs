/** Dependency rules of docs/ARCHITECTURE (checked by `npm run check`). */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'web-only-contracts-locales',
      comment: 'The browser code imports only contracts, locales and itself.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server)/' },
    },
    {
      name: 'contracts-are-leaves',
      comment: 'Contracts are shared by server and web: they import nothing of ours but other contracts.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|web|locales)/' },
    },
    {
      name: 'platform-below-modules',
      comment: 'Platform is infrastructure: it never imports a business module or the app.',
      severity: 'error',
      from: { path: '^src/server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/(modules/|app\\.ts|server\\.ts)' },
    },
    {
      name: 'modules-through-index',
      comment: 'A module uses another module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'app-uses-module-index',
      comment: 'app.ts and server.ts wire modules through their index.ts.',
      severity: 'error',
      from: { path: '^src/server/[^/]+\\.ts$', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/[^/]+/(?!index\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
