import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { buildFlags, ECR_IMAGE, type CorpusEntry, type CorpusRun } from './harness.js';

// Values a hostile workflow, pull request or copy-paste brings.
const LONG = 'x'.repeat(10_000);
const CYRILLIC_A = '\u0430'; // looks like "a"
const SHELL = '$(touch /tmp/pwned); `id` | rm -rf / && echo ${HOME}';

/** The run built the image (the classic builder may also build a `:buildcache` image after it). */
const built = (run: CorpusRun) => {
  expect(run.error).toBeUndefined();
  expect(run.commands.filter((c) => c.args[0] === 'build').length).toBeGreaterThanOrEqual(1);
};
const tagNames = (run: CorpusRun) => run.result?.metadata.tagNames ?? [];
const warnings = (run: CorpusRun) => run.log.filter((line) => line.startsWith('warning: '));
/** A build without publishing: a documented result must not need a registry. */
const local = (inputs: Record<string, string>) => ({ push: 'false', ...inputs });

export const CORPUS: CorpusEntry[] = [
  // ---- tags: metadata-action's syntax ------------------------------------------------------------
  {
    name: 'unknown tag type',
    area: 'tags',
    inputs: { tags: 'type=semver,pattern={{version}}\ntype=semverx,pattern={{version}}' },
    expect: { error: 'tags', message: /line 2, field "type": unknown tag type "semverx"/ },
  },
  {
    name: 'raw without value',
    area: 'tags',
    inputs: { tags: 'type=raw,enable=true' },
    expect: { error: 'tags', message: /needs a value= attribute/ },
  },
  {
    name: 'match pattern that is not a regular expression',
    area: 'tags',
    inputs: { tags: 'type=match,pattern=v(\\d' },
    expect: { error: 'tags', message: /invalid regular expression/ },
  },
  {
    name: 'enable that is neither true nor false',
    area: 'tags',
    inputs: { tags: 'type=raw,value=a,enable=yes' },
    expect: { error: 'tags', message: /field "enable"/ },
  },
  {
    name: 'enable expression rendering neither true nor false',
    area: 'tags',
    inputs: { tags: 'type=raw,value=a,enable={{branch}}x' },
    expect: { error: 'tags', message: /enable must render to true or false/ },
  },
  {
    name: 'unclosed handlebars expression',
    area: 'tags',
    inputs: { tags: 'type=raw,value={{#if branch}}x' },
    expect: { error: 'tags', message: /cannot render/ },
  },
  {
    name: 'priority that is not a number',
    area: 'tags',
    inputs: { tags: 'type=sha,priority=high' },
    expect: { error: 'tags', message: /priority must be a number/ },
  },
  {
    name: 'sha format that does not exist',
    area: 'tags',
    inputs: { tags: 'type=sha,format=medium' },
    expect: { error: 'tags', message: /format must be short or long/ },
  },
  {
    name: 'a quote never closed',
    area: 'tags',
    inputs: { tags: 'type=sha\n"type=raw,value=a' },
    expect: { error: 'tags', message: /line 2: a quoted value is never closed/ },
  },
  {
    name: 'whole references mixed with tag rules',
    area: 'tags',
    inputs: { images: '', tags: `${ECR_IMAGE}:1.0\n${ECR_IMAGE}:1\ntype=sha` },
    expect: {
      error: 'tags',
      message: /line 3: "type=sha" and line 1 .* mix tag rules and whole image references/,
    },
  },
  {
    name: 'a whole reference next to images',
    area: 'tags',
    inputs: { tags: 'ghcr.io/acme/app:1.0' },
    expect: { error: 'tags', message: /line 1: .* is a whole image reference, but "images" is set/ },
  },
  {
    name: 'a whole reference with an upper-case letter',
    area: 'tags',
    inputs: {
      images: '',
      tags: `${ECR_IMAGE}:1.0\n123456789012.dkr.ecr.us-east-1.amazonaws.com/Team/app:1.0`,
    },
    expect: { error: 'tags', message: /line 2: invalid image reference .*lowercase/ },
  },
  {
    name: 'a whole reference by digest',
    area: 'tags',
    inputs: { images: '', tags: `${ECR_IMAGE}@sha256:${'a'.repeat(64)}` },
    expect: { error: 'tags', message: /line 1: .* must name a tag and no digest/ },
  },
  {
    name: 'whole references whose images carry different tags',
    area: 'tags',
    inputs: { images: '', tags: `${ECR_IMAGE}:1.0\n${ECR_IMAGE}:latest\nghcr.io/acme/app:1.0` },
    expect: { error: 'tags', message: /line 3: ghcr\.io\/acme\/app has tags 1\.0 but/ },
  },
  {
    name: 'a runner command as a raw tag value',
    area: 'tags',
    inputs: local({ tags: 'type=raw,value=::set-output name=version::pwned' }),
    expect: {
      doc: 'A tag value is sanitised as metadata-action does ([^a-zA-Z0-9._-] → -, no leading - or .), so it can never be a runner command.',
      check: (run) => {
        built(run);
        expect(tagNames(run)).toEqual(['set-output-name-version-pwned']);
        expect(run.log.some((line) => /^info: \s*::/.test(line))).toBe(false);
      },
    },
  },
  {
    name: 'a newline inside a quoted tag rule',
    area: 'tags',
    inputs: local({ tags: '"type=raw,value=a\n::add-mask::b"' }),
    expect: {
      doc: 'A quoted rule may span lines (getInputList reads CSV), but a rule is one CSV line: as in metadata-action only its first line counts, and a warning says so.',
      check: (run) => {
        built(run);
        expect(tagNames(run)).toEqual(['a']);
        expect(warnings(run)).toEqual([
          'warning: tags line 1: the quoted rule spans lines; only its first line is read, as metadata-action does',
        ]);
      },
    },
  },
  {
    name: 'a url-encoded newline in a tag value',
    area: 'tags',
    inputs: local({ tags: 'type=raw,value=%0A::warning::x' }),
    expect: {
      doc: '%0A is three plain characters: sanitised, never decoded.',
      check: (run) => {
        built(run);
        expect(tagNames(run)).toEqual(['0A-warning-x']);
      },
    },
  },
  {
    name: 'a 10,000-character tag value',
    area: 'tags',
    inputs: local({ tags: `type=raw,value=${LONG}` }),
    expect: {
      doc: 'A tag longer than 128 characters is cut to 128, ending in a hash of the whole value, with a notice (registries refuse longer ones).',
      check: (run) => {
        built(run);
        const [tag] = tagNames(run);
        expect(tag).toHaveLength(128);
        expect(tag).toMatch(/^x{100,}-[0-9a-f]{8}$/);
        expect(run.log.some((line) => line.startsWith('notice: ') && line.includes('128 characters'))).toBe(
          true,
        );
      },
    },
  },
  {
    name: 'a path traversal as a tag value',
    area: 'tags',
    inputs: local({ tags: 'type=raw,value=../../etc/passwd' }),
    expect: {
      doc: 'Slashes are sanitised and a leading . removed: a tag is never a path.',
      check: (run) => {
        built(run);
        expect(tagNames(run)[0]).not.toMatch(/[/]|^\./);
      },
    },
  },
  {
    name: 'shell metacharacters as a tag value',
    area: 'tags',
    inputs: local({ tags: `type=raw,value=${SHELL}` }),
    expect: {
      doc: 'Tags reach the builder as argv elements after sanitising: no shell ever reads them.',
      check: (run) => {
        built(run);
        expect(tagNames(run)[0]).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      },
    },
  },
  {
    name: 'a NUL byte in a tag value',
    area: 'tags',
    inputs: { tags: 'type=sha\ntype=raw,value=a\u0000b' },
    expect: { error: 'tags', message: /line 2: holds a NUL character/ },
  },
  {
    name: 'a look-alike "latest" (Cyrillic a) as a raw tag',
    area: 'tags',
    inputs: local({ tags: `type=raw,value=l${CYRILLIC_A}test` }),
    expect: {
      doc: 'Non-ASCII letters are sanitised: a look-alike can never become, or be guarded as, latest.',
      check: (run) => {
        built(run);
        expect(tagNames(run)).toEqual(['l-test']);
      },
    },
  },
  {
    name: 'an attribute typo (sufix=)',
    area: 'tags',
    inputs: local({ tags: 'type=raw,value=v1,sufix=-dev' }),
    expect: {
      doc: 'metadata-action ignores unknown attributes; so do the outputs here, with a warning naming the attribute.',
      check: (run) => {
        built(run);
        expect(tagNames(run)).toEqual(['v1']);
        expect(warnings(run)).toEqual([
          'warning: tags line 1: type=raw has no attribute "sufix", so "sufix=-dev" is ignored; did you mean "suffix"?',
        ]);
      },
    },
  },
  {
    name: 'a placeholder typo ({{brnch}})',
    area: 'tags',
    inputs: local({ tags: 'type=raw,value=b-{{brnch}}' }),
    expect: {
      doc: 'An unknown placeholder renders empty as in metadata-action, with a warning naming it.',
      check: (run) => {
        built(run);
        expect(tagNames(run)).toEqual(['b-']);
        expect(warnings(run).join('\n')).toMatch(
          /\{\{brnch\}\} is not a known placeholder .*did you mean "branch"/,
        );
      },
    },
  },
  {
    name: 'image name with a look-alike letter',
    area: 'tags',
    inputs: { images: `ghcr.io/acme/${CYRILLIC_A}pp` },
    expect: { error: 'images', message: /line 1, field "name": .* is not a valid image name/ },
  },
  {
    name: 'image name with a tag',
    area: 'tags',
    inputs: { images: 'name=ghcr.io/acme/app:1.0' },
    expect: { error: 'images', message: /is not a valid image name/ },
  },
  {
    name: 'a runner command as an image line',
    area: 'tags',
    inputs: { images: '$REGISTRY/acme/app\n::set-output name=x::y' },
    expect: { error: 'images', message: /line 2/ },
  },
  {
    name: 'a 10,000-character image name',
    area: 'tags',
    inputs: { images: `$REGISTRY/${LONG}` },
    expect: { error: 'images', message: /longer than 255 characters/ },
  },
  {
    name: 'latest flavor that does not exist',
    area: 'tags',
    inputs: { flavor: 'latest=always' },
    expect: { error: 'flavor', message: /latest must be auto, true or false/ },
  },
  {
    name: 'a flavor key typo',
    area: 'tags',
    inputs: { flavor: 'latest=auto\nprefx=a-' },
    expect: { error: 'flavor', message: /line 2, field "prefx"/ },
  },
  {
    name: 'a label whose value holds a newline and a runner command',
    area: 'tags',
    inputs: local({ labels: '"org.example.note=first\n::add-mask::second"' }),
    expect: {
      doc: 'A label keeps its value (newline included) as one --label argument; in the log it is one inert line.',
      check: (run) => {
        built(run);
        expect(buildFlags(run, '--label')).toContain('org.example.note=first\n::add-mask::second');
      },
    },
  },
  {
    name: 'a label key with a space (a runner command as the key)',
    area: 'tags',
    inputs: { labels: '::set-env name=X::1=y' },
    expect: { error: 'labels', message: /must be key=value/ },
  },
  {
    name: 'an image name in upper case',
    area: 'tags',
    inputs: local({ images: '$REGISTRY/Acme/App' }),
    expect: {
      doc: 'Image names are lower-cased, as metadata-action does; the reference parser then sees a valid name.',
      check: (run) => {
        built(run);
        expect(run.result?.metadata.images).toEqual([`${run.registryHost}/acme/app`]);
      },
    },
  },
  {
    name: 'an environment name that cannot be a tag',
    area: 'tags',
    inputs: { environment: 'Staging!' },
    expect: { error: 'environment', message: /field "name": "Staging!" is not an environment name/ },
  },
  {
    name: 'a metadata context that does not exist',
    area: 'tags',
    inputs: { 'metadata-context': 'svn' },
    expect: { error: 'metadata-context', message: /expected workflow or git/ },
  },
  {
    name: 'a short sha length that is not a number',
    area: 'tags',
    env: { DOCKER_METADATA_SHORT_SHA_LENGTH: '7; rm -rf /' },
    expect: { error: 'DOCKER_METADATA_SHORT_SHA_LENGTH', message: /positive whole number/ },
  },
  {
    name: 'an empty event file',
    area: 'tags',
    event: '',
    expect: { error: 'GITHUB_EVENT_PATH', message: /the event file ".*event\.json" is empty/ },
  },
  {
    name: 'an event file cut short',
    area: 'tags',
    event: '{"ref": "refs/tags/v1',
    expect: { error: 'GITHUB_EVENT_PATH', message: /is not JSON/ },
  },
  {
    name: 'an event file holding a JSON string',
    area: 'tags',
    event: '"::set-output name=x::y"',
    expect: { error: 'GITHUB_EVENT_PATH', message: /does not hold a JSON object/ },
  },

  // ---- build: build-push-action's inputs and the Dockerfile ---------------------------------------
  {
    name: 'a context directory that does not exist',
    area: 'build',
    inputs: { context: 'no/such/dir' },
    expect: { error: 'context', message: /directory "no\/such\/dir" does not exist/ },
  },
  {
    name: 'a context that climbs out of the workspace to a directory without a Dockerfile',
    area: 'build',
    inputs: { context: '../../../../../../../../etc' },
    expect: { error: 'file', message: /Dockerfile ".*etc\/Dockerfile" does not exist/ },
  },
  {
    name: 'a file that climbs out of the workspace to a file that is no Dockerfile',
    area: 'build',
    inputs: { file: '../../../../../../../../etc/hostname' },
    expect: { error: 'file', message: /has no FROM instruction/ },
  },
  {
    name: 'a Dockerfile that does not exist',
    area: 'build',
    inputs: { file: 'Dockerfile.nope' },
    expect: { error: 'file', message: /does not exist/ },
  },
  {
    name: 'an empty Dockerfile',
    area: 'build',
    dockerfile: '',
    expect: { error: 'file', message: /has no FROM instruction/ },
  },
  {
    name: 'a target stage that only exists inside a heredoc',
    area: 'build',
    dockerfile: 'FROM alpine AS base\nRUN <<EOF\nFROM evil AS fake\nEOF\nFROM base AS final\n',
    inputs: { target: 'fake' },
    expect: { error: 'target', message: /no stage named "fake" .*\(stages: base, final\)/ },
  },
  {
    name: 'shell metacharacters as a target',
    area: 'build',
    inputs: { target: SHELL },
    expect: { error: 'target', message: /no stage named/ },
  },
  {
    name: 'a build arg without a name',
    area: 'build',
    inputs: { 'build-args': 'A=1\n=value' },
    expect: { error: 'build-args', message: /line 2/ },
  },
  {
    name: 'a build arg name with a space',
    area: 'build',
    inputs: { 'build-args': 'MY ARG=1' },
    expect: { error: 'build-args', message: /line 1/ },
  },
  {
    name: 'a NUL byte in a build arg',
    area: 'build',
    inputs: { 'build-args': 'A=1\nB=x\u0000y' },
    expect: { error: 'build-args', message: /line 2: holds a NUL character/ },
  },
  {
    name: 'a NUL byte in a secret',
    area: 'build',
    inputs: { secrets: 'token=abc\u0000def' },
    expect: { error: 'secrets', message: /^input "secrets", line 1: holds a NUL character[^]*$/ },
  },
  {
    name: "a multi-line build arg in build-push-action's quoted form",
    area: 'build',
    inputs: local({ 'build-args': '"CERT=-----BEGIN\nabc\n-----END"\nOTHER=1' }),
    expect: {
      doc: 'A quoted value keeps its newlines and commas: one --build-arg, as build-push-action passes it.',
      check: (run) => {
        built(run);
        expect(buildFlags(run, '--build-arg')).toEqual(['CERT=-----BEGIN\nabc\n-----END', 'OTHER=1']);
      },
    },
  },
  {
    name: 'shell metacharacters in a build arg',
    area: 'build',
    inputs: local({ 'build-args': `CMD=${SHELL}` }),
    expect: {
      doc: 'Build args reach the builder as one argv element each, never through a shell.',
      check: (run) => {
        built(run);
        expect(buildFlags(run, '--build-arg')).toEqual([`CMD=${SHELL}`]);
      },
    },
  },
  {
    name: 'a secret without a value',
    area: 'build',
    inputs: { secrets: 'github_token' },
    expect: { error: 'secrets', message: /^input "secrets", line 1: line must be id=value$/ },
  },
  {
    name: "a multi-line secret in build-push-action's quoted form",
    area: 'build',
    inputs: local({ secrets: '"key=-----BEGIN KEY\nc2VjcmV0\n-----END KEY"' }),
    expect: {
      doc: 'A quoted multi-line secret stays one secret; it reaches the builder through its environment, never argv.',
      check: (run) => {
        built(run);
        const command = run.commands.find((c) => c.args.includes('build'));
        expect(command?.args.join(' ')).not.toContain('c2VjcmV0');
        expect(Object.values(command?.options.env ?? {})).toContain('-----BEGIN KEY\nc2VjcmV0\n-----END KEY');
      },
    },
  },
  {
    name: 'a secret-env naming no variable',
    area: 'build',
    inputs: { 'secret-envs': 'token=NOT-A-VAR' },
    expect: { error: 'secret-envs', message: /is not an environment variable name/ },
  },
  {
    name: 'a secret file that climbs out of the workspace to nothing',
    area: 'build',
    inputs: { 'secret-files': 'cfg=../../../../no/such/file' },
    expect: { error: 'secret-files', message: /file for secret "cfg" does not exist/ },
  },
  {
    name: 'a ulimit that is not a number',
    area: 'build',
    inputs: { ulimit: 'nofile=lots' },
    expect: { error: 'ulimit', message: /must be soft\[:hard\] integers/ },
  },
  {
    name: 'a ulimit that does not exist',
    area: 'build',
    inputs: { ulimit: 'bogus=1' },
    expect: { error: 'ulimit', message: /unknown limit "bogus"/ },
  },
  {
    name: 'an add-host without an address',
    area: 'build',
    inputs: { 'add-hosts': 'db' },
    expect: { error: 'add-hosts', message: /must be host:ip/ },
  },
  {
    name: 'a shm-size with a unit docker does not know',
    area: 'build',
    inputs: { 'shm-size': '2gb' },
    expect: { error: 'shm-size', message: /must be a size/ },
  },
  {
    name: 'several platforms on the classic builder',
    area: 'build',
    inputs: { platforms: 'linux/amd64,linux/arm64' },
    expect: { error: 'platforms' },
  },
  {
    name: 'build contexts on the classic builder',
    area: 'build',
    inputs: { 'build-contexts': 'src=../src' },
    expect: { error: 'build-contexts', message: /install buildx/ },
  },
  {
    name: 'a push that is neither true nor false',
    area: 'build',
    inputs: { push: 'maybe' },
    expect: { error: 'push', message: /is not a boolean/ },
  },
  {
    name: 'a no-cache sentence',
    area: 'build',
    inputs: { 'no-cache': 'yes please' },
    expect: { error: 'no-cache', message: /is not a boolean/ },
  },

  // ---- cache ---------------------------------------------------------------------------------------
  {
    name: 'a cache preset that does not exist',
    area: 'cache',
    inputs: { cache: 'turbo' },
    expect: { error: 'cache', message: /unknown preset "turbo"/ },
  },
  {
    name: 'a registry cache without ref',
    area: 'cache',
    inputs: { 'cache-from': 'type=registry' },
    expect: { error: 'cache-from', message: /field "ref": type=registry needs ref=/ },
  },
  {
    name: 'a cache mode that does not exist',
    area: 'cache',
    inputs: { 'cache-to': 'type=gha,mode=maximum' },
    expect: { error: 'cache-to', message: /mode must be min or max/ },
  },
  {
    name: 'a cache spec without type',
    area: 'cache',
    inputs: { 'cache-to': 'mode=max' },
    expect: { error: 'cache-to', message: /missing type=/ },
  },
  {
    name: 'a runner command as a cache type',
    area: 'cache',
    inputs: { 'cache-from': 'type=::set-output name=x::y' },
    expect: { error: 'cache-from', message: /unknown cache type/ },
  },

  {
    name: 'a registry cache ref with a space',
    area: 'cache',
    inputs: { 'cache-from': 'type=registry,ref=ghcr.io/acme/app cache' },
    expect: {
      error: 'cache-from',
      message: /line 1, field "ref": ref: invalid image reference .*whitespace/,
    },
  },
  {
    name: 'a runner command as a shorthand cache image',
    area: 'cache',
    inputs: { 'cache-from': '$REGISTRY/acme/app:cache\n::add-mask::x' },
    expect: { error: 'cache-from', message: /line 2, field "ref"/ },
  },
  {
    name: 'a local cache destination that climbs out of the workspace',
    area: 'cache',
    inputs: local({ 'cache-to': 'type=local,dest=../../../../tmp/elsewhere' }),
    expect: {
      doc: "A local cache path is the workflow's own choice, as in build-push-action: it is passed to the builder as given (the classic builder has no local export and keeps its inline cache).",
      check: (run) => {
        built(run);
        expect(run.log).toContain(
          'notice: cache-to type=local: the classic builder exports inline cache only; using inline',
        );
      },
    },
  },

  // ---- publish -------------------------------------------------------------------------------------
  {
    name: 'a primary tag that is not among the tags',
    area: 'publish',
    inputs: { 'primary-tag': 'v9.9.9' },
    expect: { error: 'primary-tag', message: /"v9\.9\.9" is not one of the tags to publish/ },
  },
  {
    name: 'a guard switch that is neither true nor false',
    area: 'publish',
    inputs: { 'guard-floating-tags': 'sometimes' },
    expect: { error: 'guard-floating-tags', message: /is not a boolean/ },
  },
  {
    name: 'a promote source with a space',
    area: 'publish',
    inputs: { 'promote-from': 'ghcr.io/acme/app:1.0 --all-tags' },
    expect: { error: 'promote-from', message: /contains whitespace/ },
  },
  {
    name: 'a promote source without tag or digest',
    area: 'publish',
    inputs: { 'promote-from': 'ghcr.io/acme/app' },
    expect: { error: 'promote-from', message: /needs a tag or a digest/ },
  },
  {
    name: 'an extra image with a tag',
    area: 'publish',
    inputs: { 'extra-images': 'ghcr.io/acme/app:1.0' },
    expect: { error: 'extra-images', message: /names a tag or digest/ },
  },
  {
    name: 'an extra image that repeats the image',
    area: 'publish',
    inputs: { 'extra-images': '$REGISTRY/acme/app' },
    expect: { error: 'images', message: /is listed twice/ },
  },
  {
    name: 'a publish for which no tag is computed',
    area: 'publish',
    inputs: { tags: 'type=raw,value=x,enable=false' },
    expect: { error: 'tags', message: /no tag was computed/ },
  },
  {
    name: 'a summary switch that is neither true nor false',
    area: 'publish',
    inputs: { summary: 'nah' },
    expect: { error: 'summary', message: /is not a boolean/ },
  },

  // ---- ECR -----------------------------------------------------------------------------------------
  {
    name: 'an AWS region that does not exist',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'aws-region': 'mars-1' },
    expect: { error: 'aws-region', message: /is not an AWS region/ },
  },
  {
    name: 'a tag mutability ECR does not know',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'ecr-tag-mutability': 'SOMETIMES' },
    expect: { error: 'ecr-tag-mutability', message: /is not one of MUTABLE/ },
  },
  {
    name: 'a repository tag in the reserved aws: namespace',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'ecr-repository-tags': 'team=a\naws:owner=x' },
    expect: {
      error: 'ecr-repository-tags',
      message: /line 2, field "aws:owner": the aws: prefix is reserved/,
    },
  },
  {
    name: 'a lifecycle of zero days',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'ecr-lifecycle-expire-untagged-days': '0' },
    expect: { error: 'ecr-lifecycle-expire-untagged-days', message: /at least 1/ },
  },
  {
    name: 'a negative scan wait',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'ecr-wait-for-scan': '-5' },
    expect: { error: 'ecr-wait-for-scan', message: /at least 0/ },
  },
  {
    name: 'a KMS key with AES256 encryption',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'ecr-kms-key': 'arn:aws:kms:us-east-1:123456789012:key/x' },
    expect: { error: 'ecr-kms-key', message: /needs ecr-encryption KMS/ },
  },
  {
    name: 'a bad primary tag for an ECR image',
    area: 'ecr',
    inputs: { images: ECR_IMAGE, 'primary-tag': '../../latest' },
    expect: { error: 'primary-tag', message: /is not one of the tags to publish/ },
  },
  {
    name: 'ECR references in tags with a NUL-bearing build arg',
    area: 'ecr',
    inputs: { images: '', tags: `${ECR_IMAGE}:1.0`, 'build-args': 'A=\u0000' },
    expect: { error: 'build-args', message: /holds a NUL character/ },
  },

  // ---- the CLI: wrong values (the flags themselves are the strict parser's, later) ----------------
  {
    name: 'cli: push that is no boolean',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--context', '$CONTEXT', '--push=maybe'],
    expect: { error: 'push', message: /is not a boolean/ },
  },
  {
    name: 'cli: a cache preset that does not exist',
    area: 'cli',
    argv: ['build', '--context', '$CONTEXT', '--cache', 'turbo'],
    expect: { error: 'cache', message: /unknown preset/ },
  },
  {
    name: 'cli: promote without a source',
    area: 'cli',
    argv: ['promote', '--images', 'ghcr.io/acme/app'],
    expect: { error: 'promote-from', message: /promote needs --promote-from/ },
  },
  {
    name: 'cli: an unknown tag type',
    area: 'cli',
    argv: ['tags', '--images', 'ghcr.io/acme/app', '--tags', 'type=semverx'],
    expect: { error: 'tags', message: /unknown tag type/ },
  },
  {
    name: 'cli: an image name with a look-alike letter',
    area: 'cli',
    argv: ['tags', '--images', `ghcr.io/acme/${CYRILLIC_A}pp`],
    expect: { error: 'images', message: /is not a valid image name/ },
  },
  {
    name: 'cli: a flavor that does not exist',
    area: 'cli',
    argv: ['tags', '--flavor', 'latest=always'],
    expect: { error: 'flavor' },
  },
  {
    name: 'cli: an AWS region that does not exist',
    area: 'cli',
    argv: ['build', '--images', ECR_IMAGE, '--aws-region', 'mars-1'],
    expect: { error: 'aws-region' },
  },
  {
    name: 'cli: a multi-line label whose warning would print a runner command on stderr',
    area: 'cli',
    argv: [
      'tags',
      '--images',
      'ghcr.io/acme/app',
      '--tags',
      'type=raw,value=v1',
      '--labels',
      '"note={{nope}}\n::add-mask::secret"',
      '--json',
    ],
    expect: {
      doc: 'With --json the CLI prints the outputs as JSON on stdout; every line it logs on stderr (which a workflow step also reads for commands) is inert: a value stays on one line, its newline shown as \\n.',
      check: (run) => {
        expect(run.cli?.code).toBe(0);
        expect(JSON.parse(run.cli?.stdout ?? '{}').labels).toContain('note=\n::add-mask::secret');
        expect(run.cli?.stderr).toContain('note={{nope}}\\n::add-mask::secret');
        expect(run.cli?.stderr.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
      },
    },
  },
  // ---- cli: a strict command line (unknown flags were silently ignored before) ----------------------
  {
    name: 'cli: a misspelt flag',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--tagz', 'type=sha', '--push'],
    expect: { usage: /^error: build: unknown flag --tagz \(did you mean --tags?\?\)/ },
  },
  {
    name: 'cli: a misspelt boolean flag',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--pussh'],
    expect: { usage: /unknown flag --pussh \(did you mean --push\?\)/ },
  },
  {
    name: 'cli: a flag of another command',
    area: 'cli',
    argv: ['tags', '--images', 'ghcr.io/acme/app', '--push'],
    expect: { usage: /^error: tags: unknown flag --push/ },
  },
  {
    name: 'cli: a string flag with no value at the end',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--tags'],
    expect: { usage: /--tags needs a value$/m },
  },
  {
    name: 'cli: a string flag whose value would be the next flag',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--tags', '--push'],
    expect: { usage: /--tags needs a value \(for one that starts with "-", write --tags=--push\)/ },
  },
  {
    name: 'cli: a boolean flag followed by a word',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--push', 'maybe'],
    expect: { usage: /unexpected argument "maybe" \(--push takes no separate value: write --push=maybe\)/ },
  },
  {
    name: 'cli: a single-value flag given twice',
    area: 'cli',
    argv: ['build', '--context', '$CONTEXT', '--context', '/'],
    expect: { usage: /--context is given twice/ },
  },
  {
    name: 'cli: a flag after --',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--', '--push'],
    expect: { usage: /unexpected argument "--push" \(after --, which ends the flags\)/ },
  },
  {
    name: 'cli: a command that does not exist',
    area: 'cli',
    argv: ['deploy', '--images', 'ghcr.io/acme/app'],
    expect: { usage: /^error: unknown command "deploy"/ },
  },
  {
    name: 'cli: a flag name carrying a newline and a runner command',
    area: 'cli',
    argv: ['build', '--ta\n::error::planted', 'x'],
    expect: { usage: /^error: build: unknown flag --ta\\n::error::planted/ },
  },
  {
    name: 'cli: an extra tag that is no tag',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--tag', 'latest release'],
    expect: { usage: /--tag "latest release" is not a tag/ },
  },
  {
    name: 'cli: an extra tag that looks like a flag',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--tag=--push'],
    expect: { usage: /--tag "--push" is not a tag/ },
  },
  {
    name: 'cli: a version without an environment',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--version', '1.0.0'],
    expect: { usage: /--version belongs to the environment policy: give --env too/ },
  },
  {
    name: 'cli: an environment value that tries to add a field',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--env', 'staging,latest=always', '--push'],
    expect: { error: 'environment', message: /"staging,latest=always" is not an environment name/ },
  },
  {
    name: 'cli: an environment name in capitals',
    area: 'cli',
    argv: ['tags', '--images', 'ghcr.io/acme/app', '--env', 'Prod'],
    expect: { error: 'environment', message: /field "name": "Prod" is not an environment name/ },
  },
  {
    name: 'cli: prod without a version',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--context', '$CONTEXT', '--env', 'prod', '--push'],
    event: JSON.stringify({ ref: 'refs/heads/main' }),
    env: { GITHUB_REF: 'refs/heads/main' },
    expect: { error: 'environment', message: /prod needs a version/ },
  },
  {
    name: 'cli: a latest mode that does not exist',
    area: 'cli',
    argv: ['tags', '--images', 'ghcr.io/acme/app', '--env', 'dev', '--latest', 'sometimes'],
    expect: { error: 'environment', message: /latest must be auto, always, never/ },
  },
  {
    name: 'cli: a time zone that is a path',
    area: 'cli',
    argv: ['tags', '--images', 'ghcr.io/acme/app', '--env', 'dev', '--timezone', '../../etc/passwd'],
    expect: { error: 'environment', message: /is not an IANA time zone/ },
  },
  {
    name: 'cli: a registry with a scheme',
    area: 'cli',
    argv: ['build', '--images', 'app', '--registry', 'https://ghcr.io', '--push'],
    expect: { error: 'registry', message: /has a scheme/ },
  },
  {
    name: 'cli: a registry from the environment that is no host',
    area: 'cli',
    argv: ['build', '--images', 'app', '--push'],
    env: { IMAGE_BUILD_REGISTRY: 'acme' },
    expect: { error: 'registry', message: /is not a registry host/ },
  },
  {
    name: 'cli: {env} in an image name without an environment',
    area: 'cli',
    argv: ['build', '--images', 'rag-worker-{env}', '--push'],
    expect: { error: 'images', message: /"\{env\}" needs an environment/ },
  },
  {
    name: 'cli: an image name placeholder that does not exist',
    area: 'cli',
    argv: ['build', '--images', 'rag-worker-{environment}', '--env', 'dev', '--push'],
    expect: { error: 'images', message: /unknown placeholder "\{environment\}"/ },
  },
  {
    name: 'cli: both --summary and --report-file',
    area: 'cli',
    argv: ['build', '--images', 'ghcr.io/acme/app', '--summary', 'a.md', '--report-file', 'b.md'],
    expect: { usage: /give --summary or --report-file, not both/ },
  },
  {
    name: 'cli: a report file that is a symlink to a file outside',
    area: 'cli',
    argv: [
      'build',
      '--images',
      'acme/app',
      '--tag',
      'v1',
      '--context',
      '$CONTEXT',
      '--summary',
      '$CONTEXT/report.md',
    ],
    setup: (context) => {
      writeFileSync(join(dirname(context), 'victim'), 'precious');
      symlinkSync(join(dirname(context), 'victim'), join(context, 'report.md'));
    },
    expect: {
      doc: 'The report replaces the link at the path (a new file, renamed over it); the file the link pointed to is never written.',
      check: (run) => {
        expect(run.cli?.code, run.cli?.stderr).toBe(0);
        const report = join(run.contextDir, 'report.md');
        expect(lstatSync(report).isSymbolicLink()).toBe(false);
        expect(readFileSync(report, 'utf8')).toContain('acme/app');
        expect(readFileSync(join(dirname(run.contextDir), 'victim'), 'utf8')).toBe('precious');
      },
    },
  },
  {
    name: 'cli: a secret typed on the command line',
    area: 'cli',
    argv: [
      'build',
      '--images',
      'acme/app',
      '--tag',
      'v1',
      '--context',
      '$CONTEXT',
      '--secrets',
      'token=hunter2-secret',
    ],
    expect: {
      doc: 'The build runs (the value still reaches the builder through its environment, not its argv), with a warning that argv is visible to every process; the value is never printed.',
      check: (run) => {
        expect(run.cli?.code, run.cli?.stderr).toBe(0);
        expect(run.cli?.stderr).toMatch(/warning: --secrets puts a secret on the command line/);
        expect(run.cli?.stderr).not.toContain('hunter2-secret');
        expect(run.cli?.stdout).not.toContain('hunter2-secret');
        const build = run.commands.find((c) => c.args[0] === 'build');
        expect(build?.args.join(' ')).not.toContain('hunter2-secret');
      },
    },
  },
  {
    name: 'cli: --json with a bad flag prints nothing on stdout',
    area: 'cli',
    argv: ['build', '--images', 'acme/app', '--json', '--no-cahce'],
    expect: { usage: /unknown flag --no-cahce \(did you mean --no-cache\?\)/ },
  },
  // ---- graph: the action's images-file mode --------------------------------------------------------
  {
    name: 'graph: a per-image input beside images-file',
    area: 'graph',
    inputs: {
      'images-file': '$CONTEXT/image-build.yml',
      images: '',
      context: '.',
      target: 'runtime',
      file: 'Dockerfile',
    },
    files: { 'image-build.yml': 'images:\n  app: {}\n' },
    expect: { error: 'file', message: /`file`, `target` are set per image in the images file/ },
  },
  {
    name: 'graph: an image in only that the file does not have',
    area: 'graph',
    inputs: {
      'images-file': '$CONTEXT/image-build.yml',
      images: '',
      context: '',
      registry: '$REGISTRY/acme',
      only: 'app,nope',
    },
    files: { 'image-build.yml': 'images:\n  app: {}\n' },
    expect: { error: 'only', message: /"nope" is not an image of .*image-build\.yml \(images: app\)/ },
  },
  {
    name: 'graph: no build slot',
    area: 'graph',
    inputs: { 'images-file': '$CONTEXT/image-build.yml', images: '', context: '', concurrency: '1.5' },
    files: { 'image-build.yml': 'images:\n  app: {}\n' },
    expect: { error: 'concurrency', message: /"1\.5" is not a whole number of at least 1/ },
  },
  {
    name: 'graph: an images file that is a directory',
    area: 'graph',
    inputs: { 'images-file': '$CONTEXT', images: '', context: '' },
    expect: { error: 'images-file', message: /is not a file/ },
  },
  {
    name: 'graph: only without images-file',
    area: 'graph',
    inputs: { only: 'app' },
    expect: { error: 'only', message: /give `images-file` too/ },
  },
  {
    name: 'graph: plan without images-file',
    area: 'graph',
    inputs: { plan: 'true' },
    expect: { error: 'plan', message: /give `images-file` too/ },
  },
  {
    name: 'graph: reuse that is not a boolean',
    area: 'graph',
    inputs: { 'images-file': '$CONTEXT/image-build.yml', images: '', context: '', reuse: 'sometimes' },
    files: { 'image-build.yml': 'images:\n  app: {}\n' },
    expect: { error: 'reuse', message: /"sometimes" is not a boolean/ },
  },
  {
    name: 'cli: graph without its images file',
    area: 'cli',
    argv: ['graph', '--images-file', '$CONTEXT/missing.yml', '--push'],
    expect: { error: 'images-file', message: /is not a file/ },
  },
  {
    name: 'cli: graph with no build slot',
    area: 'cli',
    argv: ['graph', '--images-file', '$CONTEXT/image-build.yml', '--concurrency', '0'],
    files: { 'image-build.yml': 'images:\n  app: {}\n' },
    expect: { error: 'concurrency', message: /"0" is not a whole number of at least 1/ },
  },
  {
    name: 'cli: plan with a flag of one image',
    area: 'cli',
    argv: ['plan', '--images-file', '$CONTEXT/image-build.yml', '--context', '.'],
    expect: { usage: /^error: plan: unknown flag --context/ },
  },
  {
    name: 'cli: an images file that is not YAML',
    area: 'cli',
    argv: ['plan', '--images-file', '$CONTEXT/image-build.yml'],
    files: { 'image-build.yml': 'images: [unclosed\n' },
    expect: {
      doc: 'An images file error is one line that names the file, line and column (file:line:column), exit 2, before anything runs.',
      check: (run) => {
        expect(run.cli?.code).toBe(2);
        expect(run.cli?.stderr).toMatch(/^(.*\n)?error: \S*image-build\.yml:\d+:\d+: /);
        expect(
          run.cli?.stderr
            .trimEnd()
            .split('\n')
            .filter((line) => line.startsWith('error')),
        ).toHaveLength(1);
        expect(run.commands).toEqual([]);
      },
    },
  },
  {
    name: 'cli: report without an image',
    area: 'cli',
    argv: ['report', '--baseline', 'ghcr.io/acme/app:1.0.0'],
    expect: { usage: /^error: report: name the image: image-build report IMAGE/ },
  },
  {
    name: 'cli: report of an image without tag or digest',
    area: 'cli',
    argv: ['report', '--image', 'ghcr.io/acme/app'],
    expect: { error: 'image', message: /needs a tag or a digest/ },
  },
];
