import { type ReportInputs } from '../pipeline/report-inputs.js';
import { type CommandContext } from './context.js';
/** An image in its registry, or a path: a `docker save` tarball or an OCI layout directory. */
export type ImageLocation = {
    kind: 'registry';
    reference: string;
} | {
    kind: 'path';
    path: string;
};
export interface ReportCommandOptions {
    image: ImageLocation;
    baseline?: ImageLocation;
    platform?: string;
    /** The checks, the file-level analysis and the storage price, as the action's inputs set them. */
    inputs: ReportInputs;
    reportFile?: string;
}
/** Checks the flags of `report` before anything is read. */
export declare function readReportFlags(context: CommandContext): ReportCommandOptions;
/**
 * `report`: the image report of an image in its registry (nothing pulled, no daemon), a `docker save`
 * tarball or an OCI layout; in the terminal, as JSON (`--json`) or as markdown (`--summary FILE`).
 * Checks at level `fail` make the exit code 1.
 */
export declare function runReportCommand(context: CommandContext): Promise<number>;
