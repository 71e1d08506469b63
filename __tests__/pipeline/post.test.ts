import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionsCacheClient } from '../../src/cache/index.js';
import type { PostState } from '../../src/pipeline/image-build-types.js';
import { keepPostState, parsePostStates, runPosts, serializePostStates } from '../../src/pipeline/post.js';
import type { CommandRunner } from '../../src/util/exec.js';
import { capturingLogger } from '../helpers/ecr-recorders.js';

const login = (dockerConfig: string, registries = ['123456789012.dkr.ecr.eu-west-1.amazonaws.com']) => ({
  ecrLogin: { dockerConfig, registries },
});

const unusedCache = {} as ActionsCacheClient;

describe("a graph's post states", () => {
  it('keeps the latest copy per image, told apart by its ECR config or cache directory', () => {
    let states: PostState[] = [];
    states = keepPostState(states, login('/tmp/a'));
    states = keepPostState(states, login('/tmp/b'));
    states = keepPostState(states, login('/tmp/a', ['r1', 'r2']));
    expect(states).toEqual([login('/tmp/a', ['r1', 'r2']), login('/tmp/b')]);
  });

  it("reads back one image's state, a graph's, and nothing", () => {
    const one = login('/tmp/a');
    expect(parsePostStates(JSON.stringify(one))).toEqual([one]);
    expect(parsePostStates(serializePostStates([one, login('/tmp/b')]))).toEqual([one, login('/tmp/b')]);
    expect(parsePostStates('')).toEqual([]);
    expect(parsePostStates(serializePostStates([]))).toEqual([]);
  });

  it("cleans up every image's state, and one that fails does not stop the others", async () => {
    const configs = ['a', 'b'].map(() => {
      const dir = mkdtempSync(join(tmpdir(), 'ib-post-'));
      writeFileSync(join(dir, 'config.json'), '{}');
      return dir;
    });
    const logouts: string[] = [];
    const runner: CommandRunner = {
      run: async (_file, args) => {
        const config = args[args.indexOf('--config') + 1];
        logouts.push(config);
        // The first image's logout process cannot even start.
        if (config === configs[0]) throw new Error('spawn docker ENOENT');
        return { exitCode: 0, stdout: '', stderr: '' };
      },
    };
    const logger = capturingLogger();
    await runPosts(
      configs.map((dir) => login(dir)),
      { env: {}, runner, logger, actionsCache: unusedCache },
    );
    expect(logouts).toEqual(configs);
    for (const dir of configs) expect(existsSync(dir)).toBe(false);
    expect(logger.lines).toContain(`info: Removed the ECR Docker config ${configs[1]}`);
  });
});
