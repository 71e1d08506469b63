import {
  DescribeImageScanFindingsCommand,
  ScanNotFoundException,
  type ECRClient,
  type FindingSeverity,
  type ScanStatus,
} from '@aws-sdk/client-ecr';
import type { Logger } from '../util/log.js';

export interface WaitForScanOptions {
  client: ECRClient;
  logger: Logger;
  repository: string;
  digest: string;
  registryId?: string;
  /** Upper bound on the wait; the result says TIMED_OUT rather than failing the build. */
  timeoutSeconds: number;
  pollSeconds?: number;
  /** Clock and sleep are passed in so tests need not wait in real time. */
  now?: () => number;
  sleep?: (milliseconds: number) => Promise<void>;
}

export type ScanSeverityCounts = Record<FindingSeverity, number>;

export interface ScanFindingsResult {
  repository: string;
  digest: string;
  /** ECR's scan status, or TIMED_OUT when the bound ran out first. */
  status: ScanStatus | 'TIMED_OUT';
  description?: string;
  counts: ScanSeverityCounts;
  total: number;
  completedAt?: string;
}

/** Statuses after which waiting longer cannot change the answer. */
const FINAL: ReadonlySet<string> = new Set([
  'COMPLETE',
  'ACTIVE',
  'FAILED',
  'UNSUPPORTED_IMAGE',
  'FINDINGS_UNAVAILABLE',
  'SCAN_ELIGIBILITY_EXPIRED',
  'LIMIT_EXCEEDED',
  'IMAGE_ARCHIVED',
]);

export function emptySeverityCounts(): ScanSeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 };
}

/** Polls DescribeImageScanFindings until the scan-on-push scan is final or the bound runs out. */
export async function waitForScanFindings(options: WaitForScanOptions): Promise<ScanFindingsResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = (options.pollSeconds ?? 5) * 1000;
  const deadline = now() + options.timeoutSeconds * 1000;
  const base = { repository: options.repository, digest: options.digest };
  let last: Omit<ScanFindingsResult, 'repository' | 'digest'> = {
    status: 'TIMED_OUT',
    counts: emptySeverityCounts(),
    total: 0,
  };

  for (;;) {
    try {
      const response = await options.client.send(
        new DescribeImageScanFindingsCommand({
          ...(options.registryId !== undefined && { registryId: options.registryId }),
          repositoryName: options.repository,
          imageId: { imageDigest: options.digest },
          maxResults: 1,
        }),
      );
      const status = response.imageScanStatus?.status;
      const counts = { ...emptySeverityCounts(), ...response.imageScanFindings?.findingSeverityCounts };
      last = {
        status: 'TIMED_OUT',
        ...(status && { description: `last status ${status}` }),
        counts,
        total: Object.values(counts).reduce((sum, count) => sum + count, 0),
      };
      if (status && FINAL.has(status)) {
        const completedAt = response.imageScanFindings?.imageScanCompletedAt;
        const description = response.imageScanStatus?.description;
        return {
          ...base,
          status,
          counts: last.counts,
          total: last.total,
          ...(description !== undefined && { description }),
          ...(completedAt && { completedAt: completedAt.toISOString() }),
        };
      }
    } catch (error) {
      // The scan record appears a moment after the push; until then there is nothing to read.
      if (!(error instanceof ScanNotFoundException)) throw error;
    }
    const remaining = deadline - now();
    if (remaining <= 0) break;
    await sleep(Math.min(pollMs, remaining));
  }
  options.logger.warning(
    `ECR scan of ${options.repository}@${options.digest} did not finish within ${options.timeoutSeconds}s`,
  );
  return { ...base, ...last };
}
