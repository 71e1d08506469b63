import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);

// src/ecr/login.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function ecrLogin(options) {
  let { client, runner, logger } = options, [{ GetAuthorizationTokenCommand }, { checkEcrCredentials }] = await Promise.all([
    import("./dist-cjs-EHRPDLF3.js"),
    import("./client-RK6EPWBG.js")
  ]);
  await checkEcrCredentials(client);
  let issued = ((await client.send(
    new GetAuthorizationTokenCommand(options.registryIds?.length ? { registryIds: options.registryIds } : {})
  )).authorizationData ?? []).map((data) => decodeAuthorization(data, logger));
  if (issued.length === 0) throw new Error("ECR GetAuthorizationToken returned no authorization data");
  let tokens = options.registries?.length ? options.registries.map((host) => tokenFor(host, issued)) : issued, ownsDir = options.dockerConfig === void 0, dockerConfig = options.dockerConfig ?? mkdtempSync(join(options.tempRoot ?? process.env.RUNNER_TEMP ?? tmpdir(), "ib-ecr-docker-")), docker = options.docker ?? DEFAULT_DOCKER;
  try {
    let inherited = ownsDir && options.inheritConfigFrom && join(options.inheritConfigFrom, "config.json");
    if (inherited && existsSync(inherited)) {
      let config = withoutCredentialStores(
        readFileSync(inherited, "utf8"),
        tokens.map((token) => token.registry)
      );
      writeFileSync(join(dockerConfig, "config.json"), config, { mode: 384 });
    }
    ownsDir && options.inheritConfigFrom && linkDockerState(options.inheritConfigFrom, dockerConfig);
    let env = { ...options.env ?? process.env, DOCKER_CONFIG: dockerConfig };
    for (let token of tokens) {
      let args = ["--config", dockerConfig, "login", "--username", token.username, "--password-stdin"], result = await runDocker(runner, docker, [...args, token.registry], {
        env,
        input: token.password
      });
      if (result.exitCode !== 0) {
        let detail = result.stderr.split(token.password).join("***").trim();
        throw new Error(`docker login to ${token.registry} failed (exit ${result.exitCode}): ${detail}`);
      }
      logger.info(`Logged in to ${token.registry}`);
    }
  } catch (error) {
    throw ownsDir && rmSync(dockerConfig, { recursive: !0, force: !0 }), error;
  }
  let expiry = tokens.map((token) => token.expiresAt).find((date) => date !== void 0);
  return {
    dockerConfig,
    docker,
    registries: tokens.map((token) => token.registry),
    ...expiry && { expiresAt: expiry.toISOString() }
  };
}
var DEFAULT_DOCKER = "docker";
async function runDocker(runner, docker, args, options) {
  try {
    return await runner.run(docker, args, options);
  } catch (error) {
    throw new Error(`could not run the docker client ${docker}: ${error.message}`);
  }
}
function linkDockerState(from, to) {
  for (let entry of ["buildx", "cli-plugins", "contexts"]) {
    let source = join(from, entry);
    existsSync(source) && !existsSync(join(to, entry)) && symlinkSync(source, join(to, entry));
  }
}
function withoutCredentialStores(configJson, registries) {
  let config = JSON.parse(configJson);
  delete config.credsStore;
  for (let registry of registries) delete config.credHelpers?.[registry];
  return JSON.stringify(config, null, 2);
}
function tokenFor(host, issued) {
  let account = /^(\d{12})\./.exec(host)?.[1], token = issued.find((token2) => account !== void 0 && token2.registry.startsWith(`${account}.`)) ?? (issued.length === 1 ? issued[0] : void 0);
  if (!token) throw new Error(`ECR issued no token for ${host}: add its account to registryIds`);
  return { ...token, registry: host };
}
function decodeAuthorization(data, logger) {
  if (!data.authorizationToken || !data.proxyEndpoint)
    throw new Error("ECR GetAuthorizationToken returned an entry without a token or proxy endpoint");
  logger.setSecret(data.authorizationToken);
  let decoded = Buffer.from(data.authorizationToken, "base64").toString("utf8"), colon = decoded.indexOf(":");
  if (colon <= 0) throw new Error('ECR authorization token is not base64 "user:password"');
  let password = decoded.slice(colon + 1);
  return logger.setSecret(password), {
    registry: data.proxyEndpoint.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, ""),
    username: decoded.slice(0, colon),
    password,
    ...data.expiresAt && { expiresAt: data.expiresAt }
  };
}
async function ecrLogout(state, options) {
  let docker = options.docker ?? state.docker ?? DEFAULT_DOCKER, env = { ...options.env ?? process.env, DOCKER_CONFIG: state.dockerConfig };
  try {
    for (let registry of state.registries) {
      if (!existsSync(state.dockerConfig)) break;
      let args = ["--config", state.dockerConfig, "logout", registry], result = await runDocker(options.runner, docker, args, { env });
      result.exitCode !== 0 && options.logger.warning(`docker logout ${registry} failed: ${result.stderr.trim()}`);
    }
  } catch (error) {
    options.logger.warning(error.message);
  } finally {
    rmSync(state.dockerConfig, { recursive: !0, force: !0 });
  }
  options.logger.info(`Removed the ECR Docker config ${state.dockerConfig}`);
}
function parseEcrLoginState(json) {
  if (!json) return;
  let value = JSON.parse(json);
  if (typeof value != "object" || value === null) return;
  let { dockerConfig, docker, registries, expiresAt } = value;
  if (!(typeof dockerConfig != "string" || !Array.isArray(registries)) && registries.every((registry) => typeof registry == "string"))
    return {
      dockerConfig,
      ...typeof docker == "string" && { docker },
      registries,
      ...typeof expiresAt == "string" && { expiresAt }
    };
}

export {
  ecrLogin,
  ecrLogout,
  parseEcrLoginState
};
