/** ECR's storage price, USD per GB-month (AWS bills storage GB as 2^30 bytes). */
export const ECR_PRICE_PER_GB_MONTH = 0.1;

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
export function monthlyStorageCost(bytes: number, pricePerGbMonth = ECR_PRICE_PER_GB_MONTH): StorageCost {
  return { bytes, pricePerGbMonth, monthlyUsd: (bytes / 1024 ** 3) * pricePerGbMonth };
}

export function formatUsd(amount: number): string {
  return amount > 0 && amount < 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`;
}
