import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildImageReport,
  readDockerSave,
  renderReportJson,
  unavailableImageModel,
} from '../../../src/report/index.js';
import { dockerSave, tarOf } from '../helpers/image-tar.js';
import { fixtureReport } from '../helpers/fixture-report.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'ib-report-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectValid(json: string) {
  const valid = validate(JSON.parse(json));
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

describe('JSON report', () => {
  it('validates against docs/report.schema.json: a full report with every section', () => {
    expectValid(renderReportJson(fixtureReport()));
  });

  it('validates for an image read from a docker save tarball, and for one that could not be read', async () => {
    const path = join(dir, 'image.tar');
    writeFileSync(
      path,
      await dockerSave({
        layers: [await tarOf([{ name: 'bin/app', bytes: 5000 }]), await tarOf([{ name: '.wh.bin' }])],
      }),
    );
    const { model, contents } = await readDockerSave(path);
    expectValid(
      renderReportJson([
        buildImageReport({ model, contents }),
        buildImageReport({ model: unavailableImageModel('app') }),
      ]),
    );
  });

  it('the schema is strict: a field it does not document fails validation', () => {
    const document = JSON.parse(renderReportJson(fixtureReport()));
    document.images[0].layers[0].surprise = 1;
    expect(validate(document)).toBe(false);
  });

  it('round-trips: the file holds exactly the report', () => {
    const report = fixtureReport();
    expect(JSON.parse(renderReportJson(report))).toEqual({
      schemaVersion: 1,
      generator: 'image-build',
      images: [JSON.parse(JSON.stringify(report))],
    });
  });
});
