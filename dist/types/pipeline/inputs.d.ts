import { type BuildInputs } from '../build/index.js';
import { type EcrInputs } from '../ecr/inputs.js';
import { type PublishInputs } from '../publish/index.js';
import { type MetadataInputs } from '../tags/index.js';
import { type ReportInputs } from './report-inputs.js';
export { UNTRIMMED_INPUTS } from './input-spec.js';
/** Every input of the main action, parsed and checked before anything runs. */
export interface ImageBuildInputs {
    metadata: MetadataInputs;
    build: BuildInputs;
    publish: PublishInputs;
    ecr: EcrInputs;
    /** `summary`: write the report to the job summary (default true). */
    summary: boolean;
    /** `report-file`: also write the report markdown here. */
    reportFile?: string;
    /** What the report reads, compares and checks (`report-*`, `comment`, the checks' inputs). */
    report: ReportInputs;
}
export type ReadInput = (name: string) => string;
/**
 * Both input vocabularies in one action: metadata-action's (`images`, `tags` as tag rules, `flavor`,
 * `labels`, `annotations`) and build-push-action's (`context` as the build context, `file`, ...). Where
 * the names collide, build-push-action keeps the name and metadata-action's `context` (workflow|git)
 * becomes `metadata-context`; the tags, labels and annotations the build gets are the computed ones.
 */
export declare function readImageBuildInputs(readRaw: ReadInput): ImageBuildInputs;
