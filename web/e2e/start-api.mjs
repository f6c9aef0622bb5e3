// Starts the real API for the browser tests: demo data on a fresh temporary SQLite database, serving ../web/dist,
// on 127.0.0.1:$CRM_E2E_PORT. Uses the Release build (test.sh builds Crm.sln first) and falls back to `dotnet run`.
// Builds the SPA first when web/dist is missing. Removes the temporary folder when it stops.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(web, '..');
const port = process.env.CRM_E2E_PORT;
if (!port) throw new Error('CRM_E2E_PORT is not set (playwright.config.ts sets it)');

if (!existsSync(join(web, 'dist', 'index.html'))) {
  console.error('[e2e] web/dist is missing: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: web, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const folder = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
const env = {
  ...process.env,
  ASPNETCORE_ENVIRONMENT: 'Development',
  ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
  DemoData__Enabled: 'true',
  DemoData__Customers: '300',
  Database__ConnectionString: `Data Source=${join(folder, 'crm.db')}`,
  Database__SqliteSynchronous: 'Normal',
  Export__ExportFolder: join(folder, 'exports'),
  Spa__Root: join(web, 'dist'),
  Serilog__MinimumLevel__Default: 'Warning',
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
};

const dllDir = join(repo, 'api/Crm.Api/bin/Release/net10.0');
const dll = join(dllDir, 'Crm.Api.dll');
const [command, args, cwd] = existsSync(dll)
  ? ['dotnet', [dll], dllDir]
  : ['dotnet', ['run', '--project', join(repo, 'api/Crm.Api'), '-c', 'Release', '--no-launch-profile'], repo];
console.error(`[e2e] API: ${command} ${args.join(' ')} on port ${port}, data in ${folder}`);
const api = spawn(command, args, { cwd, env, stdio: 'inherit' });

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  api.kill(signal);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
api.on('exit', (code) => {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
  process.exit(stopping ? 0 : (code ?? 1));
});
