/** Compares dotted versions numerically; true when `version` >= `minimum`. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.+~-]/).map((part) => Number.parseInt(part, 10) || 0);
  const b = minimum.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < b.length; i++) {
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  }
  return true;
}
