import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(join(root, 'docs/workflows.md'), 'utf8');
interface Step {
  uses?: string;
  run?: string;
  id?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** Every ```yaml block of the page that is a workflow, by the file name its first comment gives. */
const workflows = [...doc.matchAll(/```yaml\n# \.github\/workflows\/(\S+)\n([\s\S]*?)```/g)].map(
  ([, file, text]) => ({ file, workflow: parse(text) as Workflow }),
);
const byName = (name: string) => {
  const found = workflows.find(({ workflow }) => workflow.name === name);
  if (!found) throw new Error(`docs/workflows.md has no workflow named "${name}"`);
  return found.workflow;
};
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const ours = (workflow: Workflow) => steps(workflow).filter((step) => step.uses === 'org/image-build@v1');

describe('docs/workflows.md', () => {
  it('has the five workflows, each a complete one', () => {
    expect(workflows.map(({ workflow }) => workflow.name)).toEqual([
      'image',
      'pull request image',
      'image',
      'image (ECR)',
      'platform images',
    ]);
    for (const { workflow } of workflows) {
      expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
      expect(workflow.permissions.contents).toBe('read');
      for (const job of Object.values(workflow.jobs)) {
        expect(job.steps[0].uses).toBe('actions/checkout@v4');
      }
    }
  });

  // Their inputs are checked with every YAML block of the docs: __tests__/docs/yaml-examples.test.ts.
  it("gives org/image-build no expression but the repository name and a matrix job's image", () => {
    const used = workflows.flatMap(({ workflow }) => ours(workflow));
    expect(used.length).toBe(8);
    for (const step of used) {
      // As the runner renders them for acme/app (an input is a value, never a script).
      const render = (value: unknown) =>
        String(value)
          .replace(/\$\{\{\s*github\.repository\s*\}\}/g, 'acme/app')
          .replace(/\$\{\{\s*matrix\.image\s*\}\}/g, 'base-runtime');
      expect(
        Object.values(step.with ?? {})
          .map(render)
          .join('\n'),
      ).not.toContain('${{');
    }
  });

  it('the pull request one: no push, the comment, and the permission it needs', () => {
    const workflow = byName('pull request image');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions['pull-requests']).toBe('write');
    expect(ours(workflow)[0].with).toMatchObject({ push: false, comment: true });
  });

  it('the release one: main and releases with the same rules, type=sha for the reuse, semver without value=', () => {
    const [, workflow] = workflows.filter(({ workflow: w }) => w.name === 'image').map((w) => w.workflow);
    expect(workflow.on).toMatchObject({
      push: { branches: ['main'] },
      release: { types: ['published'] },
      workflow_dispatch: { inputs: { version: { required: true } } },
    });
    const step = ours(workflow)[0];
    const tags = String(step.with?.tags).trim().split('\n');
    expect(tags).toContain('type=sha');
    expect(tags).toContain('type=semver,pattern={{version}}');
    expect(tags.filter((tag) => tag.startsWith('type=semver')).every((tag) => !tag.includes('value='))).toBe(
      true,
    );
    expect(step.with).toMatchObject({ push: true, 'reuse-commit': 'auto', 'release-annotations': true });
  });

  it('the ECR one: OIDC (id-token: write) and configure-aws-credentials with a role before the build', () => {
    const workflow = byName('image (ECR)');
    expect(workflow.permissions['id-token']).toBe('write');
    const all = steps(workflow);
    const aws = all.findIndex((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(aws).toBeGreaterThan(0);
    expect(all[aws].with).toMatchObject({
      'role-to-assume': expect.stringMatching(/^arn:aws:iam::\d{12}:role\//) as string,
      'aws-region': 'eu-west-1',
    });
    expect(all.indexOf(ours(workflow)[0])).toBeGreaterThan(aws);
    expect(String(ours(workflow)[0].with?.images)).toMatch(/^\d{12}\.dkr\.ecr\.eu-west-1\.amazonaws\.com\//);
    expect(all.some((step) => step.with && 'aws-access-key-id' in step.with)).toBe(false);
  });

  it('the graph one: the action plans (plan: true) → one matrix job per level, each image built with only:, parents first', () => {
    const workflow = byName('platform images');
    const { plan, ...levels } = workflow.jobs;
    expect(workflow.env).toBeUndefined();
    // No npx, no shell: the action itself plans and builds.
    expect(steps(workflow).filter((step) => step.run)).toEqual([]);
    const planStep = plan.steps.find((step) => step.id === 'plan');
    expect(planStep?.uses).toBe('org/image-build@v1');
    expect(planStep?.with).toMatchObject({ 'images-file': 'image-build.yml', plan: true, push: true });
    expect(plan.outputs?.plan).toBe('${{ steps.plan.outputs.plan }}');
    expect(Object.keys(levels)).toEqual(['level0', 'level1', 'level2']);
    Object.values(levels).forEach((job, index) => {
      const level = `fromJSON(needs.plan.outputs.plan).levels[${index}]`;
      expect(job.strategy?.matrix?.image).toBe(`\${{ ${level} }}`);
      expect([job.needs].flat()).toEqual(index === 0 ? ['plan'] : ['plan', `level${index - 1}`]);
      expect(job.if).toContain(`${level} != null`);
      const build = job.steps.at(-1) as Step;
      expect(build.uses).toBe('org/image-build@v1');
      expect(build.with).toMatchObject({
        'images-file': 'image-build.yml',
        only: '${{ matrix.image }}',
        push: true,
      });
      expect(build.with).not.toHaveProperty('plan');
    });
  });
});
