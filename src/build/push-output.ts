/** Splits `registry/repo:tag` (or `@digest`) into the repository and the tag. */
export function splitImageRef(ref: string): { repository: string; tag?: string } {
  const at = ref.indexOf('@');
  const withoutDigest = at < 0 ? ref : ref.slice(0, at);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > slash)
    return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
  return { repository: withoutDigest };
}
