import { readFileSync } from 'node:fs';

/** Addresses of the real engine and registry, set by __tests__/e2e/global-setup.ts. */
export interface Testbed {
  dockerHost: string;
  docker: string;
  registry: string;
  registryLog: string;
  baseImage: string;
}

export function testbed(): Testbed {
  const need = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the e2e tests through vitest's e2e project`);
    return value;
  };
  return {
    dockerHost: need('DOCKER_HOST'),
    docker: need('IB_DOCKER'),
    registry: need('IB_REGISTRY'),
    registryLog: need('IB_REGISTRY_LOG'),
    baseImage: need('IB_BASE_IMAGE'),
  };
}

/** Environment for running Debian's docker client against the test engine with BuildKit. */
export function dockerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DOCKER_BUILDKIT: '1', DOCKER_HOST: testbed().dockerHost };
}

export interface RegistryRequest {
  method: string;
  path: string;
  status: number;
}

/**
 * The registry's access log (distribution 2.8, combined format), from a byte offset, so a test counts
 * only the requests it caused: take `registryLogSize()` before, `registryRequests(offset)` after.
 */
export function registryLogSize(): number {
  return readFileSync(testbed().registryLog).length;
}

export function registryRequests(fromOffset = 0, repository?: string): RegistryRequest[] {
  const text = readFileSync(testbed().registryLog).subarray(fromOffset).toString('utf8');
  const requests: RegistryRequest[] = [];
  for (const line of text.split('\n')) {
    const match = /^\S+ - \S+ \[[^\]]+\] "(\w+) (\S+) HTTP\/[\d.]+" (\d{3}) /.exec(line);
    if (!match) continue;
    const request = { method: match[1], path: match[2], status: Number(match[3]) };
    if (repository && !request.path.startsWith(`/v2/${repository}/`)) continue;
    requests.push(request);
  }
  return requests;
}
