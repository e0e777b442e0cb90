// Compiled code keeps the `@circle/<lib>` imports; point them at dist/ at run time.
const path = require('node:path');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@circle/*': ['libs/*/src'] },
});
