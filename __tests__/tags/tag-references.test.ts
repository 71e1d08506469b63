import { describe, expect, it } from 'vitest';
import { computeMetadata } from '../../src/tags/compute.js';
import { parseMetadataInputs, recordInputReader } from '../../src/tags/inputs.js';
import { InputError } from '../../src/util/errors.js';
import { NOW, helloWorld, inputs, recordingLogger, runContext } from './fixtures.js';

/** The main action's reading: whole references in `tags` are accepted. */
const mainInputs = (values: Record<string, string>) =>
  parseMetadataInputs(recordInputReader(values), { tagReferences: true });

function run(values: Record<string, string>) {
  const log = recordingLogger();
  const result = computeMetadata(mainInputs(values), runContext(), helloWorld, {
    now: NOW,
    logger: log.logger,
  });
  return { result, warnings: log.warnings };
}

function inputError(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('tags as whole image references (build-push-action users, steps.meta.outputs.tags)', () => {
  it('takes the references as the tags to build and publish when images is empty', () => {
    const { result } = run({
      tags: 'ghcr.io/acme/app:1.2.3\nghcr.io/acme/app:1.2\n123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2.3\n123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2\nghcr.io/acme/app:1.2.3',
    });
    expect(result.tags).toEqual([
      'ghcr.io/acme/app:1.2.3',
      'ghcr.io/acme/app:1.2',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2.3',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2',
    ]);
    expect(result.images).toEqual(['ghcr.io/acme/app', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app']);
    expect(result.tagNames).toEqual(['1.2.3', '1.2']);
    expect(result.version).toBe('1.2.3');
    expect(result.labels).toContain('org.opencontainers.image.version=1.2.3');
  });

  it('reads the comma-joined form metadata-action outputs with sep-tags: ","', () => {
    const { result } = run({ tags: 'ghcr.io/acme/app:1.0,ghcr.io/acme/app:latest' });
    expect(result.tags).toEqual(['ghcr.io/acme/app:1.0', 'ghcr.io/acme/app:latest']);
    expect(result.latest).toBe(true);
  });

  it('a mix of references and tag rules is an InputError naming the odd line', () => {
    const mixed = inputError(() =>
      mainInputs({ tags: 'ghcr.io/acme/app:1.0\nghcr.io/acme/app:1\ntype=sha' }),
    );
    expect(mixed.message).toMatch(
      /^input "tags", line 3: "type=sha" and line 1 \("ghcr\.io\/acme\/app:1\.0"\) mix/,
    );
    const one = inputError(() => mainInputs({ tags: 'type=sha\ntype=ref,event=tag\nghcr.io/acme/app:1.0' }));
    expect(one.line).toBe(3);
  });

  it('a reference next to images is an InputError: it would become the tag ghcr.io-acme-app-1.0', () => {
    const error = inputError(() => mainInputs({ images: 'ghcr.io/acme/app', tags: 'ghcr.io/acme/app:1.0' }));
    expect(error.message).toMatch(
      /^input "tags", line 1: "ghcr\.io\/acme\/app:1\.0" is a whole image reference, but "images" is set/,
    );
  });

  it('names the line of an invalid reference, a digest, and images whose tags differ', () => {
    expect(inputError(() => mainInputs({ tags: 'ghcr.io/acme/app:1\nghcr.io/Acme/app:1' })).message).toMatch(
      /^input "tags", line 2: invalid image reference .*lowercase/,
    );
    expect(inputError(() => mainInputs({ tags: 'ghcr.io/acme/app@sha256:abc' })).line).toBe(1);
    const differ = inputError(() => mainInputs({ tags: 'a.io/app:1\na.io/app:2\nb.io/app:1' }));
    expect(differ.line).toBe(3);
    expect(differ.message).toMatch(/b\.io\/app has tags 1 but a\.io\/app has 1, 2/);
  });

  it('an environment policy cannot take references: it makes its own tags', () => {
    expect(inputError(() => mainInputs({ tags: 'ghcr.io/acme/app:1.0', environment: 'dev' })).input).toBe(
      'environment',
    );
  });

  it('the tags action stays metadata-action: a reference there is a raw value, sanitised', () => {
    const log = recordingLogger();
    const result = computeMetadata(inputs({ tags: 'ghcr.io/acme/app:1.0' }), runContext(), helloWorld, {
      now: NOW,
      logger: log.logger,
    });
    expect(result.tags).toEqual(['ghcr.io-acme-app-1.0']);
  });

  it('tag rules without images still work as before in the main action, and flavor is ignored with a warning', () => {
    expect(run({ tags: 'type=raw,value=dev' }).result.tags).toEqual(['dev']);
    expect(run({ tags: 'app:1', flavor: 'suffix=-slim' }).warnings).toEqual([
      'flavor is ignored: "tags" holds whole image references, which are published as they are',
    ]);
  });
});
