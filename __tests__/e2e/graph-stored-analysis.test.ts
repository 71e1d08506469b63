import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createRegistryClient, manifestBlobs, sha256Digest } from '../../src/registry/index.js';
import { storedAnalysisTag } from '../../src/report/index.js';
import { processRunner } from '../../src/util/exec.js';
import { builders, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';
import { gitIn } from '../helpers/git-checkout.js';
import { capturedOutput } from '../helpers/captured-output.js';

const examples = fileURLToPath(new URL('../../examples/graph/', import.meta.url));
const unique = `${process.pid}-${Date.now()}`;
const NAMES = ['base-runtime', 'base-ml', 'embedder', 'ranker', 'gateway'];

/** The example graph in a git checkout of its own (outside GitHub the CLI reads the commit there). */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ib-stored-analysis-'));
  cpSync(examples, dir, { recursive: true });
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'images');
  return dir;
}

/** `image-build graph` in this process; the report's markdown and the rows. */
async function graph(dir: string, env: NodeJS.ProcessEnv, registry: string, name: string) {
  const { stdout, stderr, out: written, err: errors } = capturedOutput();
  const summary = join(dir, `${name}.md`);
  const code = await runCli({
    argv: ['graph', '--registry', registry, '--push', '--network', 'none', '--json', '--summary', summary],
    env,
    stdout,
    stderr,
    runner: processRunner,
    cwd: dir,
  });
  expect(code, errors()).toBe(0);
  const rows = (JSON.parse(written()) as { rows: { name: string; status: string; digest: string }[] }).rows;
  return { rows, markdown: readFileSync(summary, 'utf8'), stderr: errors() };
}

/** Each image's content figures in the report: efficiency, uncompressed size, largest files. */
function contentFigures(markdown: string): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const section of markdown.split('\n### Image ').slice(1)) {
    const name = /^\S+\/([a-z-]+) /.exec(section)?.[1] ?? '?';
    const rows = section
      .split('\n')
      .filter((line) => /^\| (Efficiency|Uncompressed size \(on disk\)) \|/.test(line));
    const largest = /<details><summary>Largest files[\s\S]*?<\/details>/.exec(section)?.[0] ?? '';
    figures[name] = [...rows, largest].join('\n');
  }
  return figures;
}

const skopeoRaw = (reference: string) =>
  execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`], {
    timeout: 60_000,
  });

describe.each(builders(['buildx-remote', 'classic']))(
  'the analysis stored with each graph image ($name)',
  (builder) => {
    it.skipIf(!builder.available)(
      'a no-op run reports the same figures without reading a layer; a tampered analysis is not trusted',
      async () => {
        const bed = testbed();
        const dir = checkout();
        const home = mkdtempSync(join(tmpdir(), 'ib-stored-analysis-home-'));
        mkdirSync(join(home, 'tmp'));
        const env: NodeJS.ProcessEnv = {
          ...builder.env,
          RUNTIME_FROM: bed.baseImage,
          HOME: home,
          TMPDIR: join(home, 'tmp'),
          NO_COLOR: '1',
        };
        for (const name of Object.keys(env))
          if (name.startsWith('GITHUB_') || name.startsWith('ACTIONS_') || name === 'RUNNER_TEMP')
            delete env[name];
        const prefix = `e2e-stored-analysis/${builder.name}-${unique}`;
        const registry = `${bed.registry}/${prefix}`;
        const client = createRegistryClient({ registry: bed.registry });

        const first = await graph(dir, env, registry, 'first');
        expect(first.rows.map((row) => row.status)).toEqual(NAMES.map(() => 'built'));
        const digests = Object.fromEntries(first.rows.map((row) => [row.name, row.digest]));
        const blobs = Object.fromEntries(
          await Promise.all(
            NAMES.map(async (name) => [
              name,
              manifestBlobs((await client.getManifest(`${prefix}/${name}`, digests[name])).bytes).map(
                (blob) => blob.digest,
              ),
            ]),
          ),
        ) as Record<string, string[]>;

        // skopeo, a client not written against ours, reads each artifact: subject, type, inline data.
        for (const name of NAMES) {
          const raw = skopeoRaw(`${registry}/${name}:${storedAnalysisTag(digests[name])}`);
          const artifact = JSON.parse(raw.toString()) as {
            mediaType: string;
            artifactType: string;
            config: { mediaType: string; size: number };
            layers: { digest: string; data: string }[];
            subject: { digest: string };
          };
          expect(artifact).toMatchObject({
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            artifactType: 'application/vnd.image-build.content-analysis.v1+json',
            config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2 },
            subject: { digest: digests[name] },
          });
          const data = Buffer.from(artifact.layers[0].data, 'base64');
          expect(sha256Digest(data)).toBe(artifact.layers[0].digest);
          expect(JSON.parse(data.toString())).toMatchObject({ schemaVersion: 1, image: digests[name] });
        }

        // The no-op run: every image reused, each report from its stored analysis, no layer read.
        const before = registryLogSize();
        const second = await graph(dir, env, registry, 'second');
        expect(second.rows.map((row) => row.status)).toEqual(NAMES.map(() => 'reused'));
        const analysisGets = (requests: ReturnType<typeof registryRequests>) =>
          requests.filter((request) => request.method === 'GET' && request.path.endsWith('.analysis'));
        // The registry logs a request when its connection is done with it: poll, then read the rest.
        await expect
          .poll(() => analysisGets(registryRequests(before, undefined)).length, { timeout: 5000 })
          .toBe(NAMES.length);
        const requests = registryRequests(before).filter((request) =>
          request.path.startsWith(`/v2/${prefix}/`),
        );
        expect(analysisGets(requests).map((request) => request.status)).toEqual(NAMES.map(() => 200));
        const blobGets = requests.filter(
          (request) => request.method === 'GET' && request.path.includes('/blobs/'),
        );
        for (const name of NAMES) {
          const layers = blobs[name].slice(1);
          // Only the config (first): no layer of a reused image is read.
          expect(
            blobGets.filter((request) => layers.some((digest) => request.path.endsWith(digest))),
          ).toEqual([]);
        }
        expect(requests.filter((request) => ['POST', 'PATCH'].includes(request.method))).toEqual([]);
        expect(contentFigures(second.markdown)).toEqual(contentFigures(first.markdown));
        expect(Object.keys(contentFigures(first.markdown)).sort()).toEqual([...NAMES].sort());
        for (const name of NAMES)
          expect(second.markdown).toContain(
            `stored with this unchanged image \\(tag ${storedAnalysisTag(digests[name])}\\)`,
          );

        // `image-build report` on a graph image reads its stored analysis too (and writes nothing).
        const beforeReport = registryLogSize();
        const reportFile = join(dir, 'embedder-report.md');
        const reported = await runCli({
          argv: ['report', `${registry}/embedder@${digests.embedder}`, '--summary', reportFile],
          env,
          stdout: new PassThrough(),
          stderr: new PassThrough(),
          runner: processRunner,
          cwd: dir,
        });
        expect(reported).toBe(0);
        const single = readFileSync(reportFile, 'utf8');
        expect(single).toContain(`tag ${storedAnalysisTag(digests.embedder)}`);
        expect(contentFigures(`\n${single}`).embedder).toBe(contentFigures(first.markdown).embedder);
        const reportRequests = registryRequests(beforeReport, `${prefix}/embedder`);
        expect(
          reportRequests.filter((request) =>
            blobs.embedder.slice(1).some((digest) => request.path.endsWith(digest)),
          ),
        ).toEqual([]);
        expect(reportRequests.filter((request) => !['GET', 'HEAD'].includes(request.method))).toEqual([]);

        // Overwrite gateway's analysis with one whose inline data does not match its digest.
        const tag = storedAnalysisTag(digests.gateway);
        const stored = await client.getManifest(`${prefix}/gateway`, tag);
        const tampered = JSON.parse(Buffer.from(stored.bytes).toString()) as { layers: { data: string }[] };
        const lie = JSON.parse(Buffer.from(tampered.layers[0].data, 'base64').toString()) as {
          analysis: { efficiency: number };
        };
        lie.analysis.efficiency = 0.01;
        tampered.layers[0].data = Buffer.from(JSON.stringify(lie)).toString('base64');
        const bytes = new Uint8Array(Buffer.from(JSON.stringify(tampered)));
        await client.putManifest(`${prefix}/gateway`, tag, { ...stored, bytes, digest: sha256Digest(bytes) });

        const beforeThird = registryLogSize();
        const third = await graph(dir, env, registry, 'third');
        expect(third.rows.map((row) => row.status)).toEqual(NAMES.map(() => 'reused'));
        const gatewayLayers = blobs.gateway.slice(1);
        const layerGets = () =>
          registryRequests(beforeThird, `${prefix}/gateway`).filter(
            (request) =>
              request.method === 'GET' && gatewayLayers.some((digest) => request.path.endsWith(digest)),
          );
        await expect.poll(() => layerGets().length, { timeout: 5000 }).toBe(gatewayLayers.length);
        expect(contentFigures(third.markdown)).toEqual(contentFigures(first.markdown));
        expect(third.markdown).not.toContain(`tag ${tag}`);
        // The others still came from their stored analysis.
        const others = registryRequests(beforeThird).filter(
          (request) =>
            request.method === 'GET' &&
            NAMES.filter((name) => name !== 'gateway').some((name) =>
              blobs[name].slice(1).some((digest) => request.path === `/v2/${prefix}/${name}/blobs/${digest}`),
            ),
        );
        expect(others).toEqual([]);

        // Reading gateway's layers again stored a trusted analysis: the next no-op run reads none.
        const beforeFourth = registryLogSize();
        const fourth = await graph(dir, env, registry, 'fourth');
        expect(fourth.rows.map((row) => row.status)).toEqual(NAMES.map(() => 'reused'));
        expect(contentFigures(fourth.markdown)).toEqual(contentFigures(first.markdown));
        expect(fourth.markdown).toContain(`tag ${tag}`);
        expect(
          registryRequests(beforeFourth, `${prefix}/gateway`).filter(
            (request) =>
              request.method === 'GET' && gatewayLayers.some((digest) => request.path.endsWith(digest)),
          ),
        ).toEqual([]);
      },
      240_000,
    );
  },
);
