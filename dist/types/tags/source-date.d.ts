/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org: seconds since 1970) pins `org.opencontainers.image.created`
 * and BUILD_TIMESTAMP. Without it every build differs in those two values, so a re-run can never
 * produce the image it already published (which an IMMUTABLE registry then refuses to re-tag).
 */
export declare function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined;
