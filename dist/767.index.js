export const id = 767;
export const ids = [767];
export const modules = {

/***/ 8767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeTarget: () => (/* reexport safe */ _target_js__WEBPACK_IMPORTED_MODULE_0__.f),
/* harmony export */   probePublicKey: () => (/* binding */ probePublicKey),
/* harmony export */   sealSecret: () => (/* binding */ sealSecret),
/* harmony export */   secretNameProblem: () => (/* binding */ secretNameProblem),
/* harmony export */   secretUpdatedAt: () => (/* binding */ secretUpdatedAt),
/* harmony export */   writeSecret: () => (/* binding */ writeSecret)
/* harmony export */ });
/* harmony import */ var libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4768);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9321);
/**
 * Writes an Actions secret the way GitHub requires: fetch the scope's public key, seal the value
 * in a libsodium sealed box, PUT it. Shared by the capture tool and the action's write-back.
 * The value is never logged and never part of an error message.
 */



/** GitHub's rule for secret names. */
const SECRET_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Checks a secret name against GitHub's rules.
 * @returns one sentence naming the problem, or undefined when the name is fine.
 */
function secretNameProblem(name) {
    if (!SECRET_NAME_RE.test(name)) {
        return `The secret name ${JSON.stringify(name)} is not allowed: use letters, digits and underscores, not starting with a digit (such as CLAUDE_AUTH).`;
    }
    if (/^GITHUB_/i.test(name)) {
        return `The secret name ${JSON.stringify(name)} is not allowed: names starting with GITHUB_ are reserved by GitHub.`;
    }
    return undefined;
}
/** The REST path of the target's secrets collection, without a trailing slash. */
function secretsPath(target) {
    switch (target.kind) {
        case 'repo':
            return `/repos/${repoPath(target.repo)}/actions/secrets`;
        case 'env':
            return `/repos/${repoPath(target.repo)}/environments/${encodeURIComponent(target.environment)}/secrets`;
        case 'org':
            return `/orgs/${encodeURIComponent(target.org)}/actions/secrets`;
    }
}
function repoPath(repo) {
    const parts = repo.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
        throw new Error(`The repository ${JSON.stringify(repo)} is not of the form OWNER/REPO.`);
    }
    return `${encodeURIComponent(parts[0])}/${encodeURIComponent(parts[1])}`;
}
/** Seals `value` for a base64 public key (libsodium `crypto_box_seal`), as base64. */
async function sealSecret(value, publicKeyBase64) {
    await libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].ready */ .Ay.ready;
    const key = libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].from_base64 */ .Ay.from_base64(publicKeyBase64, libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
    const sealed = libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .Ay.crypto_box_seal(libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].from_string */ .Ay.from_string(value), key);
    return libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].to_base64 */ .Ay.to_base64(sealed, libsodium_wrappers__WEBPACK_IMPORTED_MODULE_1__/* ["default"].base64_variants */ .Ay.base64_variants.ORIGINAL);
}
/**
 * Creates or updates the secret `name` in `target` with `value`.
 * An organisation secret keeps its visibility (and its selected repositories) on update and is
 * `private` when new. A key rotated between the GET and the PUT is fetched again once.
 * @returns whether the secret was created or updated.
 * @throws Error with one sentence naming the target and what GitHub answered (never the value).
 */
async function writeSecret(octokit, target, name, value) {
    const nameProblem = secretNameProblem(name);
    if (nameProblem)
        throw new Error(nameProblem);
    const base = secretsPath(target);
    const where = (0,_target_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTarget */ .f)(target);
    let visibility;
    let existed;
    if (target.kind === 'org') {
        const current = await getSecret(octokit, target, name);
        existed = current !== undefined;
        visibility = current?.visibility ?? 'private';
    }
    for (let attempt = 1;; attempt++) {
        const key = await call(where, 'read the public key of', () => octokit.request(`GET ${base}/public-key`));
        const { key_id, key: publicKey } = key.data;
        const body = {
            encrypted_value: await sealSecret(value, publicKey),
            key_id
        };
        if (visibility)
            body.visibility = visibility;
        try {
            const res = await octokit.request(`PUT ${base}/${encodeURIComponent(name)}`, body);
            if (res.status === 201)
                return 'created';
            if (res.status === 204)
                return 'updated';
            return existed === false ? 'created' : 'updated';
        }
        catch (err) {
            // GitHub answers 422 when the key rotated after we read it: read it again, once.
            if (status(err) === 422 && attempt === 1 && /key_id/i.test(errorText(err)))
                continue;
            throw new Error(failure(where, `write the secret ${name} to`, err), { cause: err });
        }
    }
}
/**
 * When the secret `name` in `target` was last written (GitHub's `updated_at`).
 * @returns the ISO timestamp, or undefined when there is no such secret.
 */
async function secretUpdatedAt(octokit, target, name) {
    const secret = await getSecret(octokit, target, name);
    return typeof secret?.updated_at === 'string' ? secret.updated_at : undefined;
}
/**
 * Reads the public key of `target` (the first call of every write) and reports the answer instead
 * of throwing: how the action learns, before it refreshes, whether a write-back could work.
 */
async function probePublicKey(octokit, target) {
    try {
        const res = await octokit.request(`GET ${secretsPath(target)}/public-key`);
        const scopes = res.headers['x-oauth-scopes'];
        return { status: res.status, ...(typeof scopes === 'string' ? { scopes } : {}) };
    }
    catch (err) {
        return { status: status(err) ?? 0, message: errorText(err) };
    }
}
async function getSecret(octokit, target, name) {
    const where = (0,_target_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTarget */ .f)(target);
    try {
        const res = await octokit.request(`GET ${secretsPath(target)}/${encodeURIComponent(name)}`);
        return res.data;
    }
    catch (err) {
        if (status(err) === 404) {
            // A 404 means "no such secret" only if the scope itself is visible: check it by its key.
            await call(where, 'read the public key of', () => octokit.request(`GET ${secretsPath(target)}/public-key`));
            return undefined;
        }
        throw new Error(failure(where, `read the secret ${name} of`, err), { cause: err });
    }
}
async function call(where, doing, fn) {
    try {
        return await fn();
    }
    catch (err) {
        throw new Error(failure(where, doing, err), { cause: err });
    }
}
function status(err) {
    const s = err.status;
    return typeof s === 'number' ? s : undefined;
}
function errorText(err) {
    const data = err.response?.data;
    const message = data && typeof data === 'object' && 'message' in data
        ? String(data.message)
        : String(err.message ?? err);
    return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
/** One sentence: what failed, GitHub's answer, and the usual cause for that status. */
function failure(where, doing, err) {
    const code = status(err);
    const answer = code ? `GitHub answered ${code} (${errorText(err)})` : errorText(err);
    let hint = '';
    if (code === 401)
        hint = ': the token is invalid or expired';
    else if (code === 403)
        hint =
            ': the token may not manage Actions secrets there (it needs "Secrets: write" on a fine-grained token, "repo" on a classic one, or "admin:org" for an organisation)';
    else if (code === 404)
        hint = where.startsWith('the environment')
            ? ': the repository or the environment does not exist, or the token cannot see it (create the environment under Settings → Environments first)'
            : ': it does not exist, or the token cannot see it';
    return `Could not ${doing} ${where}: ${answer}${hint}.`;
}


/***/ })

};
