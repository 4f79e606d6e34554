export const id = 42;
export const ids = [42];
export const modules = {

/***/ 8168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ primaryToken),
/* harmony export */   IO: () => (/* binding */ isWiped),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   mp: () => (/* binding */ readCredentialsState)
/* harmony export */ });
/* unused harmony exports CREDENTIALS_FILE, credentialsState */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * A login's credentials as the CLI keeps them: whether they hold a login (ok), a wiped one (the CLI
 * empties the access token, or the whole file, after a refused refresh) or none (missing), and the
 * token and fingerprint reports name a login by. One rule for the action and the capture tool.
 */



/** The file the CLI keeps its login in, inside the config dir. */
const CREDENTIALS_FILE = '.credentials.json';
/** True when the CLI wiped this login: it empties the access token when a refresh is refused. */
function isWiped(oauth) {
    return oauth?.accessToken === '';
}
/** Classifies parsed credentials JSON of any shape: no `claudeAiOauth` object is no login. */
function credentialsState(value) {
    const oauth = value?.claudeAiOauth;
    if (oauth === null || typeof oauth !== 'object')
        return 'missing';
    return isWiped(oauth) ? 'wiped' : 'ok';
}
/**
 * Reads `<configDir>/.credentials.json`: an empty file is a wiped login (the CLI may empty it),
 * and one that cannot be read or parsed holds no login.
 */
async function readCredentialsState(configDir) {
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, CREDENTIALS_FILE), 'utf8');
    }
    catch {
        return 'missing';
    }
    if (text.trim() === '')
        return 'wiped';
    try {
        return credentialsState(JSON.parse(text));
    }
    catch {
        return 'missing';
    }
}
/** A short, non-reversible name for a token: the last 4 hex characters of its SHA-256. */
function fingerprint(token) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(token, 'utf8').digest('hex').slice(-4);
}
function primaryToken(from) {
    if ('kind' in from) {
        return from.kind === 'oauth' ? from.credentials.claudeAiOauth.accessToken : from.token;
    }
    if (from.apiKey)
        return from.apiKey;
    return from.login ? primaryToken(from.login) : undefined;
}


/***/ }),

/***/ 7404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ SECRETS_TOKEN_FIX),
/* harmony export */   Fl: () => (/* binding */ rotatorPointer),
/* harmony export */   PS: () => (/* binding */ reauthBlock),
/* harmony export */   Tu: () => (/* binding */ authFailure),
/* harmony export */   Yx: () => (/* binding */ CAPTURE_TOOL)
/* harmony export */ });
/* unused harmony export troubleshootingUrl */
/** The one place that words auth failures: one sentence, then the same re-auth block. */
/**
 * The fix when the login only needs a refresh that this run may not make (no secrets_token). A
 * failure saying it offers capturing a new login as the alternative, not as the fix.
 */
const SECRETS_TOKEN_FIX = 'The fix: set the secrets_token input to a token that may write Actions secrets (README, step 2b): the action then refreshes the login before its run and stores the new one.';
/** The action's repository (package.json's `repository`). */
const DEFAULT_ACTION_REPO = 'claude-subscription-action/claude-subscription-action';
/** Where the bundled capture tool is downloaded from: one file, run with Node alone. */
const CAPTURE_URL = `https://raw.githubusercontent.com/${DEFAULT_ACTION_REPO}/v1/dist/capture.js`;
/**
 * How messages name the capture tool: the downloaded file first (no clone needed), the clone's
 * npm script (`-s`, so npm's banner stays out of its output) as the alternative.
 */
const CAPTURE_TOOL = '`node capture.js` (or `npm run -s capture` in a clone)';
/** A page of the docs (`troubleshooting.md`), on the action's own repository. */
function docsUrl(page, env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repo = env.GITHUB_ACTION_REPOSITORY || DEFAULT_ACTION_REPO;
    return `${server}/${repo}/blob/main/docs/${page}`;
}
/** The troubleshooting page of the docs, on the action's own repository. */
function troubleshootingUrl(env = process.env) {
    return docsUrl('troubleshooting.md', env);
}
/**
 * The sentence for a job on `refresh: never` whose access token cannot last its min_validity: such
 * a login is kept fresh by one scheduled rotator (docs/organisation.md), so that is where to look.
 * `reason` is the assessment's sentence; `minValidity` this job's, as the input writes it.
 */
function rotatorPointer(reason, minValidity, env = process.env) {
    const repo = env.GITHUB_ACTION_REPOSITORY || DEFAULT_ACTION_REPO;
    return `${reason.replace(/\.$/, '')}, and refresh is "never": this login is rotated by a scheduled rotator (the reusable workflow ${repo}/.github/workflows/claude-rotate.yml, see ${docsUrl('organisation.md', env)}), so check that the rotator runs and that its min_validity is longer than this job's (${minValidity}) plus the rotator's interval.`;
}
/**
 * The numbered steps that get a working login back into the secret, under `heading` (`To fix it:`,
 * or an alternative's heading when the failure named another fix).
 */
function reauthBlock(ctx, env = process.env, heading = 'To fix it:') {
    const target = ctx.org
        ? `--org ${ctx.org}`
        : ctx.environment
            ? `--repo ${ctx.repo} --env ${ctx.environment}`
            : `--repo ${ctx.repo}`;
    const name = ctx.secretName === 'CLAUDE_AUTH' ? '' : ` --name ${ctx.secretName}`;
    const where = ctx.org
        ? `the organisation secret ${ctx.secretName} of ${ctx.org}`
        : ctx.environment
            ? `the secret ${ctx.secretName} of the environment ${ctx.environment} in ${ctx.repo}`
            : `the repository secret ${ctx.secretName} of ${ctx.repo}`;
    const args = `${target}${name}`;
    return [
        heading,
        `1. On your machine (Node 20 or newer, no clone needed), download the capture tool and run it: \`curl -fsSLO ${CAPTURE_URL} && node capture.js ${args}\`.`,
        `2. Or run \`claude setup-token\` and pipe the token it prints into \`node capture.js --from token ${args}\` (a one-year token that never needs refreshing).`,
        `3. Or, in a clone of claude-subscription-action after \`npm ci\`, run \`npm run -s capture -- --from container ${args}\` to log in inside a container, so CI and your laptop never share a login (\`npm run -s capture\` takes the same options as \`node capture.js\`).`,
        `4. The login must land in ${where}. Troubleshooting: ${troubleshootingUrl(env)}`
    ].join('\n');
}
/**
 * The whole failure text: the sentence, a blank line, the re-auth block (offered as the
 * alternative when the sentence already gave the secrets_token fix).
 */
function authFailure(sentence, ctx, env = process.env) {
    const heading = sentence.includes(SECRETS_TOKEN_FIX)
        ? 'Or capture a new login instead:'
        : 'To fix it:';
    return `${sentence}\n\n${reauthBlock(ctx, env, heading)}`;
}


/***/ }),

/***/ 9976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lm: () => (/* binding */ isDefaultConfigDir),
/* harmony export */   P2: () => (/* binding */ readRestoredCredentials),
/* harmony export */   fW: () => (/* binding */ undoRestore),
/* harmony export */   g6: () => (/* binding */ restoreLogin),
/* harmony export */   jt: () => (/* binding */ RestorePlanSchema),
/* harmony export */   q8: () => (/* binding */ planRestore)
/* harmony export */ });
/* unused harmony exports credentialsFor, decideUndo */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Puts a login where the CLI looks for it (`config_dir`), and takes it away again. Whatever was in
 * `config_dir` before is moved aside first, and the plan for putting it back is saved before any
 * file is written, so the post step can always undo the main step, however far it got.
 */




/** The file that marks a directory as restored by this run. */
const MARKER_FILE = '.claude-subscription-action';
/** How long a setup-token with no recorded expiry is taken to last (the CLI issues one year). */
const SETUP_TOKEN_YEAR_MS = 365 * 24 * 3_600_000;
/** Each field of the plan and its type (`?`: may be absent). */
const PLAN_FIELDS = {
    configDir: 'string',
    hadDir: 'boolean',
    backupDir: 'string',
    marker: 'string?',
    claudeJson: 'string?',
    hadClaudeJson: 'boolean?',
    divertedFrom: 'string?'
};
/**
 * Reads a plan back from the state store: every field of its type, anything else dropped. Plain
 * code, not a zod schema: the post step reads it every time and loads no zod for it.
 */
const RestorePlanSchema = {
    parse(value) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new Error('The restore plan is not an object.');
        }
        const plan = {};
        for (const [key, type] of Object.entries(PLAN_FIELDS)) {
            const v = value[key];
            if (v === undefined && type.endsWith('?'))
                continue;
            if (typeof v !== type.replace('?', '')) {
                throw new Error(`The restore plan's ${key} is not a ${type.replace('?', '')}.`);
            }
            plan[key] = v;
        }
        return plan;
    }
};
/** True when the directory is the CLI's default, so no `CLAUDE_CONFIG_DIR` is needed. */
function isDefaultConfigDir(dir, home = node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir()) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(dir) === node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(home, '.claude');
}
/**
 * Looks at what is there now and decides where a backup would go. Writes nothing. When
 * `configDir` holds another run's live restore (its marker file is there: a self-hosted runner
 * with a shared HOME), the plan is a fresh directory under `tempDir` instead, so neither run
 * touches the other's login.
 */
async function planRestore(configDir, home = node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), tempDir) {
    if (tempDir && typeof (await markerIn(configDir)) === 'string') {
        const fresh = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tempDir, `claude-config-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
        return { ...(await planRestore(fresh, home)), divertedFrom: configDir };
    }
    const hadDir = await exists(configDir);
    const backupDir = `${configDir}.csa-backup-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
    const plan = {
        configDir,
        hadDir,
        backupDir,
        marker: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')
    };
    if (isDefaultConfigDir(configDir, home)) {
        plan.claudeJson = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(home, '.claude.json');
        plan.hadClaudeJson = await exists(plan.claudeJson);
    }
    return plan;
}
/** The credentials file a login is restored as. A setup-token becomes an access token without refresh. */
function credentialsFor(login, now = Date.now()) {
    if (login.kind === 'oauth')
        return login.credentials;
    return {
        claudeAiOauth: {
            accessToken: login.token,
            expiresAt: login.tokenExpiresAt ?? now + SETUP_TOKEN_YEAR_MS,
            scopes: ['user:inference']
        }
    };
}
/**
 * Moves any existing directory aside and writes the login (none for an API key): directory 0700,
 * files 0600. The bundle's extra files (settings) only `withSettings` (setup and prompt).
 * The caller saves `plan` to state BEFORE calling this.
 */
async function restoreLogin(plan, login, opts = {}) {
    if (plan.hadDir)
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(plan.configDir, plan.backupDir);
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(plan.configDir, { recursive: true, mode: 0o700 });
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.chmod(plan.configDir, 0o700);
    const written = [];
    const write = async (name, content) => {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, name);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(file, content, { mode: 0o600 });
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.chmod(file, 0o600);
        written.push(file);
    };
    if (plan.marker) {
        const marker = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, MARKER_FILE);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(marker, plan.marker, { mode: 0o600 });
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.chmod(marker, 0o600);
    }
    // An API key needs no file: the directory only keeps the CLI's state out of the user's own.
    if (!login)
        return written;
    await write('.credentials.json', JSON.stringify(credentialsFor(login)));
    // Settings can widen what the model may read: never in a job that reads untrusted text.
    if (!opts.withSettings)
        return written;
    for (const [name, content] of Object.entries(login.files)) {
        await write(name, `${JSON.stringify(content, null, 2)}\n`);
    }
    return written;
}
/**
 * Reads the credentials file the CLI may have rewritten (after a refresh), or undefined. Only from
 * the directory this run restored: after a first post step it holds the user's own login again.
 */
async function readRestoredCredentials(plan) {
    try {
        const marker = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, MARKER_FILE), 'utf8');
        if (!plan.marker || marker !== plan.marker)
            return undefined;
        return JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, '.credentials.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * Decides the undo from the markers: `config_dir` is removed only when it carries this run's
 * marker (or is the empty directory this run made before it could write one), and a backup that
 * carries any run's marker is another run's login, deleted rather than put back.
 */
function decideUndo(ownMarker, config, backup) {
    const removeConfig = config !== 'absent' &&
        (config.marker === ownMarker ||
            (config.marker === undefined && config.empty && backup !== 'absent'));
    if (backup === 'absent')
        return { removeConfig, backup: 'none' };
    if (backup.marker !== undefined)
        return { removeConfig, backup: 'delete' };
    return { removeConfig, backup: config === 'absent' || removeConfig ? 'restore' : 'keep' };
}
/**
 * Removes the restored login and puts back what was there before. Safe to run twice, and after a
 * main step that stopped anywhere. Returns problems as sentences; never throws.
 */
async function undoRestore(plan) {
    const problems = [];
    const attempt = async (what, fn) => {
        try {
            await fn();
        }
        catch (err) {
            problems.push(`Could not ${what}: ${err.message}`);
        }
    };
    if (plan.marker)
        await undoMarked(plan, plan.marker, attempt, problems);
    else
        await undoUnmarked(plan, attempt);
    if (plan.claudeJson && plan.hadClaudeJson === false) {
        await attempt(`remove ${plan.claudeJson}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.claudeJson, { force: true }));
    }
    return problems;
}
async function undoMarked(plan, marker, attempt, problems) {
    const decision = decideUndo(marker, await findDir(plan.configDir), await findDir(plan.backupDir));
    if (decision.removeConfig) {
        await attempt(`remove the restored login in ${plan.configDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.configDir, { recursive: true, force: true }));
    }
    if (decision.backup === 'restore') {
        await attempt(`put back ${plan.configDir} from ${plan.backupDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(plan.backupDir, plan.configDir));
    }
    else if (decision.backup === 'delete') {
        await attempt(`remove ${plan.backupDir}, another run's login moved aside`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.backupDir, { recursive: true, force: true }));
    }
    else if (decision.backup === 'keep') {
        problems.push(`Could not put back ${plan.configDir}: another run's login is there now, so what was there before stays in ${plan.backupDir}.`);
    }
}
/** A plan saved before restore markers existed: the directory is taken to be this run's. */
async function undoUnmarked(plan, attempt) {
    const backupThere = await exists(plan.backupDir);
    // With no backup, a directory that was there before was never moved aside: it is the user's.
    if (plan.hadDir && !backupThere)
        return;
    await attempt(`remove the restored login in ${plan.configDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.configDir, { recursive: true, force: true }));
    if (backupThere) {
        await attempt(`put back ${plan.configDir} from ${plan.backupDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(plan.backupDir, plan.configDir));
    }
}
/** The restore marker in `dir`: null when there is no such directory, undefined when unmarked. */
async function markerIn(dir) {
    if (!(await exists(dir)))
        return null;
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, MARKER_FILE), 'utf8');
    }
    catch {
        return undefined;
    }
}
async function findDir(dir) {
    const marker = await markerIn(dir);
    if (marker === null)
        return 'absent';
    const empty = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir).then(names => names.length === 0, () => false);
    return marker === undefined ? { empty } : { marker, empty };
}
async function exists(p) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.lstat(p);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* unused harmony export run */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _auth_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8168);
/* harmony import */ var _auth_messages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7404);
/* harmony import */ var _auth_restore_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9976);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2462);
/**
 * The post step: runs even when the job failed. Writes back a login the CLI rotated during the
 * run, then takes the restored login away and puts back what was there before. Only cleans up and
 * only warns: it never fails the job. What a write-back needs (the inputs, the bundle code, Octokit,
 * libsodium) is loaded only when there is one to make or to report.
 */





/** Runs the post step; every problem is a warning. */
async function post(env = process.env) {
    const raw = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)('restorePlan');
    if (!raw) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Nothing to clean up: the main step restored no login.');
        return;
    }
    let plan;
    try {
        plan = _auth_restore_js__WEBPACK_IMPORTED_MODULE_2__/* .RestorePlanSchema */ .jt.parse(JSON.parse(raw));
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('Post step: the saved restore plan is unreadable, so the restored login was not removed.');
        return;
    }
    try {
        await readBack(plan, env);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Post step: could not check the login for a rotation: ${err.message}`);
    }
    try {
        const problems = await (0,_auth_restore_js__WEBPACK_IMPORTED_MODULE_2__/* .undoRestore */ .fW)(plan);
        for (const p of problems)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Post step: ${p}`);
        if (problems.length === 0) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Removed the restored login from ${plan.configDir}${plan.hadDir ? ' and put back what was there before' : ''}.`);
        }
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Post step: ${err.message}`);
    }
}
/**
 * The post step under the name `@github/local-action` calls (`--post src/post.ts`): `run`, as
 * main.ts names the main step's.
 */

/**
 * Compares the refresh token on disk with the one restored: when the CLI rotated it during the run,
 * or the main step rotated it and could not store it, the login on disk is written back (or,
 * without secrets_token, a warning says the secret is stale). A login that still cannot be stored
 * is an error annotation with the re-auth steps; the post step itself never fails.
 */
async function readBack(plan, env) {
    const restoredHash = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)('restoredRefreshHash');
    const pending = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)('writeBackPending') === 'true';
    if (!restoredHash && !pending)
        return;
    const file = await (0,_auth_restore_js__WEBPACK_IMPORTED_MODULE_2__/* .readRestoredCredentials */ .P2)(plan);
    const oauth = file?.claudeAiOauth;
    const refreshToken = typeof oauth?.refreshToken === 'string' ? oauth.refreshToken : '';
    // The usual end: nothing pending, and the login on disk is the one restored (or gone).
    const unchanged = !(0,_auth_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .isWiped */ .IO)(oauth) && (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .tokenHash */ .Iq)(refreshToken) === restoredHash;
    if (!pending && (!oauth || unchanged))
        return;
    const [{ getInputs }, { decodeAuth }, { maskLogin }, lifecycle] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(422)]).then(__webpack_require__.bind(__webpack_require__, 8422)),
        Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(118), __webpack_require__.e(956)]).then(__webpack_require__.bind(__webpack_require__, 4956)),
        Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(118), __webpack_require__.e(956), __webpack_require__.e(232)]).then(__webpack_require__.bind(__webpack_require__, 9232)),
        Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(118), __webpack_require__.e(956), __webpack_require__.e(558)]).then(__webpack_require__.bind(__webpack_require__, 5558))
    ]);
    const { loginFromFile, staleWarning, writeBackConfig, writeBackLogin } = lifecycle;
    const inputs = getInputs();
    const cfg = writeBackConfig(inputs, env);
    const lost = (why) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(lostLogin(why, pending, cfg, env));
    if (!oauth) {
        if (pending)
            lost('the main step left no credentials file to store it from.');
        return;
    }
    if ((0,_auth_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .isWiped */ .IO)(oauth)) {
        const wiped = 'The CLI wiped the login during the run (its refresh was refused): the stored secret is not updated; re-capture the login.';
        if (pending)
            lost(wiped);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(wiped);
        return;
    }
    if (typeof oauth.accessToken === 'string')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(oauth.accessToken);
    if (refreshToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(refreshToken);
    if (!cfg.secretsToken) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(staleWarning(cfg));
        return;
    }
    const original = await decodeAuth(inputs.claude_auth, { inputName: 'claude_auth' });
    maskLogin(original);
    if (original.kind !== 'oauth')
        return;
    const rotated = loginFromFile(original, file);
    if (!rotated) {
        const odd = 'The credentials file the CLI left is not a login this action understands: the stored secret is not updated.';
        if (pending)
            lost(odd);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(odd);
        return;
    }
    const generation = Number((0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)('generation') ?? original.generation) + 1;
    const since = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)('lastWriteAt') ?? (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)('startedAt');
    const written = await writeBackLogin(rotated, generation, cfg, since);
    if (!written.stored) {
        lost(written.writeBackProblem);
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(pending
        ? `The login the main step rotated and could not store is now stored, on a second try (generation ${generation}).`
        : `The CLI rotated the login during the run; the new login was written back (generation ${generation}).`);
}
/** The error when a rotated login is lost: why, what it means, and the re-auth steps. */
function lostLogin(why, pending, cfg, env) {
    const what = pending
        ? 'The new login could not be stored, on a second try either'
        : 'The login the CLI rotated during the run could not be stored';
    const sentence = `${what}: ${why} The secret ${cfg.secretName} now holds a refresh token that no longer works, so the next run will fail until the login is captured again.`;
    return (0,_auth_messages_js__WEBPACK_IMPORTED_MODULE_4__/* .authFailure */ .Tu)(sentence, reauthContext(cfg), env);
}
function reauthContext(cfg) {
    return {
        repo: cfg.repo || 'OWNER/REPO',
        secretName: cfg.secretName,
        ...(cfg.environment ? { environment: cfg.environment } : {}),
        ...(cfg.org ? { org: cfg.org } : {})
    };
}


/***/ })

};
