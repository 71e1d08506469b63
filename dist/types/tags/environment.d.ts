import type { EnvironmentPolicy } from './types.js';
/** Parses the `environment` input: `prod` or `dev`, optionally `,version=1.0.0`. Empty means no policy. */
export declare function parseEnvironment(raw: string): EnvironmentPolicy | undefined;
