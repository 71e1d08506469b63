import type { ReadInput } from '../pipeline/inputs.js';
import { type FlagValues } from './args.js';
import type { CommandSpec } from './commands.js';
export interface CliInputs {
    /** The action's inputs by name, as the action's getInput would give them. */
    read: ReadInput;
    /** Said before the run: a secret typed on the command line, which every process can read. */
    warnings: string[];
}
/**
 * The command line as the action's inputs: each input flag is its input (a repeated flag is one line
 * each), and the CLI's own flags fill in the inputs they stand for: `--env`/`--version`/`--latest`/
 * `--timezone` make `environment`, `--tag` adds raw tag rules, `--platform` platforms, `--summary`
 * is `report-file`. Outside GitHub Actions the checkout is the context, and the token and the registry
 * may come from the environment (GITHUB_TOKEN, IMAGE_BUILD_REGISTRY).
 */
export declare function cliInputs(command: CommandSpec, values: FlagValues, env: NodeJS.ProcessEnv): CliInputs;
