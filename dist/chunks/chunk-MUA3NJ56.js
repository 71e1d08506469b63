import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  computeMetadata,
  loadEngineLibs,
  resolveRunContext,
  sourceDateEpoch
} from "./chunk-IWQOLGT7.js";
import {
  silentLogger
} from "./chunk-DSVLZ5QC.js";

// src/github/octokit.ts
async function createOctokit(options) {
  let { getOctokit } = await import("./github-UVUWIT3O.js"), octokit = getOctokit(options.token, { baseUrl: options.apiUrl || "https://api.github.com" }), timeout = options.requestTimeoutMs;
  return timeout !== void 0 && octokit.hook.before("request", (endpoint) => {
    endpoint.request = { ...endpoint.request, signal: AbortSignal.timeout(timeout) };
  }), octokit;
}

// src/github/repository.ts
function octokitRepository(options) {
  let octokit = () => createOctokit(options);
  return {
    async getRepo() {
      let { data } = await (await octokit()).rest.repos.get({ owner: options.owner, repo: options.repo });
      return {
        name: data.name,
        description: data.description,
        html_url: data.html_url,
        default_branch: data.default_branch,
        license: data.license ? { spdx_id: data.license.spdx_id ?? null } : null
      };
    },
    async getCommitDate(sha) {
      let { data } = await (await octokit()).rest.repos.getCommit({
        owner: options.owner,
        repo: options.repo,
        ref: sha
      }), date = data.commit.committer?.date;
      return date ? new Date(date) : void 0;
    }
  };
}
function repoInfoFromPayload(payload, fallbackName = "") {
  let repository = payload.repository ?? {};
  return {
    name: repository.name ?? fallbackName,
    description: repository.description ?? null,
    html_url: repository.html_url ?? "",
    default_branch: repository.default_branch ?? "",
    license: repository.license ? { spdx_id: repository.license.spdx_id ?? null } : null
  };
}

// src/github/issue-comments.ts
var PER_PAGE = 100;
function toIssueComment(data) {
  return {
    id: Number(data.id),
    body: data.body ?? "",
    user: data.user ? { login: data.user.login, type: data.user.type } : null,
    authorAssociation: data.author_association,
    htmlUrl: data.html_url
  };
}
function commentsApi(octokit) {
  return {
    async *listCommentPages(issue) {
      let client = await octokit(), pages = client.paginate.iterator(client.rest.issues.listComments, {
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        per_page: PER_PAGE
      });
      for await (let page of pages) yield page.data.map(toIssueComment);
    },
    async createComment(issue, body) {
      let { data } = await (await octokit()).rest.issues.createComment({
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        body
      });
      return toIssueComment(data);
    },
    async updateComment(issue, commentId, body) {
      let { data } = await (await octokit()).rest.issues.updateComment({
        owner: issue.owner,
        repo: issue.repo,
        comment_id: commentId,
        body
      });
      return toIssueComment(data);
    }
  };
}
var COMMENT_REQUEST_TIMEOUT_MS = 3e4;
function githubIssueComments(options) {
  let octokit;
  return commentsApi(
    () => octokit ??= createOctokit({ requestTimeoutMs: COMMENT_REQUEST_TIMEOUT_MS, ...options })
  );
}

// src/github/sticky-comment.ts
var GITHUB_COMMENT_MAX_CHARS = 65536, CommentTooLongError = class extends Error {
  length;
  constructor(label, length) {
    super(
      `the pull request comment for ${label} is ${length.toLocaleString("en-US")} characters; GitHub accepts at most ${GITHUB_COMMENT_MAX_CHARS.toLocaleString("en-US")} (the comment must be condensed before it is posted)`
    ), this.name = "CommentTooLongError", this.length = length;
  }
}, TRUSTED_ASSOCIATIONS = /* @__PURE__ */ new Set(["OWNER", "MEMBER", "COLLABORATOR"]);
function checkMarker(marker) {
  if (!/^<!--(?:(?!-->)[^\r\n])+-->$/.test(marker))
    throw new Error(
      `sticky comment marker must be one HTML comment on one line, got ${JSON.stringify(marker)}`
    );
  return marker;
}
function stickyCommentBody(marker, body) {
  return checkMarker(marker), firstLine(body) === marker ? body : `${marker}
${body}`;
}
function firstLine(text) {
  let end = text.search(/\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).trim();
}
function isOwnComment(comment, marker, author) {
  return firstLine(comment.body) !== marker || !comment.user ? !1 : author !== void 0 ? comment.user.login === author : comment.user.type === "Bot" || TRUSTED_ASSOCIATIONS.has(comment.authorAssociation ?? "");
}
async function findOwnComments(api, issue, markers, author, maxPages) {
  let found = /* @__PURE__ */ new Map(), pages = 0;
  for await (let page of api.listCommentPages(issue)) {
    for (let comment of page) {
      let marker = markers.find((m) => !found.has(m) && isOwnComment(comment, m, author));
      marker && found.set(marker, comment);
    }
    if (found.size === markers.length) return { found, complete: !0 };
    if (++pages >= maxPages) return { found, complete: !1 };
  }
  return { found, complete: !0 };
}
function statusOf(error) {
  let status = error?.status;
  return typeof status == "number" ? status : void 0;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
function isPermissionDenied(error) {
  return statusOf(error) === 403 && /Resource not accessible by/i.test(messageOf(error));
}
function isRetryable(error) {
  let status = statusOf(error);
  return status !== void 0 && (status >= 500 || status === 429);
}
async function write(api, issue, comment, existing, logger) {
  if (existing && existing.body === comment.body)
    return logger.info(`The pull request comment for ${comment.label} is up to date: ${existing.htmlUrl}`), { marker: comment.marker, status: "unchanged", commentId: existing.id, url: existing.htmlUrl };
  if (existing) {
    let updated = await api.updateComment(issue, existing.id, comment.body);
    return logger.info(`Updated the pull request comment for ${comment.label}: ${updated.htmlUrl}`), { marker: comment.marker, status: "updated", commentId: updated.id, url: updated.htmlUrl };
  }
  let created = await api.createComment(issue, comment.body);
  return logger.info(`Commented on pull request #${issue.issueNumber} for ${comment.label}: ${created.htmlUrl}`), { marker: comment.marker, status: "created", commentId: created.id, url: created.htmlUrl };
}
async function upsertStickyComments(api, issue, comments, options = {}) {
  let logger = options.logger ?? silentLogger, sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))), attempts = Math.max(1, options.attempts ?? 3), maxPages = Math.max(1, options.maxPages ?? 100), prepared = comments.map((c) => ({
    marker: c.marker,
    label: c.label ?? c.marker,
    body: stickyCommentBody(c.marker, c.body)
  })), markers = prepared.map((p) => p.marker), repeated = markers.find((m, i) => markers.indexOf(m) !== i);
  if (repeated) throw new Error(`two sticky comments share the marker ${repeated}`);
  for (let p of prepared)
    if (p.body.length > GITHUB_COMMENT_MAX_CHARS) throw new CommentTooLongError(p.label, p.body.length);
  let results = /* @__PURE__ */ new Map(), settle = (status, reason) => {
    for (let p of prepared)
      results.has(p.marker) || results.set(p.marker, { marker: p.marker, status, reason });
  };
  for (let attempt = 1; ; attempt++) {
    let pending = prepared.filter((p) => !results.has(p.marker));
    if (pending.length === 0) break;
    try {
      let scan = await findOwnComments(
        api,
        issue,
        pending.map((p) => p.marker),
        options.author,
        maxPages
      );
      for (let p of pending) {
        let existing = scan.found.get(p.marker);
        if (!existing && !scan.complete) {
          let reason = `not found in the first ${maxPages} pages of comments; not creating a second one`;
          logger.warning(`Skipped the pull request comment for ${p.label}: ${reason}`), results.set(p.marker, { marker: p.marker, status: "failed", reason });
          continue;
        }
        results.set(p.marker, await write(api, issue, p, existing, logger));
      }
    } catch (error) {
      let reason = `GitHub answered ${statusOf(error) ?? "with an error"}: ${messageOf(error)}`;
      if (isPermissionDenied(error)) {
        logger.notice(
          `Skipped the pull request comment on #${issue.issueNumber}: the token may not write to it (${reason}). Pull requests from forks get a read-only GITHUB_TOKEN; elsewhere grant \`permissions: pull-requests: write\`. The job summary has the report.`
        ), settle("skipped", reason);
        break;
      }
      if (isRetryable(error) && attempt < attempts) {
        logger.debug(`Pull request comment, try ${attempt} of ${attempts}: ${reason}; trying again`), await sleep(1e3 * 3 ** (attempt - 1));
        continue;
      }
      logger.warning(`Could not write the pull request comment on #${issue.issueNumber} (${reason}).`), settle("failed", reason);
      break;
    }
  }
  return prepared.map((p) => results.get(p.marker));
}

// src/github/comment-target.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function pullRequestCommentTarget(input) {
  if (!input.enabled) return { comment: !1, reason: "pull request comments are turned off" };
  if (!PULL_REQUEST_EVENTS.has(input.eventName))
    return { comment: !1, reason: `the event is ${input.eventName || "unknown"}, not a pull request` };
  let pull = input.payload.pull_request ?? void 0, number = pull?.number ?? input.payload.number;
  if (typeof number != "number" || !Number.isSafeInteger(number) || number < 1)
    return { comment: !1, reason: `the ${input.eventName} event payload has no pull request number` };
  if (!input.token) return { comment: !1, reason: "no GitHub token" };
  let [owner, repo, ...rest] = (input.repository ?? "").split("/");
  if (!owner || !repo || rest.length > 0)
    return {
      comment: !1,
      reason: `GITHUB_REPOSITORY is ${input.repository ? `"${input.repository}"` : "not set"}, not owner/repo`
    };
  let head = pull?.head?.repo?.full_name, base = pull?.base?.repo?.full_name ?? input.repository, fromFork = pull?.head !== void 0 && head !== base;
  return { comment: !0, issue: { owner, repo, issueNumber: number }, fromFork };
}

// src/pipeline/tags.ts
function createRunTagsCache() {
  return { contexts: /* @__PURE__ */ new Map(), repoInfo: /* @__PURE__ */ new Map() };
}
function once(cache, key, make) {
  if (!cache) return make();
  let value = cache.get(key);
  return value || (value = make(), cache.set(key, value), value.catch(() => cache.delete(key))), value;
}
async function fetchRepoInfo(context, github, logger) {
  if (!github) return repoInfoFromPayload(context.payload, context.repo.repo);
  try {
    return await github.getRepo();
  } catch (error) {
    return logger.warning(
      `Cannot read repository data from the GitHub API (${error.message}); using the event payload`
    ), repoInfoFromPayload(context.payload, context.repo.repo);
  }
}
async function computeRunTags(inputs, deps) {
  let { env, logger } = deps, token = inputs.githubToken;
  token && logger.setSecret(token);
  let [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/"), github = token && owner && repo ? octokitRepository({ token, apiUrl: env.GITHUB_API_URL, owner, repo }) : void 0, key = `${inputs.context}\0${deps.cwd ?? ""}\0${github ? token : ""}`, context = await once(
    deps.tagsCache?.contexts,
    key,
    () => resolveRunContext(inputs.context, env, deps.runner, {
      cwd: deps.cwd,
      lookupCommitDate: github ? (sha) => github.getCommitDate(sha) : void 0
    })
  ), warnings = [], collect = { warning: (message) => {
    warnings.push(message);
  } }, fetched = await once(deps.tagsCache?.repoInfo, key, async () => ({
    info: await fetchRepoInfo(context, github, collect),
    warnings
  }));
  for (let message of fetched.warnings) logger.warning(message);
  let repoInfo = fetched.info, libs = await loadEngineLibs(inputs);
  return { metadata: computeMetadata(inputs, context, repoInfo, {
    now: deps.now ?? /* @__PURE__ */ new Date(),
    created: sourceDateEpoch(env),
    logger,
    libs
  }), context };
}

export {
  githubIssueComments,
  upsertStickyComments,
  pullRequestCommentTarget,
  createRunTagsCache,
  fetchRepoInfo,
  computeRunTags
};
