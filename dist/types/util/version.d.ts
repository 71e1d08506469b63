/** Compares dotted versions numerically; true when `version` >= `minimum`. */
export declare function versionAtLeast(version: string, minimum: string): boolean;
