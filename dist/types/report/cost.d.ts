/** ECR's storage price, USD per GB-month (AWS bills storage GB as 2^30 bytes). */
export declare const ECR_PRICE_PER_GB_MONTH = 0.1;
export interface StorageCost {
    /** The compressed bytes the registry stores for this image. */
    bytes: number;
    pricePerGbMonth: number;
    monthlyUsd: number;
}
/**
 * What storing the image costs a month. An upper bound: a registry stores a layer once, so layers
 * shared with other images in the repository (the base's, usually) are paid for once.
 */
export declare function monthlyStorageCost(bytes: number, pricePerGbMonth?: number): StorageCost;
export declare function formatUsd(amount: number): string;
