/** The digest `docker push` reports: `1.0: digest: sha256:… size: 1234`. */
export function parsePushDigest(output: string, tag?: string): string | undefined {
  const lines = output.split(/\r?\n/).filter((line) => /: digest: sha256:[0-9a-f]{64}/.test(line));
  const line =
    (tag ? lines.find((candidate) => candidate.startsWith(`${tag}: `)) : undefined) ??
    lines[lines.length - 1];
  return line ? /(sha256:[0-9a-f]{64})/.exec(line)?.[1] : undefined;
}

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
