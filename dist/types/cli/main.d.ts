import type { CommandRunner } from '../util/exec.js';
export declare const USAGE = "usage: image-build <command> [--input value ...]\n\ncommands:\n  tags      compute tags, labels and build args for the checkout and print them as JSON\n  build     compute tags, build, and (with --push) publish; prints the outputs as JSON\n  promote   publish an existing image under the computed tags (--promote-from image:tag)\n\nEvery option is an input of the GitHub Action with the same name and meaning, e.g.\n  image-build build --images ghcr.io/acme/app --tags 'type=semver,pattern={{version}},value=1.2.3' \\\n    --context . --push --cache registry --report-file report.md\nA multi-line input is given by repeating its option. Outside GitHub Actions the git checkout in the\ncurrent directory is the context (--metadata-context git).";
export interface CliIO {
    argv: readonly string[];
    env: NodeJS.ProcessEnv;
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    runner: CommandRunner;
    cwd: string;
}
/** Runs one CLI command; returns the process exit code (2 for bad usage or input). */
export declare function runCli(io: CliIO): Promise<number>;
