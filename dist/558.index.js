export const id = 558;
export const ids = [558,232];
export const modules = {

/***/ 5558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loginFromFile: () => (/* binding */ loginFromFile),
/* harmony export */   refreshIfNeeded: () => (/* binding */ refreshIfNeeded),
/* harmony export */   staleWarning: () => (/* binding */ staleWarning),
/* harmony export */   tokenHash: () => (/* reexport safe */ _state_js__WEBPACK_IMPORTED_MODULE_8__.Iq),
/* harmony export */   writeAccess: () => (/* binding */ writeAccess),
/* harmony export */   writeBackConfig: () => (/* binding */ writeBackConfig),
/* harmony export */   writeBackLogin: () => (/* binding */ writeBackLogin)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9834);
/* harmony import */ var _bundle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4956);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8168);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5439);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9232);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7404);
/* harmony import */ var _refresh_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9893);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9321);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7218);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2462);
/**
 * The login's lifecycle around a run: refresh before the run when the access token cannot last
 * `min_validity` (and only when the rotated login can be written back), write the rotated login
 * back to the secret, and tell when another run rotated the secret first. Octokit and libsodium
 * are loaded only when a secret is actually read or written.
 */










/** Where rotated logins go, from the inputs. */
function writeBackConfig(inputs, env) {
    return {
        secretsToken: inputs.secrets_token,
        secretName: inputs.auth_secret_name,
        environment: inputs.auth_secret_environment,
        org: inputs.auth_secret_org,
        repo: env.GITHUB_REPOSITORY ?? ''
    };
}
/** The secret the inputs name. */
function secretTarget(cfg) {
    if (cfg.org)
        return { kind: 'org', org: cfg.org };
    if (cfg.environment)
        return { kind: 'env', repo: cfg.repo, environment: cfg.environment };
    return { kind: 'repo', repo: cfg.repo };
}

/**
 * Refreshes the login when the inputs allow and it is needed, writing the rotated login back.
 * @throws AuthError when the access token cannot last and may not be refreshed, or the refresh fails.
 */
async function refreshIfNeeded(auth, opts) {
    const login = auth.login;
    const generation = login?.generation ?? 0;
    const unchanged = { auth, rotated: false, secretUpdated: false, generation };
    if (!login || login.kind !== 'oauth')
        return unchanged;
    const canWriteBack = opts.writeBack.secretsToken !== '';
    let decision = (0,_refresh_js__WEBPACK_IMPORTED_MODULE_6__/* .shouldRefresh */ .Xl)(auth.assessment, { refresh: opts.refresh, canWriteBack });
    let cannotWrite;
    if (decision.refresh && canWriteBack) {
        // A refresh rotates the stored refresh token away: make sure the new one can be stored first.
        cannotWrite = await cannotWriteReason(opts.writeBack);
        if (cannotWrite)
            decision = { refresh: false, reason: cannotWrite };
    }
    if (!decision.refresh) {
        if (auth.assessment.needsRefresh && opts.refresh === 'never') {
            // A login nobody but a rotator refreshes: point at the rotator (docs/organisation.md).
            const reason = auth.assessment.reason ?? 'The access token cannot last min_validity.';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .l((0,_messages_js__WEBPACK_IMPORTED_MODULE_9__/* .rotatorPointer */ .Fl)(reason, (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .inputSpan */ .xr)(opts.assess.minValidityMs)), 'expired');
        }
        if (auth.assessment.needsRefresh) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .l(`${auth.assessment.reason ?? ''} ${decision.reason}`.trim(), 'expired');
        }
        if (cannotWrite)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(cannotWrite);
        return unchanged;
    }
    if (!canWriteBack)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(decision.reason);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Refreshing the login: ${decision.reason}`);
    const fresh = await (0,_refresh_js__WEBPACK_IMPORTED_MODULE_6__/* .refreshLogin */ .B)(login, { onToken: _load_js__WEBPACK_IMPORTED_MODULE_5__.maskToken });
    const assessment = (0,_validate_js__WEBPACK_IMPORTED_MODULE_7__/* .assessLogin */ .Gm)(fresh, opts.assess);
    const next = { ...auth, login: fresh, assessment };
    if (!canWriteBack) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(staleWarning(opts.writeBack));
        return { auth: next, rotated: true, secretUpdated: false, generation };
    }
    const written = await writeBackLogin(fresh, generation + 1, opts.writeBack, opts.startedAt);
    if (!written.stored) {
        return {
            auth: next,
            rotated: true,
            secretUpdated: false,
            generation,
            writeBackProblem: written.writeBackProblem
        };
    }
    return { auth: next, rotated: true, secretUpdated: true, generation: generation + 1 };
}
/**
 * Judges GitHub's answer to reading the target's public key with secrets_token. A classic token
 * (it answers with `x-oauth-scopes`) must also hold the scope that writing secrets there needs.
 */
function writeAccess(answer, target) {
    const need = target.kind === 'org' ? 'admin:org' : 'repo';
    const said = answer.message ? ` (${answer.message})` : '';
    switch (answer.status) {
        case 200:
            break;
        case 401:
            return { ok: false, why: `GitHub answered 401${said}: the token is invalid or expired` };
        case 403:
            return {
                ok: false,
                why: `GitHub answered 403${said}: the token lacks the "Secrets: write" permission there (a workflow's GITHUB_TOKEN can never write secrets; use a fine-grained token with "Secrets: write", a classic token with "${need}", or a GitHub App)`
            };
        case 404:
            return {
                ok: false,
                why: `GitHub answered 404${said}: ${(0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTarget */ .f)(target)} does not exist or the token cannot see it`
            };
        default:
            return {
                ok: false,
                why: answer.status
                    ? `GitHub answered ${answer.status}${said}`
                    : `GitHub could not be reached${said}`
            };
    }
    if (answer.scopes === undefined)
        return { ok: true };
    const scopes = answer.scopes
        .split(',')
        .map(x => x.trim())
        .filter(x => x !== '');
    if (scopes.includes(need))
        return { ok: true };
    return {
        ok: false,
        why: `the token is a classic token without the "${need}" scope (it has ${scopes.length ? scopes.join(', ') : 'none'})`
    };
}
/** Undefined when secrets_token can write the target secret, else the sentence saying why not. */
async function cannotWriteReason(cfg) {
    const target = secretTarget(cfg);
    const { octokit, secrets } = await secretsClient(cfg);
    const access = writeAccess(await secrets.probePublicKey(octokit, target), target);
    if (access.ok)
        return undefined;
    return `The login is not refreshed, because secrets_token cannot write ${(0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTarget */ .f)(target)}'s secret ${cfg.secretName}: ${access.why}; a refresh would leave the stored secret with a dead refresh token.`;
}
/** Octokit for secrets_token, and the secrets module (libsodium): loaded on first use. */
async function secretsClient(cfg) {
    const [{ createOctokit }, secrets] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702)),
        Promise.all(/* import() */[__webpack_require__.e(768), __webpack_require__.e(767)]).then(__webpack_require__.bind(__webpack_require__, 8767))
    ]);
    return { octokit: createOctokit(cfg.secretsToken, { log: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line) }), secrets };
}
/** The warning when a rotated login cannot be stored: the secret now holds a dead refresh token. */
function staleWarning(cfg) {
    return `The login was rotated, but without secrets_token it cannot be written back: ${(0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTarget */ .f)(secretTarget(cfg))}'s secret ${cfg.secretName} now holds a refresh token that no longer works, and the next run will fail. Set secrets_token (a token that may write Actions secrets) so the action stores rotated logins, or use a setup-token, which never rotates.`;
}
/**
 * Writes a rotated login back as a new bundle (`generation`, `source: "refresh"`). Never writes a
 * wiped login. Warns when the secret changed after this run started (another run rotated it).
 * @returns whether the secret was written, and when not, one sentence saying why.
 */
async function writeBackLogin(login, generation, cfg, startedAt) {
    if (login.kind === 'oauth' && (0,_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .isWiped */ .IO)(login.credentials.claudeAiOauth)) {
        return {
            stored: false,
            writeBackProblem: 'the CLI wiped the login (a refused refresh), so there is nothing to write back.'
        };
    }
    const { octokit, secrets } = await secretsClient(cfg);
    const target = secretTarget(cfg);
    try {
        const updatedAt = await secrets
            .secretUpdatedAt(octokit, target, cfg.secretName)
            .catch(() => undefined);
        if (updatedAt && startedAt && Date.parse(updatedAt) > Date.parse(startedAt)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The secret ${cfg.secretName} was changed at ${updatedAt}, after this run started: another run rotated the same login. Give every job that uses it one concurrency group (see the README) so two runs never hold the same login.`);
        }
        const bundle = (0,_bundle_js__WEBPACK_IMPORTED_MODULE_2__.buildBundle)(login, { source: 'refresh', generation });
        const value = (0,_bundle_js__WEBPACK_IMPORTED_MODULE_2__.encodeBundle)(bundle);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
        const how = await secrets.writeSecret(octokit, target, cfg.secretName, value);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Wrote the rotated login back to ${(0,_target_js__WEBPACK_IMPORTED_MODULE_10__/* .describeTarget */ .f)(target)} (secret ${cfg.secretName} ${how}, generation ${generation}).`);
        return { stored: true };
    }
    catch (err) {
        return {
            stored: false,
            writeBackProblem: err.message
        };
    }
}
/** The oauth login as it stands in the credentials file after the run, or undefined. */
function loginFromFile(base, file) {
    const parsed = _bundle_js__WEBPACK_IMPORTED_MODULE_2__.CredentialsSchema.safeParse(file);
    return parsed.success ? { ...base, credentials: parsed.data } : undefined;
}


/***/ }),

/***/ 9232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadAuth: () => (/* binding */ loadAuth),
/* harmony export */   maskLogin: () => (/* binding */ maskLogin),
/* harmony export */   maskToken: () => (/* binding */ maskToken)
/* harmony export */ });
/* harmony import */ var _known_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5688);
/* harmony import */ var _bundle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4956);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5439);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7218);
/**
 * From the auth inputs to a decoded, masked and assessed login: which input wins, decoding, masking
 * every token the moment it is known, and the assessment against `min_validity` / `warn_within`.
 */




const ORDER = ['claude_auth', 'claude_code_oauth_token', 'anthropic_api_key'];
/**
 * Masks a token and the forms it could be printed in (base64 at each alignment, JSON- and
 * URL-escaped), and remembers it for the outbound guard. The runner never shows a masked value.
 * Without a kind (a refresh answer's hook), the kind is told by the token's prefix.
 */
function maskToken(token, kind = (0,_known_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .claudeTokenKind */ .ww)(token)) {
    (0,_known_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .remember */ .kY)(kind, token);
}
/** Masks every token a login holds. */
function maskLogin(login) {
    if (login.kind === 'setup-token') {
        maskToken(login.token, 'setup-token');
        return;
    }
    const o = login.credentials.claudeAiOauth;
    maskToken(o.accessToken, 'access token');
    if (o.refreshToken)
        maskToken(o.refreshToken, 'refresh token');
}
/**
 * Picks the auth input, decodes and masks it, and assesses it.
 * @throws AuthError when no input is set or the value cannot be decoded.
 */
async function loadAuth(inputs, opts) {
    const set = ORDER.filter(name => inputs[name].trim() !== '');
    const first = set[0];
    if (first === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l('No login was given: set the claude_auth input to the secret the capture tool (`node capture.js`) stored (for example `claude_auth: ${{ secrets.CLAUDE_AUTH }}`); if it is set in the workflow, the secret is empty or not available to this event (secrets are not passed to workflows from forks).', 'missing');
    }
    const warnings = [];
    if (set.length > 1) {
        warnings.push(`Several auth inputs are set (${set.join(', ')}): ${first} is used and the others are ignored; remove them to silence this warning.`);
    }
    if (first === 'anthropic_api_key') {
        const apiKey = inputs.anthropic_api_key.trim();
        maskToken(apiKey, 'API key');
        return { input: first, apiKey, assessment: (0,_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .assessApiKey */ .SE)(), warnings };
    }
    const login = await (0,_bundle_js__WEBPACK_IMPORTED_MODULE_1__.decodeAuth)(inputs[first], { inputName: first });
    maskLogin(login);
    warnings.push(...login.warnings);
    return {
        input: first,
        login,
        assessment: (0,_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .assessLogin */ .Gm)(login, opts),
        warnings
    };
}


/***/ }),

/***/ 9893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ refreshLogin),
/* harmony export */   Xl: () => (/* binding */ shouldRefresh)
/* harmony export */ });
/* unused harmony exports CLIENT_ID, REFRESH_SCOPE */
/* harmony import */ var _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1164);
/* harmony import */ var _zod_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2376);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5439);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7404);
/**
 * The OAuth refresh the action makes before a run (SPEC "Rotation", the `refresh` input), with the
 * same request the Claude CLI sends. Every refresh ROTATES the refresh token: the login this
 * returns replaces the old one everywhere, or the next run finds a dead refresh token.
 *
 * Messages are one sentence and never carry a token or a response body.
 */




/** Where the CLI refreshes; `CLAUDE_OAUTH_TOKEN_URL` overrides it (tests, proxies). */
const DEFAULT_TOKEN_URL = 'https://platform.claude.com/v1/oauth/token';
/** Claude Code's public OAuth client id. */
const CLIENT_ID = '9d1c250a-e61b-44d9-88ed-5944d1962f5e';
/** The scopes the CLI (2.1.332) asks for on refresh. */
const REFRESH_SCOPE = 'user:profile user:inference user:sessions:claude_code user:mcp_servers user:file_upload user:plugins';
const DEFAULT_TIMEOUT_MS = 30_000;
/** Tries in all, for network errors and 5xx only. */
const MAX_TRIES = 3;
/** What the token endpoint answers on success; other fields (account, organization) are ignored. */
const TokenResponseSchema = _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    access_token: _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .minLength */ .BpQ(1)),
    refresh_token: _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .minLength */ .BpQ(1))),
    expires_in: _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().check(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .positive */ .yjt()),
    refresh_token_expires_in: _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().check(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .positive */ .yjt())),
    scope: _zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(_zod_mini_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())
});
/**
 * Exchanges the login's refresh token for new tokens and returns the rotated login: new access
 * token and `expiresAt`, the new refresh token (the old one when the answer has none),
 * `refreshTokenExpiresAt` and `scopes` when the answer gives them; every other field is kept.
 * Retries network errors and 5xx (3 tries, short backoff), never a timeout or a 4xx.
 * @throws AuthError (status `expired`: without the refresh the login cannot be used) naming the cause.
 */
async function refreshLogin(login, opts = {}) {
    const old = login.credentials.claudeAiOauth;
    if (!old.refreshToken) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l('The login has no refresh token, so it cannot be refreshed.', 'expired');
    }
    const body = JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: old.refreshToken,
        client_id: CLIENT_ID,
        scope: REFRESH_SCOPE
    });
    const { res, text, sentAt } = await postWithRetries(body, opts);
    if (res.status !== 200)
        throw failure(res, text);
    const t = parseAnswer(text, opts.onToken);
    const oauth = {
        ...old,
        accessToken: t.access_token,
        refreshToken: t.refresh_token ?? old.refreshToken,
        expiresAt: sentAt + t.expires_in * 1000,
        ...(t.refresh_token_expires_in !== undefined
            ? { refreshTokenExpiresAt: sentAt + t.refresh_token_expires_in * 1000 }
            : {}),
        ...(t.scope !== undefined ? { scopes: t.scope.split(/\s+/).filter(s => s.length > 0) } : {})
    };
    return { ...login, credentials: { ...login.credentials, claudeAiOauth: oauth } };
}
/**
 * POSTs the refresh request: up to MAX_TRIES for network errors and 5xx, never again after a
 * timeout. Resolves to the last answer (any status) and when its request was sent.
 */
async function postWithRetries(body, opts) {
    const url = opts.tokenUrl ?? process.env.CLAUDE_OAUTH_TOKEN_URL ?? DEFAULT_TOKEN_URL;
    const now = opts.now ?? Date.now;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const fetchImpl = opts.fetchImpl ?? fetch;
    const backoffMs = opts.backoffMs ?? 1000;
    for (let attempt = 1;; attempt++) {
        // Taken before sending: the server's clock starts no earlier, so expiresAt errs early.
        const sentAt = now();
        let res;
        let text;
        try {
            res = await fetchImpl(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body,
                signal: AbortSignal.timeout(timeoutMs)
            });
            text = await res.text();
        }
        catch (err) {
            // A try that timed out may have reached the server and rotated the token already: trying
            // again would only spend more time before the same invalid_grant.
            if (isTimeout(err)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l(`The token endpoint did not answer within ${formatSeconds(timeoutMs)}, so the login could not be refreshed.`, 'expired');
            }
            if (attempt < MAX_TRIES) {
                await sleep(backoffMs * 2 ** (attempt - 1));
                continue;
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l(`The token endpoint could not be reached (${networkReason(err)}) after ${MAX_TRIES} tries, so the login could not be refreshed.`, 'expired');
        }
        if (res.status >= 500 && attempt < MAX_TRIES) {
            await sleep(backoffMs * 2 ** (attempt - 1));
            continue;
        }
        return { res, text, sentAt };
    }
}
/** The 200 answer's tokens, masked before they are checked; refuses a body without them. */
function parseAnswer(text, onToken) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l('The token endpoint answered 200 with a body that is not JSON, so the login could not be refreshed.', 'expired');
    }
    maskTokens(json, onToken);
    const parsed = TokenResponseSchema.safeParse(json);
    if (!parsed.success) {
        const field = (0,_zod_message_js__WEBPACK_IMPORTED_MODULE_2__/* .fieldName */ .w5)((0,_zod_message_js__WEBPACK_IMPORTED_MODULE_2__/* .firstIssue */ .OE)(parsed.error).path, 'dots') || 'body';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l(`The token endpoint answered 200 without a usable "${field}", so the login could not be refreshed.`, 'expired');
    }
    return parsed.data;
}
/** Masks the tokens of an answer before anything else looks at it, valid or not. */
function maskTokens(json, onToken) {
    if (!onToken || typeof json !== 'object' || json === null)
        return;
    const record = json;
    for (const key of ['access_token', 'refresh_token']) {
        const value = record[key];
        if (typeof value === 'string' && value.length > 0)
            onToken(value);
    }
}
/** Turns a non-200 answer into one sentence; the body is read but never quoted. */
function failure(res, text) {
    const status = res.status;
    const oauthError = oauthErrorCode(text);
    if ((status === 400 || status === 401) && oauthError === 'invalid_grant') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l('The refresh token was refused (invalid_grant): the login was revoked, ended, or another machine refreshed it first.', 'expired');
    }
    if ((status === 403 || status === 429) && looksLikeCloudflare(res, text, oauthError)) {
        const code = /error code: (\d{3,5})/i.exec(text)?.[1];
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l(`The token endpoint blocked this runner (HTTP ${status} from Cloudflare${code ? `, error code ${code}` : ''}), so the login cannot be refreshed from here: store a setup-token (\`claude setup-token\`, then \`node capture.js --from token\`) instead.`, 'expired');
    }
    const detail = oauthError ? ` (${oauthError})` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l(`The login could not be refreshed: the token endpoint answered HTTP ${status}${detail}.`, 'expired');
}
/** The OAuth `error` code of a JSON error body, when it is a plain identifier (safe to print). */
function oauthErrorCode(text) {
    try {
        const value = JSON.parse(text);
        if (typeof value !== 'object' || value === null)
            return undefined;
        const error = value.error;
        // Some APIs nest it: {"error":{"type":"…"}}.
        const code = typeof error === 'string'
            ? error
            : typeof error === 'object' && error !== null
                ? error.type
                : undefined;
        return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Cloudflare's own refusals are plain text (`error code: 1010`) or an HTML page. The API sits
 * behind Cloudflare, so `cf-ray` alone proves nothing: it counts only when the body is not the
 * endpoint's own JSON error.
 */
function looksLikeCloudflare(res, text, oauthError) {
    if (/^\s*error code: \d+/i.test(text))
        return true;
    if (/^\s*</.test(text) || /text\/html/i.test(res.headers.get('content-type') ?? ''))
        return true;
    if (res.headers.get('cf-mitigated'))
        return true;
    return res.headers.has('cf-ray') && oauthError === undefined;
}
function isTimeout(err) {
    const name = err?.name;
    return name === 'TimeoutError' || name === 'AbortError';
}
/** A short cause for a network failure: the system error code when there is one. */
function networkReason(err) {
    const cause = err?.cause;
    if (cause && typeof cause.code === 'string' && /^[A-Z_]{2,40}$/.test(cause.code)) {
        return cause.code;
    }
    const code = err?.code;
    if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code))
        return code;
    return 'network error';
}
function formatSeconds(ms) {
    return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}
/**
 * Decides whether to refresh before the run. `auto` refreshes only when the access token cannot
 * last `min_validity` AND the rotated login can be written back (else the stored secret would hold
 * a dead refresh token); `always` whenever a refresh token can be used; `never` never.
 */
function shouldRefresh(assessment, opts) {
    if (assessment.kind !== 'oauth') {
        return { refresh: false, reason: `A ${assessment.kind} login has no refresh token.` };
    }
    if (opts.refresh === 'never') {
        return { refresh: false, reason: 'refresh is "never".' };
    }
    if (!assessment.canRefresh) {
        return {
            refresh: false,
            reason: 'The login has no usable refresh token (none stored, or the login has ended).'
        };
    }
    if (opts.refresh === 'always') {
        return {
            refresh: true,
            reason: opts.canWriteBack
                ? 'refresh is "always".'
                : 'refresh is "always", but without secrets_token the rotated login cannot be written back: the stored secret will be stale.'
        };
    }
    if (!assessment.needsRefresh) {
        return { refresh: false, reason: 'The access token lasts min_validity.' };
    }
    if (!opts.canWriteBack) {
        return {
            refresh: false,
            reason: `This run may not refresh it: without secrets_token, a refresh would leave the stored secret holding a dead refresh token (a setup-token, never refreshed, avoids this too). ${_messages_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRETS_TOKEN_FIX */ .CA}`
        };
    }
    return { refresh: true, reason: 'The access token cannot last min_validity.' };
}


/***/ }),

/***/ 9321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ describeTarget)
/* harmony export */ });
/**
 * Where an Actions secret lives, and the words for it in messages. Apart from `secrets.ts` (which
 * re-exports both) so the messages need neither libsodium nor Octokit loaded.
 */
/** Words for a target in messages: `the repository octo/app`. */
function describeTarget(target) {
    switch (target.kind) {
        case 'repo':
            return `the repository ${target.repo}`;
        case 'env':
            return `the environment ${target.environment} of ${target.repo}`;
        case 'org':
            return `the organisation ${target.org}`;
    }
}


/***/ }),

/***/ 7218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ assessLogin),
/* harmony export */   SE: () => (/* binding */ assessApiKey),
/* harmony export */   n6: () => (/* binding */ assumingRefresh)
/* harmony export */ });
/* unused harmony export CLOCK_SKEW_MS */
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9834);
/**
 * Turns a login's expiry dates into `auth_status`, with the times the outputs report. Pure: the
 * clock is passed in.
 */

/** Clocks drift: an access token is treated as ending this much earlier than it says. */
const CLOCK_SKEW_MS = 60_000;
/** Assesses a decoded subscription login. */
function assessLogin(login, opts) {
    return login.kind === 'setup-token'
        ? assessSetupToken(login.tokenExpiresAt, opts)
        : assessOauth(login.credentials.claudeAiOauth, opts);
}
/** A setup-token holds until its recorded end; it is never refreshed. */
function assessSetupToken(end, opts) {
    const { now, minValidityMs, warnWithinMs } = opts;
    if (end === undefined) {
        return {
            kind: 'setup-token',
            status: 'valid',
            needsRefresh: false,
            canRefresh: false,
            notices: [
                'The setup-token has no recorded expiry (it was given as a bare token); `node capture.js --from token` records it.'
            ]
        };
    }
    const base = {
        kind: 'setup-token',
        expiresAt: end,
        loginExpiresAt: end,
        needsRefresh: false,
        canRefresh: false,
        notices: []
    };
    if (end - CLOCK_SKEW_MS <= now) {
        return { ...base, status: 'expired', reason: `The setup-token expired at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(end)}.` };
    }
    if (end - CLOCK_SKEW_MS - now < minValidityMs) {
        return {
            ...base,
            status: 'expired',
            reason: `The setup-token expires at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(end)}, in ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(end - now)}: less than min_validity ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .inputSpan */ .xr)(minValidityMs)}.`
        };
    }
    if (end - now < warnWithinMs) {
        return {
            ...base,
            status: 'expiring',
            reason: `The setup-token expires at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(end)}, in ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(end - now)}.`
        };
    }
    return { ...base, status: 'valid' };
}
/**
 * A subscription login: its access token must hold for min_validity, or be refreshable (a refresh
 * token and a login chain that has not ended); the chain's own end warns ahead.
 */
function assessOauth(o, opts) {
    const { now, minValidityMs, warnWithinMs } = opts;
    const expiresAt = o.expiresAt;
    const loginEnd = o.refreshTokenExpiresAt;
    const hasRefresh = typeof o.refreshToken === 'string' && o.refreshToken.length > 0;
    const loginOver = loginEnd !== undefined && loginEnd - CLOCK_SKEW_MS <= now;
    const canRefresh = hasRefresh && !loginOver;
    const left = expiresAt - CLOCK_SKEW_MS - now;
    const tokenHolds = left >= minValidityMs;
    const base = {
        kind: 'oauth',
        expiresAt,
        ...(loginEnd !== undefined ? { loginExpiresAt: loginEnd } : {}),
        canRefresh,
        notices: []
    };
    if (!tokenHolds) {
        const tokenWhen = left <= 0
            ? `expired at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(expiresAt)}`
            : `expires at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(expiresAt)}, in ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(expiresAt - now)}, less than min_validity ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .inputSpan */ .xr)(minValidityMs)}`;
        if (loginOver) {
            return {
                ...base,
                status: 'expired',
                needsRefresh: false,
                reason: `The login chain ended at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(loginEnd)} and the access token ${tokenWhen}.`
            };
        }
        if (!hasRefresh) {
            return {
                ...base,
                status: 'expired',
                needsRefresh: false,
                reason: `The access token ${tokenWhen}, and the login has no refresh token to renew it.`
            };
        }
        return {
            ...base,
            status: 'expired',
            needsRefresh: true,
            reason: `The access token ${tokenWhen}.`
        };
    }
    if (loginOver) {
        return {
            ...base,
            status: 'expiring',
            needsRefresh: false,
            reason: `The login chain ended at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(loginEnd)}; the access token still holds until ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(expiresAt)}, and then the login is gone.`
        };
    }
    if (loginEnd !== undefined && loginEnd - now < warnWithinMs) {
        return {
            ...base,
            status: 'expiring',
            needsRefresh: false,
            reason: `The login ends at ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(loginEnd)}, in ${(0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(loginEnd - now)}.`
        };
    }
    return { ...base, status: 'valid', needsRefresh: false };
}
/**
 * A login whose access token is short but which the next run that uses it will refresh (a refresh
 * token, a login that has not ended, and a write-back allowed): judged by the login's own end.
 */
function assumingRefresh(a, opts) {
    if (!a.needsRefresh)
        return a;
    const ending = a.loginExpiresAt !== undefined && a.loginExpiresAt - opts.now < opts.warnWithinMs;
    return {
        ...a,
        status: ending ? 'expiring' : 'valid',
        needsRefresh: false,
        notices: [
            ...a.notices,
            `${a.reason ?? 'The access token is short-lived.'} The next run that uses the login refreshes it.`
        ]
    };
}
/** An API key has no expiry the action can see. */
function assessApiKey() {
    return { kind: 'api-key', status: 'valid', needsRefresh: false, canRefresh: false, notices: [] };
}


/***/ }),

/***/ 5688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kY: () => (/* binding */ remember),
/* harmony export */   q2: () => (/* binding */ SecretLeakError),
/* harmony export */   ww: () => (/* binding */ claudeTokenKind),
/* harmony export */   xU: () => (/* binding */ knownSecrets)
/* harmony export */ });
/* unused harmony exports forgetSecrets, base64Inner, encodedForms */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/**
 * Every secret this run knows, kept from the moment it is decoded or received: each one is masked in
 * every form it could be printed in, and the outbound guard (`github/guard.ts`) checks every text the
 * action writes to GitHub against all of them. Layer 0: imports nothing of the action.
 */

// Shorter values are not secrets worth the false positives (and the runner masks them anyway).
const MIN_LENGTH = 8;
// An encoded fragment shorter than this could match ordinary text by chance.
const MIN_FORM = 12;
// Values longer than this (a whole auth bundle) are masked as they are, not in every encoding.
const MAX_MASKED_FORMS = 4096;
const known = [];
/**
 * Remembers a secret for the rest of the run and masks every form of it (`core.setSecret`), so the
 * runner never prints it and the guard never lets it out. A very short value is only masked (as is
 * and in base64): searching text for it would find it by chance.
 */
function remember(kind, value) {
    const trimmed = value.trim();
    if (trimmed === '' || known.some(k => k.value === trimmed))
        return;
    const forms = trimmed.length >= MIN_LENGTH ? encodedForms(trimmed) : [];
    if (forms.length > 0)
        known.push({ kind, value: trimmed, forms });
    // The whole base64 too, padding included: the runner then hides every character of it. A long
    // value (a whole bundle) is masked as itself only: its encodings would be mask commands of tens of
    // kilobytes each, and the guard checks them anyway.
    const masks = trimmed.length > MAX_MASKED_FORMS
        ? [trimmed]
        : new Set([trimmed, ...forms.map(f => f.text), base64(trimmed)]);
    for (const m of masks)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(m);
}
/** The secrets remembered so far, in the order they became known. */
function knownSecrets() {
    return known;
}
/** Forgets every secret (tests only: a run never forgets). */
function forgetSecrets() {
    known.length = 0;
}
/**
 * The kind of a Claude token by its prefix, for hooks that only see the token (a refresh answer):
 * `sk-ant-oat…` access token, `sk-ant-ort…` refresh token, `sk-ant-api…` API key.
 */
function claudeTokenKind(token) {
    if (/^sk-ant-oat/.test(token))
        return 'access token';
    if (/^sk-ant-ort/.test(token))
        return 'refresh token';
    if (/^sk-ant-api/.test(token))
        return 'API key';
    return 'OAuth token';
}
function base64(value) {
    return Buffer.from(value, 'utf8').toString('base64');
}
/**
 * The stable part of base64(prefix + value) for a prefix of `shift` bytes: the characters that
 * depend only on the value's bytes, whatever comes before or after it in the encoded text.
 */
function base64Inner(value, shift, url = false) {
    const bytes = Buffer.from(value, 'utf8');
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    let b64 = padded.toString('base64');
    // Groups of 3 bytes become 4 characters: the first group holds prefix bytes when shift > 0, and
    // the last group, when incomplete, depends on what follows the value.
    const start = shift === 0 ? 0 : 4;
    const end = Math.floor(padded.length / 3) * 4;
    b64 = b64.slice(start, end);
    return url ? b64.replace(/\+/g, '-').replace(/\//g, '_') : b64;
}
/**
 * The forms a secret is searched for in: raw, without its line breaks, each long line (a
 * multi-line input), base64 and base64url at each alignment, the `x-access-token:` basic-auth
 * form, hex (either case), JSON-escaped and URL-escaped.
 */
function encodedForms(value) {
    const out = [];
    const add = (form, text, min = MIN_FORM) => {
        if (text.length >= min && !out.some(o => o.text === text))
            out.push({ form, text });
    };
    add('as is', value, MIN_LENGTH);
    add('as is', value.replace(/\s+/g, ''));
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 16)
            add('as is', line.trim());
    for (const shift of [0, 1, 2]) {
        add('base64', base64Inner(value, shift));
        add('base64url', base64Inner(value, shift, true));
    }
    add('basic auth', Buffer.from(`x-access-token:${value}`).toString('base64'));
    const hex = Buffer.from(value, 'utf8').toString('hex');
    add('hex', hex);
    add('hex', hex.toUpperCase());
    add('JSON-escaped', JSON.stringify(value).slice(1, -1));
    add('URL-escaped', encodeURIComponent(value));
    return out;
}
/**
 * A write to GitHub that the outbound guard withheld because its text held a secret. The message
 * names the kind of secret and what was withheld, never the value.
 */
class SecretLeakError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SecretLeakError';
    }
}


/***/ }),

/***/ 9834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   KH: () => (/* binding */ iso),
/* harmony export */   QA: () => (/* binding */ formatSpan),
/* harmony export */   f$: () => (/* binding */ timeLeft),
/* harmony export */   qs: () => (/* binding */ hoursUntil),
/* harmony export */   xr: () => (/* binding */ inputSpan)
/* harmony export */ });
/**
 * Time as the action reads and writes it: durations as the inputs write them (`90s`, `30m`, `8h`,
 * `7d`; a bare number is minutes) and as a person reads them, and ISO 8601 dates for the outputs.
 */
const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000
};
/**
 * Parses a duration such as `30m` into milliseconds.
 * @throws Error naming the bad value and the expected form.
 */
function parseDuration(value, name = 'duration') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(value);
    if (!m) {
        throw new Error(`${name} "${value}" is not a duration: use a number and a unit, such as 90s, 30m, 8h or 7d.`);
    }
    const unit = (m[2] ?? 'm').toLowerCase();
    return Math.round(Number(m[1]) * UNIT_MS[unit]);
}
/** Formats a span of milliseconds the way a person reads it: `3d 4h`, `45m`, `20s`. */
function formatSpan(ms) {
    const sign = ms < 0 ? '-' : '';
    let rest = Math.abs(ms);
    const d = Math.floor(rest / 86_400_000);
    rest -= d * 86_400_000;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    if (d > 0)
        return `${sign}${d}d ${h}h`;
    if (h > 0)
        return `${sign}${h}h ${m}m`;
    if (m > 0)
        return `${sign}${m}m`;
    return `${sign}${s}s`;
}
/** A duration as the inputs write it: `30m`, `3h`, `1d` (formatSpan without a zero last part). */
function inputSpan(ms) {
    return formatSpan(ms).replace(/ 0[dhms]$/, '');
}
/** The time left until `ms` in words: `5h 57m`, or `expired 1h 2m ago` (never a negative span). */
function timeLeft(ms, now) {
    return ms > now ? formatSpan(ms - now) : `expired ${formatSpan(now - ms)} ago`;
}
/** ISO 8601 for an epoch-ms time. */
function iso(ms) {
    return new Date(ms).toISOString();
}
/** Hours from now until `ms`, one decimal, as the `expires_in_hours` output. */
function hoursUntil(ms, now) {
    if (ms === undefined)
        return '';
    return ((ms - now) / 3_600_000).toFixed(1);
}


/***/ })

};
