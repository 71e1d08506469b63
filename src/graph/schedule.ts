/** A unit of work that may start only once its parents have succeeded. */
export interface ScheduledNode {
  name: string;
  parents: readonly string[];
  /** Takes no slot of the limit: work that only waits on the network (an image reused, not built). */
  light?: boolean;
}

export type NodeOutcome<T> =
  | { name: string; status: 'done'; value: T }
  | { name: string; status: 'failed'; error: unknown }
  /** Not run: a parent failed or was itself skipped; `cause` is the failed image the chain starts at. */
  | { name: string; status: 'skipped'; reason: string; cause: string };

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
export async function runScheduled<T>(
  nodes: readonly ScheduledNode[],
  run: (name: string, parents: ReadonlyMap<string, T>) => Promise<T>,
  options: ScheduleOptions,
): Promise<NodeOutcome<T>[]> {
  const concurrency = options.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, not ${concurrency}`);
  }
  const names = new Set(nodes.map((node) => node.name));
  for (const node of nodes) {
    const unknown = node.parents.find((parent) => !names.has(parent));
    if (unknown) throw new Error(`node "${node.name}" depends on "${unknown}", which is not scheduled`);
  }
  const outcomes = new Map<string, NodeOutcome<T>>();
  const pending = [...nodes];
  let running = 0;
  let heavy = 0;

  return new Promise((resolve, reject) => {
    const settle = () => {
      // Skips first: a skipped parent makes its children skippable in the same pass.
      for (let changed = true; changed;) {
        changed = false;
        for (const node of [...pending]) {
          const blocked = node.parents
            .map((parent) => outcomes.get(parent))
            .find((outcome) => outcome && outcome.status !== 'done');
          if (!blocked) continue;
          const cause = blocked.status === 'skipped' ? blocked.cause : blocked.name;
          const reason =
            blocked.status === 'failed'
              ? `parent ${blocked.name} failed`
              : `parent ${blocked.name} was skipped (${cause} failed)`;
          outcomes.set(node.name, { name: node.name, status: 'skipped', reason, cause });
          pending.splice(pending.indexOf(node), 1);
          changed = true;
        }
      }
      for (const node of [...pending]) {
        if (heavy >= concurrency && !node.light) continue;
        const parents = node.parents.map((parent) => outcomes.get(parent));
        if (!parents.every((outcome) => outcome?.status === 'done')) continue;
        pending.splice(pending.indexOf(node), 1);
        running++;
        if (!node.light) heavy++;
        const values = new Map(
          parents.map((outcome) => {
            const done = outcome as { name: string; value: T };
            return [done.name, done.value] as const;
          }),
        );
        // A synchronous throw becomes a rejection, so it is an outcome like any other failure.
        Promise.resolve()
          .then(() => run(node.name, values))
          .then(
            (value) => outcomes.set(node.name, { name: node.name, status: 'done', value }),
            (error: unknown) => outcomes.set(node.name, { name: node.name, status: 'failed', error }),
          )
          .finally(() => {
            running--;
            if (!node.light) heavy--;
            settle();
          });
      }
      if (running > 0) return;
      if (pending.length === 0) resolve(nodes.map((node) => outcomes.get(node.name) as NodeOutcome<T>));
      // Nothing runs and nothing can start: the parents form a cycle (orderGraph refuses those first).
      else reject(new Error(`the nodes ${pending.map((node) => node.name).join(', ')} depend on each other`));
    };
    settle();
  });
}
