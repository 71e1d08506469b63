import type { TagType } from '../types.js';
import { edgeTag } from './edge.js';
import { matchTag } from './match.js';
import { pep440Tag } from './pep440.js';
import { rawTag } from './raw.js';
import { refTag } from './ref.js';
import { scheduleTag } from './schedule.js';
import { semverTag } from './semver.js';
import { shaTag } from './sha.js';
import type { TagTypeEvaluator } from './tag-type.js';

export type { TagCandidate, TagTypeEnv, TagTypeEvaluator } from './tag-type.js';

/** Every tag type behind the one interface. */
export const TAG_TYPE_EVALUATORS: Record<TagType, TagTypeEvaluator> = {
  schedule: scheduleTag,
  semver: semverTag,
  pep440: pep440Tag,
  match: matchTag,
  edge: edgeTag,
  ref: refTag,
  raw: rawTag,
  sha: shaTag,
};
