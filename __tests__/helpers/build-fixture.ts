import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GATEWAY = fileURLToPath(new URL('../fixtures/build-gateway', import.meta.url));

/** A private, editable copy of the gateway fixture, with helpers for the two kinds of change. */
export interface GatewayCopy {
  dir: string;
  /** Changes app code only (src/app.py). */
  changeCode(marker: string): void;
  /** Changes the lock file (a dependency bump). */
  changeDependencies(marker: string): void;
}

/** `source` is for bundled callers (bench/), where import.meta.url no longer points here. */
export function copyGateway(source = GATEWAY): GatewayCopy {
  const dir = mkdtempSync(join(tmpdir(), 'ib-gateway-'));
  cpSync(source, dir, { recursive: true });
  const append = (file: string, text: string) =>
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);
  return {
    dir,
    changeCode: (marker) => append('src/app.py', `# change ${marker}\n`),
    changeDependencies: (marker) => append('requirements.lock', `extra-${marker}==1.0.0\n`),
  };
}
