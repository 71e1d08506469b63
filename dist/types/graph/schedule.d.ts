/** A unit of work that may start only once its parents have succeeded. */
export interface ScheduledNode {
    name: string;
    parents: readonly string[];
    /** Takes no slot of the limit: work that only waits on the network (an image reused, not built). */
    light?: boolean;
}
export type NodeOutcome<T> = {
    name: string;
    status: 'done';
    value: T;
} | {
    name: string;
    status: 'failed';
    error: unknown;
}
/** Not run: a parent failed or was itself skipped; `cause` is the failed image the chain starts at. */
 | {
    name: string;
    status: 'skipped';
    reason: string;
    cause: string;
};
export interface ScheduleOptions {
    /** How many nodes (light ones aside) may run at once (at least 1). */
    concurrency: number;
}
/**
 * Runs every node after its parents, as many at once as `concurrency` allows, starting ready nodes in
 * the order given. A node whose parent failed is not run (nor are its descendants); the others go on.
 * Resolves once everything has finished or been skipped, with one outcome per node in the given order:
 * failures are outcomes, never rejections, so one image's error cannot cut its siblings short.
 */
export declare function runScheduled<T>(nodes: readonly ScheduledNode[], run: (name: string, parents: ReadonlyMap<string, T>) => Promise<T>, options: ScheduleOptions): Promise<NodeOutcome<T>[]>;
