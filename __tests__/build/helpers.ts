import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildxBuilder, ClassicBuilder } from '../../src/engine/builder.js';
import type { CachePlan } from '../../src/cache/types.js';

export const buildx: BuildxBuilder = {
  kind: 'buildx',
  docker: 'docker',
  version: '0.21.1',
  name: 'ci',
  driver: 'docker-container',
  platforms: ['linux/amd64', 'linux/arm64'],
  canExportCache: true,
};

export const classic: ClassicBuilder = {
  kind: 'classic',
  docker: '/usr/bin/docker',
  engineVersion: '20.10.24',
  platforms: ['linux/amd64'],
};

export const noCache: CachePlan = {
  preset: 'none',
  cacheFrom: [],
  cacheTo: [],
  inline: false,
  stageImages: [],
  pushCacheImages: false,
  notices: [],
  summary: '',
};

export const MULTI_STAGE = [
  'ARG BASE=busybox',
  'FROM ${BASE} AS base',
  'ARG VERSION',
  'FROM base AS builder',
  'RUN make',
  'FROM base',
  'ARG GIT_COMMIT',
  'COPY --from=builder /out /out',
  '',
].join('\n');

/** A build context on disk with the given Dockerfile (and optional extra files). */
export function makeContext(dockerfile = MULTI_STAGE, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ib-build-unit-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
