import { type ECRClient } from '@aws-sdk/client-ecr';
/** What ECR knows about a pushed image, for the report (USERS.md #1 writes this table by hand). */
export interface EcrImageDetails {
    repository: string;
    digest: string;
    tags: string[];
    /** Compressed size of the layers as ECR stores them. */
    sizeBytes?: number;
    pushedAt?: string;
    mediaType?: string;
}
export interface DescribeEcrImageOptions {
    client: ECRClient;
    repository: string;
    /** A digest (`sha256:…`) or a tag. */
    reference: string;
    registryId?: string;
}
/** DescribeImages for one image; undefined when ECR has no such image. */
export declare function describeEcrImage(options: DescribeEcrImageOptions): Promise<EcrImageDetails | undefined>;
