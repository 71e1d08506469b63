export type { GitHubApiOptions, GitHubRepository } from './repository.js';
export { octokitRepository, repoInfoFromPayload } from './repository.js';
