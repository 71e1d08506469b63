import type { CachePlan } from '../cache/types.js';
import { selectAutomaticBuildArgs } from './automatic-args.js';
import type { BuildPlan, PlanOptions } from './build-command.js';
import type { Builder } from '../engine/builder.js';
import type { BuildInputs } from './inputs.js';
import { planBuildx } from './plan-buildx.js';
import { planClassic } from './plan-classic.js';
import { splitKeyValue, type ValidatedBuild } from './validate.js';

export type { BuildCommand, BuildPlan, PlanOptions } from './build-command.js';
export { defaultProvenance } from './plan-buildx.js';

const SECRET_ENV_PREFIX = 'IB_BUILD_SECRET_';

/** `--secret` arguments; the values of `secrets` go through the environment, never argv. */
function secretArgs(inputs: BuildInputs): { args: string[]; env: Record<string, string> } {
  const args: string[] = [];
  const env: Record<string, string> = {};
  inputs.secrets.forEach((item, index) => {
    const [id, value] = splitKeyValue(item, 'secrets', 'id=value');
    env[`${SECRET_ENV_PREFIX}${index}`] = value;
    args.push('--secret', `id=${id},env=${SECRET_ENV_PREFIX}${index}`);
  });
  for (const item of inputs.secretFiles) {
    const [id, path] = splitKeyValue(item, 'secret-files', 'id=path');
    args.push('--secret', `id=${id},src=${path}`);
  }
  for (const item of inputs.secretEnvs) {
    const [id, variable] = splitKeyValue(item, 'secret-envs', 'id=VARIABLE');
    args.push('--secret', `id=${id},env=${variable}`);
  }
  return { args, env };
}

/** The exact argument lists for the detected builder. Pure: the same inputs give the same args. */
export function planBuild(
  build: ValidatedBuild,
  builder: Builder,
  cache: CachePlan,
  options: PlanOptions,
): BuildPlan {
  const { inputs, dockerfile } = build;
  const secrets = secretArgs(inputs);
  const shared = {
    build,
    cache,
    options,
    buildArgs: [
      ...inputs.buildArgs.map((item) => item.value),
      ...selectAutomaticBuildArgs(options.automaticBuildArgs ?? {}, dockerfile.args, inputs.buildArgs),
    ],
    secretArgs: secrets.args,
    env: { DOCKER_BUILDKIT: '1', ...secrets.env },
    notices: [...cache.notices],
  };
  return builder.kind === 'buildx' ? planBuildx({ ...shared, builder }) : planClassic({ ...shared, builder });
}
