// @renovate/pep440 ships no types; these are the functions the tag engine calls.
declare module '@renovate/pep440' {
  interface ExplainedVersion {
    epoch: number;
    release: number[];
    pre?: [string, number] | null;
    post?: number | null;
    dev?: number | null;
    local?: string | null;
    public: string;
    base_version: string;
    is_prerelease: boolean;
    is_devrelease: boolean;
    is_postrelease: boolean;
  }
  export function valid(version: string): string | null;
  export function clean(version: string): string;
  export function explain(version: string): ExplainedVersion;
  export function major(input: string): number;
  export function minor(input: string): number;
  export function patch(input: string): number;
}
