// bench/analyze: the file-level analysis of a `docker save` tarball against GNU tar on the same file.
// Generates legacy-layout tarballs (what docker 20.10 writes: uncompressed layer.tar members in name
// order, manifest.json last) of about --sizes MiB each, with many files over six layers, overwrites,
// deletions (files and a directory), an opaque directory and duplicate files. Then, per size, with a
// warm page cache, the best of --runs of:
//   ours      readDockerSave(): every layer streamed, every entry applied, duplicates verified
//   floor     node-tar alone reading both tar levels (the parser we use, no analysis): our lower bound
//   tar-all   GNU tar listing every file of every layer: tar -xOf image.tar '*/layer.tar' | tar -tvif -
//   tar-outer GNU tar -tvf image.tar: lists the outer members only (it seeks past their content)
// Wall and CPU (user + sys) time, peak RSS; ratios against tar-all, which does the same reading. The
// largest size runs twice: as generated, and with the same bytes in half as many (bigger) files.
// Targets: ours ≤ 1.5× tar-all, peak RSS < 200 MB, flat as the image grows. The machine may be
// shared: CPU time is the steadier figure.
//
//   node bench/analyze.mjs [--sizes 512,1024] [--runs 3]
import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import tar from 'tar-stream';
import { loadSources } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

/** Child modes: runs `work` once and prints its time, CPU time and peak RSS (plus its facts) as JSON. */
async function measureChild(work) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const facts = await work();
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, maxRssMb, ...facts }));
  process.exit(0);
}

if (process.argv[2] === '--child') {
  const lib = await loadSources(["export { readDockerSave } from './src/report/index.ts';"]);
  await measureChild(async () => {
    const { contents } = await lib.readDockerSave(process.argv[3]);
    return {
      files: contents.final.files,
      efficiency: contents.efficiency,
      reclaimable: contents.reclaimableBytes,
      duplicates: contents.duplicates.length,
    };
  });
}
if (process.argv[2] === '--floor') {
  const { Parser } = await import('tar');
  await measureChild(async () => {
    const outer = new Parser({ strict: true });
    outer.on('entry', (member) => {
      if (!member.path.endsWith('layer.tar')) return member.resume();
      const inner = new Parser({ strict: true });
      inner.on('entry', (entry) => entry.resume());
      member.on('data', (chunk) => inner.write(chunk));
      member.on('end', () => inner.end());
    });
    await new Promise((resolve) => {
      createReadStream(process.argv[3], { highWaterMark: 1 << 20 }).pipe(outer);
      outer.on('end', resolve);
    });
    return {};
  });
}

const sizes = arg('sizes', '512,1024').split(',').map(Number);
// The largest size once more with files twice as big (half as many): memory against bytes alone.
const cases = [...sizes.map((size) => ({ size, scale: 1 })), { size: sizes.at(-1), scale: 2 }];
const runs = Number(arg('runs', 3));
const work = mkdtempSync(join(tmpdir(), 'ib-bench-analyze-'));
const MiB = 1024 * 1024;
const noise = randomFillSync(Buffer.alloc(8 * MiB));

/** File sizes like a Python/Node image: mostly small, some large. Deterministic per index. */
const baseSize = (i) =>
  i % 50 === 0 ? 256 * 1024 + ((i * 7919) % (768 * 1024)) : 512 + ((i * 7919) % 40_000);
/** Content: a slice of random noise, distinct per file unless `same` names another file's content. */
const content = (i, size) =>
  noise.subarray((i * 104_729) % (noise.length - size), ((i * 104_729) % (noise.length - size)) + size);

async function writeLayer(path, entries) {
  const pack = tar.pack();
  const out = createWriteStream(path);
  pack.pipe(out);
  const closed = new Promise((resolve, reject) => out.on('close', resolve).on('error', reject));
  for (const entry of entries) {
    await new Promise((resolve, reject) =>
      pack.entry(
        { name: entry.name, type: entry.type ?? 'file', size: entry.data?.length ?? 0 },
        entry.data ?? '',
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }
  pack.finalize();
  await closed;
  return entries.reduce((sum, entry) => sum + (entry.data?.length ?? 0), 0);
}

/**
 * Six layers: a base, three of files, one rewriting and copying, one deleting. `scale` multiplies
 * every file size: the same bytes in fewer, bigger files.
 */
async function generate(totalMiB, scale = 1) {
  const fileSize = (i) => baseSize(i) * scale;
  const dir = join(work, `image-${totalMiB}-${scale}`);
  mkdirSync(dir, { recursive: true });
  const budget = totalMiB * MiB;
  const shares = [0.15, 0.3, 0.25, 0.2, 0.1];
  const layers = [];
  let index = 0;
  const firstOf = [];
  for (const [n, share] of shares.entries()) {
    const entries = [{ name: `opt/l${n}/`, type: 'directory' }];
    let bytes = 0;
    firstOf[n] = index;
    while (bytes < budget * share) {
      const size = fileSize(index);
      entries.push({ name: `opt/l${n}/d${index % 200}/f${index}`, data: content(index, size) });
      bytes += size;
      index++;
    }
    if (n === 4) {
      // Rewrite 5% of layer 1's files (an overwrite) and copy 1% of layer 2's to new paths (duplicates).
      for (let i = firstOf[1]; i < firstOf[2]; i += 20)
        entries.push({ name: `opt/l1/d${i % 200}/f${i}`, data: content(i + 1, fileSize(i)) });
      for (let i = firstOf[2]; i < firstOf[3]; i += 100)
        entries.push({ name: `opt/copies/f${i}`, data: content(i, fileSize(i)) });
    }
    layers.push(entries);
  }
  // The last layer deletes: one directory of layer 0, a file per 10 of layer 3, and hides layer 2's d7.
  const deletes = [
    { name: 'opt/.wh.l0', type: 'file' },
    { name: 'opt/l2/d7/', type: 'directory' },
    { name: 'opt/l2/d7/.wh..wh..opq' },
  ];
  for (let i = firstOf[3]; i < firstOf[4]; i += 10) deletes.push({ name: `opt/l3/d${i % 200}/.wh.f${i}` });
  layers.push(deletes);

  const names = [];
  for (const [n, entries] of layers.entries()) {
    const id = `${String(n).padStart(2, '0')}${'ab'.repeat(31)}`;
    mkdirSync(join(dir, id));
    await writeLayer(join(dir, id, 'layer.tar'), entries);
    names.push(`${id}/layer.tar`);
  }
  const config = {
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: names.map((_, n) => `sha256:${String(n).padStart(64, '0')}`) },
    history: names.map((_, n) => ({ created_by: `RUN step ${n}` })),
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify([{ Config: 'config.json', RepoTags: ['bench/app:latest'], Layers: names }]),
  );
  const tarball = join(work, `image-${totalMiB}-${scale}.tar`);
  execFileSync('tar', ['-cf', tarball, '-C', dir, '--sort=name', '.']);
  rmSync(dir, { recursive: true, force: true });
  return { tarball, files: index };
}

/** Wall time, CPU time and peak RSS of a shell pipeline, from GNU time. */
function timed(script) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'sh', '-c', `${script} >/dev/null`], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${script}: ${result.stderr}`);
  const [seconds, user, system, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, maxRssMb: kb / 1024 };
}

function child(mode, tarball) {
  // The child's bundle of the sources (bench/lib.mjs) goes into the work directory, removed at the end.
  const result = spawnSync(process.execPath, [new URL(import.meta.url).pathname, mode, tarball], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: work },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** Best of the runs: least time (noise from other processes only adds), most memory. */
const best = (samples) => ({
  seconds: Math.min(...samples.map((s) => s.seconds)),
  cpuSeconds: Math.min(...samples.map((s) => s.cpuSeconds)),
  maxRssMb: Math.max(...samples.map((s) => s.maxRssMb)),
});

const rows = [];
try {
  for (const { size, scale } of cases) {
    const { tarball, files } = await generate(size, scale);
    const bytes = Number(execFileSync('stat', ['-c', '%s', tarball], { encoding: 'utf8' }));
    timed(`cat ${tarball}`); // warm the page cache
    const samples = { ours: [], floor: [], all: [], outer: [] };
    let facts;
    for (let run = 0; run < runs; run++) {
      facts = child('--child', tarball);
      samples.ours.push(facts);
      samples.floor.push(child('--floor', tarball));
      samples.all.push(timed(`tar -xOf ${tarball} --wildcards '*/layer.tar' | tar -tvif -`));
      samples.outer.push(timed(`tar -tvf ${tarball}`));
    }
    rows.push({
      size,
      scale,
      bytes,
      files,
      facts,
      ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, best(v)])),
    });
    rmSync(tarball, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const fmt = (n, d = 2) => n.toFixed(d);
const load = execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
console.log(
  `bench/analyze: docker-save tarballs, best of ${runs} runs, node ${process.version}, load average ${load}`,
);
console.log('');
console.log(
  '| tarball | files | ours wall / CPU s | floor wall / CPU s | tar-all wall / CPU s | tar-outer wall s | ours/tar-all wall | ours/tar-all CPU | ours RSS MB | floor RSS MB | tar-all RSS MB |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${fmt(r.bytes / MiB / 1024)} GiB | ${r.files} | ${fmt(r.ours.seconds)} / ${fmt(r.ours.cpuSeconds)} | ${fmt(r.floor.seconds)} / ${fmt(r.floor.cpuSeconds)} | ${fmt(r.all.seconds)} / ${fmt(r.all.cpuSeconds)} | ${fmt(r.outer.seconds)} | ${fmt(r.ours.seconds / r.all.seconds)}× | ${fmt(r.ours.cpuSeconds / r.all.cpuSeconds)}× | ${fmt(r.ours.maxRssMb, 0)} | ${fmt(r.floor.maxRssMb, 0)} | ${fmt(r.all.maxRssMb, 0)} |`,
  );
}
console.log('');
const label = (r) => `${r.size} MiB${r.scale > 1 ? ` (files ${r.scale}× bigger)` : ''}`;
for (const r of rows) {
  console.log(
    `${label(r)}: ${r.files} files written, ${r.facts.files} in the final filesystem, efficiency ${(r.facts.efficiency * 100).toFixed(1)}%, reclaimable ${fmt(r.facts.reclaimable / MiB, 1)} MiB, duplicate groups ${r.facts.duplicates}`,
  );
}
const plain = rows.filter((r) => r.scale === 1);
const largest = plain.at(-1);
console.log('');
console.log(
  `time vs tar-all at ${largest.size} MiB (target ≤ 1.5×): wall ${fmt(largest.ours.seconds / largest.all.seconds)}×, CPU ${fmt(largest.ours.cpuSeconds / largest.all.cpuSeconds)}×; node-tar floor alone: wall ${fmt(largest.floor.seconds / largest.all.seconds)}×`,
);
console.log(
  `peak RSS (target < 200 MB): ${rows.map((r) => `${label(r)} ${fmt(r.ours.maxRssMb, 0)} MB`).join(', ')}: it follows the number of paths, not the bytes`,
);
