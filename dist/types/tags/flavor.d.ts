import type { ListItem } from '../util/input-list.js';
import type { Flavor } from './types.js';
/** Parses the `flavor` input: `latest=auto|true|false`, `prefix=X[,onlatest=true]`, `suffix=X[,onlatest=true]`. */
export declare function parseFlavor(lines: readonly ListItem[]): Flavor;
