import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Brings up the real engine and registry (idempotent) and exports their addresses to the tests.
 * There is no skip path on purpose: an e2e run without the real parts must fail, not pass empty.
 */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/testbed.sh', import.meta.url));
  execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const env = execFileSync('bash', [script, 'env'], { encoding: 'utf8' });
  for (const line of env.split('\n')) {
    const match = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) process.env[match[1]] = match[2];
  }
}
