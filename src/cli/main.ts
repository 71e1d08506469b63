import { writeFile } from 'node:fs/promises';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { readImageBuildInputs } from '../pipeline/inputs.js';
import { renderRunReport } from '../pipeline/report.js';
import { runImageBuild, type PostState } from '../pipeline/run.js';
import { InputError } from '../util/errors.js';
import type { CommandRunner } from '../util/exec.js';
import { createConsoleLogger } from '../util/log.js';
import { parseArgs } from './args.js';

export const USAGE = `usage: image-build <command> [--input value ...]

commands:
  tags      compute tags, labels and build args for the checkout and print them as JSON
  build     compute tags, build, and (with --push) publish; prints the outputs as JSON
  promote   publish an existing image under the computed tags (--promote-from image:tag)

Every option is an input of the GitHub Action with the same name and meaning, e.g.
  image-build build --images ghcr.io/acme/app --tags 'type=semver,pattern={{version}},value=1.2.3' \\
    --context . --push --cache registry --report-file report.md
A multi-line input is given by repeating its option. Outside GitHub Actions the git checkout in the
current directory is the context (--metadata-context git).`;

export interface CliIO {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  runner: CommandRunner;
  cwd: string;
}

/** Runs one CLI command; returns the process exit code (2 for bad usage or input). */
export async function runCli(io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(io.argv);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help || !parsed.command) {
    (parsed.help ? io.stdout : io.stderr).write(`${USAGE}\n`);
    return parsed.help ? 0 : 2;
  }
  if (!['tags', 'build', 'promote'].includes(parsed.command)) {
    io.stderr.write(`unknown command "${parsed.command}"\n${USAGE}\n`);
    return 2;
  }
  const onGitHub = io.env.GITHUB_ACTIONS === 'true';
  const defaults: Record<string, string> = {
    'metadata-context': onGitHub ? 'workflow' : 'git',
    // Secrets stay out of argv (visible in `ps`): the token comes from the environment.
    'github-token': io.env.GITHUB_TOKEN ?? '',
  };
  const read = (name: string): string => parsed.inputs.get(name) ?? defaults[name] ?? '';
  const logger = createConsoleLogger(io.stderr, io.env.IMAGE_BUILD_DEBUG === 'true');
  let state: PostState = {};
  try {
    const inputs = readImageBuildInputs(read);
    if (parsed.command === 'promote' && !inputs.publish.promoteFrom) {
      throw new InputError('promote-from', 'promote needs --promote-from image:tag (or image@digest)');
    }
    if (parsed.command === 'tags') {
      const { computeTagsOnly } = await import('../pipeline/tags-only.js');
      const outputs = await computeTagsOnly(inputs, { env: io.env, runner: io.runner, logger, cwd: io.cwd });
      io.stdout.write(`${JSON.stringify(outputs, null, 2)}\n`);
      return 0;
    }
    const result = await runImageBuild(inputs, {
      env: io.env,
      runner: io.runner,
      logger,
      cwd: io.cwd,
      saveState: (saved) => (state = saved),
    });
    // Outputs first: the image is published, whatever happens to the report.
    io.stdout.write(`${JSON.stringify(imageBuildOutputs(result, inputs.metadata), null, 2)}\n`);
    const markdown = await renderRunReport(result, { runner: io.runner, logger, env: io.env });
    if (inputs.reportFile) await writeFile(inputs.reportFile, markdown);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      logger.error(error.message);
      return 2;
    }
    logger.error((error as Error).message);
    return 1;
  } finally {
    // One process does what the action splits into main and post: log out of ECR whatever happened.
    if (state.ecrLogin) {
      const { ecrLogout } = await import('../ecr/login.js');
      await ecrLogout(state.ecrLogin, { runner: io.runner, logger, env: io.env });
    }
  }
}
