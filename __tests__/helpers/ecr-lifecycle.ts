import { invalidParameter, type EcrFault } from './ecr-protocol.js';

/**
 * ECR's check of a lifecycle policy (PutLifecyclePolicy): the text is JSON of the documented shape, or
 * the call fails with InvalidParameterException "Lifecycle policy validation failure: …", as ECR answers.
 */
export function lifecyclePolicyProblem(text: unknown): EcrFault | undefined {
  const fail = (detail: string) =>
    invalidParameter('LifecyclePolicyText', `Lifecycle policy validation failure: ${detail}`);
  if (typeof text !== 'string' || text.length < 100 || text.length > 30720) {
    return invalidParameter('lifecyclePolicyText', 'Member must have length between 100 and 30720');
  }
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (error) {
    return fail(`Could not parse the policy as JSON: ${(error as Error).message}`);
  }
  const rules = (policy as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules) || rules.length === 0)
    return fail('object has missing required properties (["rules"])');
  const priorities = new Set<unknown>();
  for (const [index, rule] of (rules as Record<string, unknown>[]).entries()) {
    const at = `/rules/${index}`;
    if (!Number.isInteger(rule?.rulePriority) || (rule.rulePriority as number) < 1) {
      return fail(`${at}/rulePriority must be a positive integer`);
    }
    if (priorities.has(rule.rulePriority))
      return fail(`rulePriority ${String(rule.rulePriority)} is used twice`);
    priorities.add(rule.rulePriority);
    const selection = rule.selection as Record<string, unknown> | undefined;
    if (!selection) return fail(`${at} has missing required properties (["selection"])`);
    if (!['tagged', 'untagged', 'any'].includes(String(selection.tagStatus))) {
      return fail(`${at}/selection/tagStatus must be one of tagged, untagged, any`);
    }
    const tagLists = [selection.tagPrefixList, selection.tagPatternList].filter(Array.isArray);
    if (selection.tagStatus === 'tagged' && !tagLists.some((list) => (list as unknown[]).length > 0)) {
      return fail(`${at}/selection: tagged rules need tagPrefixList or tagPatternList`);
    }
    const countType = String(selection.countType);
    if (!['imageCountMoreThan', 'sinceImagePushed'].includes(countType)) {
      return fail(`${at}/selection/countType must be imageCountMoreThan or sinceImagePushed`);
    }
    if (!Number.isInteger(selection.countNumber) || (selection.countNumber as number) < 1) {
      return fail(`${at}/selection/countNumber must be a positive integer`);
    }
    if ((countType === 'sinceImagePushed') !== (selection.countUnit === 'days')) {
      return fail(`${at}/selection/countUnit must be "days" for sinceImagePushed and absent otherwise`);
    }
    if ((rule.action as { type?: unknown } | undefined)?.type !== 'expire') {
      return fail(`${at}/action/type must be "expire"`);
    }
  }
  return undefined;
}
