import type { Flavor, TagEntry } from './types.js';
/**
 * What metadata-action accepts silently but is almost always a typo: an attribute the tag type does
 * not read (`sufix=-dev`), a `{{placeholder}}` that renders empty. The outputs stay metadata-action's;
 * these only become warnings in the log.
 */
export declare function tagInputWarnings(entries: readonly TagEntry[], flavor: Flavor, keyValues: {
    labels: readonly string[];
    annotations: readonly string[];
}): string[];
