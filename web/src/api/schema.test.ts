import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('generated API types', () => {
  it('src/api/schema.d.ts is exactly what openapi-typescript makes of ../openapi/Crm.Api.json (run `npm run gen:api`)', () => {
    const web = resolve(__dirname, '../..');
    // Throws (and so fails) with the script's message when the committed types are stale.
    const out = execFileSync(process.execPath, ['scripts/check-api.mjs'], { cwd: web, encoding: 'utf8', stdio: 'pipe' });
    expect(out).toContain('matches');
  });
});
