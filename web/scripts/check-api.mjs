// Fails (exit 1) when src/api/schema.d.ts is not exactly what openapi-typescript generates from
// ../openapi/Crm.Api.json, i.e. when the committed client types are stale. Fix: `npm run gen:api`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'crm-schema-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [cli, '../openapi/Crm.Api.json', '-o', fresh], { cwd: web, stdio: 'pipe' });
  const committed = readFileSync(join(web, 'src/api/schema.d.ts'), 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('src/api/schema.d.ts is stale: it differs from what openapi-typescript generates from ' +
      '../openapi/Crm.Api.json. Run `npm run gen:api` in web/ and commit the result.');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches ../openapi/Crm.Api.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
