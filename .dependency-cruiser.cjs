/** Architecture rules checked on every test run. */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other in a circle cannot be understood or tested apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain code (policy, money, aggregates) imports no framework and does no I/O.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [
          '@nestjs',
          'typeorm',
          'kafkajs',
          'bullmq',
          'ioredis',
          'node_modules/pg/',
          'express',
          'cloudevents',
          '^(node:)?(fs|net|http|https|child_process)$',
        ],
      },
    },
    {
      name: 'domain-stays-in-domain',
      severity: 'error',
      comment: 'The domain may lean on other domain code and the kernel only.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/domain/', '^libs/kernel/'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '^dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
