import { type DateFormatter } from './dates.js';
import type { MetadataInputs } from './types.js';
/** The @renovate/pep440 functions `type=pep440` calls. */
export interface Pep440Lib {
    valid(version: string): string | null;
    clean(version: string): string;
    explain(version: string): {
        is_prerelease: boolean;
        is_postrelease: boolean;
        is_devrelease: boolean;
    };
    major(version: string): number;
    minor(version: string): number;
    patch(version: string): number;
}
/**
 * Libraries most runs never need, loaded on demand so the action starts fast: moment-timezone
 * (dates, ~870 KiB with zone data) and @renovate/pep440 (pulls xregexp and core-js, ~380 KiB).
 */
export interface EngineLibs {
    dates?: DateFormatter;
    pep440?: Pep440Lib;
}
/** Loads exactly the libraries these inputs need. */
export declare function loadEngineLibs(inputs: MetadataInputs): Promise<EngineLibs>;
export declare function loadPep440(): Promise<Pep440Lib>;
