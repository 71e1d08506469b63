import type { MetadataInputs } from './types.js';

/** Every text of the inputs that is rendered as an expression (to decide whether dates are needed). */
export function inputTemplates(inputs: MetadataInputs): string[] {
  return [
    ...inputs.tags.flatMap((entry) => Object.values(entry.attrs)),
    inputs.flavor.prefix,
    inputs.flavor.suffix,
    ...inputs.labels,
    ...inputs.annotations,
  ];
}
