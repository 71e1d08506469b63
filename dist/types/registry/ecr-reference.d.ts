/** AWS partitions ECR runs in; the China partition has its own domain. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';
interface ImagePointer {
    /** Repository name inside the registry (for ECR Public: without the alias). */
    repository: string;
    tag?: string;
    digest?: string;
}
export interface EcrPrivateReference extends ImagePointer {
    kind: 'private';
    /** Registry host, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
    registry: string;
    accountId: string;
    region: string;
    partition: AwsPartition;
    fips: boolean;
    /** `<acct>.dkr-ecr.<region>.on.aws` (IPv4 + IPv6 endpoint). */
    dualStack: boolean;
}
export interface EcrPublicReference extends ImagePointer {
    kind: 'public';
    registry: 'public.ecr.aws';
    /** Registry alias: the first path segment of `public.ecr.aws/<alias>/<repository>`. */
    alias: string;
    /** ECR Public's API lives only in us-east-1, wherever the user's other resources are. */
    region: 'us-east-1';
    partition: 'aws';
}
export type EcrReference = EcrPrivateReference | EcrPublicReference;
/** True when `host` (no scheme, no path) is a private or public ECR registry. */
export declare function isEcrRegistry(host: string): boolean;
/** Why a repository name is not valid for ECR, or undefined when it is. */
export declare function ecrRepositoryNameProblem(name: string): string | undefined;
/**
 * Recognises an ECR image reference (`host/repository[:tag][@digest]`). Returns undefined when the
 * host is not ECR, so callers can treat other registries normally; throws InputError when the host is
 * ECR but the rest cannot be pushed there.
 */
export declare function parseEcrReference(reference: string, input?: string): EcrReference | undefined;
/** The registry/repository string docker uses for this reference (no tag or digest). */
export declare function ecrRepositoryUri(reference: EcrReference): string;
export {};
