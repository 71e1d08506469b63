import type { MetadataInputs } from './types.js';
/** Every text of the inputs that is rendered as an expression (to decide whether dates are needed). */
export declare function inputTemplates(inputs: MetadataInputs): string[];
