import { InvalidReferenceError, parseReference } from '../registry/reference.js';
import { InputError } from '../util/errors.js';

/**
 * Image names per environment (`rag-worker-{env}`) and a default registry for names without one
 * (the teams' `--registry <ECR URI>`). `{env}` is the only placeholder: single braces, so it cannot be
 * mistaken for a metadata-action `{{expression}}`, which image names do not take.
 */
const PLACEHOLDER = /\{([^{}\n]*)\}/g;

/** Replaces `{env}` in an image input's text; any other `{…}` is an error naming the line. */
export function expandImageTemplate(text: string, input: string, environment: string | undefined): string {
  return text.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    const line = text.slice(0, offset).split('\n').length;
    if (name.trim() !== 'env') {
      throw new InputError(
        input,
        `unknown placeholder "${match}" in an image name; the one placeholder is {env}`,
        {
          line,
        },
      );
    }
    if (environment === undefined) {
      throw new InputError(input, `"{env}" needs an environment (environment input, or --env)`, { line });
    }
    return environment;
  });
}

/**
 * The `registry` input: a host (with port) and optionally a path (`ghcr.io/acme`), without scheme,
 * tag or digest. Empty means none.
 */
export function parseRegistry(text: string): string | undefined {
  const registry = text.trim().replace(/\/+$/, '');
  if (!registry) return undefined;
  const fail = (detail: string): never => {
    throw new InputError('registry', detail);
  };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry)) {
    fail(
      `"${registry}" has a scheme; give the host alone (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com)`,
    );
  }
  let parsed;
  try {
    parsed = parseReference(`${registry}/image`);
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    return fail(
      `"${registry}" is not a registry: ${error.message.replace(/^invalid image reference "[^"]*": /, '')}`,
    );
  }
  if (parsed.tag || parsed.digest || !hasRegistry(`${registry}/image`)) {
    fail(
      `"${registry}" is not a registry host (a name with a "." or ":", or localhost), optionally with a path`,
    );
  }
  return registry;
}

/** `name` under `registry` when the name has no registry of its own (Docker's rule for the first component). */
export function withDefaultRegistry(name: string, registry: string | undefined): string {
  return registry && !hasRegistry(name) ? `${registry}/${name}` : name;
}

/** As src/registry/reference.ts reads a name: a first component with `.` or `:`, or `localhost`, is a host. */
function hasRegistry(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash < 0) return false;
  const first = name.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost';
}
