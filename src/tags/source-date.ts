import { InputError } from '../util/errors.js';

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org: seconds since 1970) pins `org.opencontainers.image.created`
 * and BUILD_TIMESTAMP. Without it every build differs in those two values, so a re-run can never
 * produce the image it already published (which an IMMUTABLE registry then refuses to re-tag).
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const text = env.SOURCE_DATE_EPOCH?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new InputError('SOURCE_DATE_EPOCH', `"${text}" is not a whole number of seconds since 1970`);
  }
  return new Date(Number(text) * 1000);
}
