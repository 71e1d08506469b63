/** Splits one input line into its comma-separated fields (CSV quoting rules, like metadata-action). */
export declare function csvFields(input: string, text: string, line: number): string[];
/** Splits `key=value` on the first `=`, trimming both sides; a field without `=` has no key. */
export declare function splitField(field: string): {
    key?: string;
    value: string;
};
