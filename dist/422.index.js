export const id = 422;
export const ids = [422];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** Error classes every layer may throw; each message is one sentence naming the problem and the fix. */
/** A problem in an input other than the login: the message names the input and the fix. */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CLAUDE_VERSION: () => (/* binding */ DEFAULT_CLAUDE_VERSION),
/* harmony export */   PERMISSIONS: () => (/* binding */ PERMISSIONS),
/* harmony export */   SECRET_INPUTS: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   getInputs: () => (/* binding */ getInputs),
/* harmony export */   maskValue: () => (/* binding */ maskValue)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1164);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9834);
/* harmony import */ var _zod_message_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2376);
/* harmony import */ var _known_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5688);
/**
 * Every input of action.yml, read once and validated with zod. The only caller of
 * `core.getInput`: the rest of the action gets a typed `Inputs`.
 */






const MODES = ['auto', 'setup', 'prompt', 'review', 'triage', 'health', 'command'];
const SEVERITIES = ['critical', 'major', 'minor', 'nit'];
/** Repository permissions, least first (`command_permission` is the least a commenter needs). */
const PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'];
/** The CLI version the action installs by default, and the tests run. */
const DEFAULT_CLAUDE_VERSION = '2.1.332';
/** A string input turned into a value; `fn` returns `z.NEVER` after `reject`. */
const input = (fn) => _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(_zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .transform */ .pdi(fn));
/** Records why an input is refused (mini's transform context has no `addIssue`). */
function reject(ctx, message) {
    ctx.issues.push({ code: 'custom', message, input: ctx.value });
    return _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tmp;
}
const bool = (name) => input((v, ctx) => {
    const s = v.trim().toLowerCase();
    if (s === '' || s === 'false')
        return false;
    if (s === 'true')
        return true;
    return reject(ctx, `${name} "${v}" must be true or false.`);
});
const oneOf = (name, values, fallback) => input((v, ctx) => {
    const s = (v.trim() || fallback).toLowerCase();
    if (values.includes(s))
        return s;
    return reject(ctx, `${name} "${v}" is not one of ${values.join(', ')}.`);
});
const duration = (name, fallback) => input((v, ctx) => {
    try {
        return (0,_time_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(v.trim() || fallback, name);
    }
    catch (err) {
        return reject(ctx, err.message);
    }
});
function number(name, fallback, check = {}) {
    return input((v, ctx) => {
        const s = v.trim();
        if (s === '')
            return fallback;
        const n = Number(s);
        const ok = Number.isFinite(n) &&
            (!check.int || Number.isInteger(n)) &&
            (check.min === undefined || n >= check.min) &&
            (check.max === undefined || n <= check.max) &&
            (!check.positive || n > 0);
        if (ok)
            return n;
        const bounds = [
            check.positive ? 'above 0' : '',
            check.min !== undefined && check.max !== undefined
                ? `from ${check.min} to ${check.max}`
                : check.min !== undefined
                    ? `of at least ${check.min}`
                    : check.max !== undefined
                        ? `of at most ${check.max}`
                        : ''
        ].filter(Boolean);
        const want = [check.int ? 'a whole number' : 'a number', ...bounds].join(' ');
        return reject(ctx, `${name} "${v}" must be ${want}.`);
    });
}
/** Comma or newline separated list, blanks dropped. */
const list = input(v => v
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s.length > 0));
const text = input(v => v.trim());
const secret = input(v => v.trim());
/** A trimmed text, `fallback` when empty. */
const textOr = (fallback) => input(v => v.trim() || fallback);
const severityOrNone = (name, fallback) => oneOf(name, ['none', ...SEVERITIES], fallback);
/** The zod schema of every input, keyed by its action.yml name. */
const InputSchema = _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    mode: oneOf('mode', MODES, 'auto'),
    claude_auth: secret,
    claude_code_oauth_token: secret,
    anthropic_api_key: secret,
    github_token: secret,
    secrets_token: secret,
    auth_secret_name: textOr('CLAUDE_AUTH'),
    auth_secret_environment: text,
    auth_secret_org: text,
    config_dir: textOr('~/.claude'),
    min_validity: duration('min_validity', '30m'),
    warn_within: duration('warn_within', '7d'),
    refresh: oneOf('refresh', ['auto', 'always', 'never'], 'auto'),
    claude_version: input((v, ctx) => {
        const s = v.trim() || DEFAULT_CLAUDE_VERSION;
        if (s === 'latest' || /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(s))
            return s;
        return reject(ctx, `claude_version "${v.trim()}" must be a version such as ${DEFAULT_CLAUDE_VERSION}, or latest.`);
    }),
    claude_path: text,
    model: text,
    max_turns: number('max_turns', undefined, { int: true, min: 1 }),
    timeout_minutes: number('timeout_minutes', 20, { positive: true }),
    claude_args: _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    prompt: _zod_mini_js__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    prompt_file: text,
    on_usage_limit: oneOf('on_usage_limit', ['fail', 'skip', 'defer'], 'fail'),
    usage_ceiling: input((v, ctx) => {
        const s = v.trim();
        if (s === '')
            return undefined;
        const n = Number(s);
        if (Number.isFinite(n) && n > 0 && n <= 1)
            return n;
        return reject(ctx, `usage_ceiling "${v.trim()}" must be a fraction above 0 and at most 1 (0.8 skips at 80 % used), or empty for no ceiling.`);
    }),
    dry_run: bool('dry_run'),
    pr_number: number('pr_number', undefined, { int: true, min: 1 }),
    issue_number: number('issue_number', undefined, { int: true, min: 1 }),
    backtest: number('backtest', 0, { int: true, min: 0 }),
    live_check: bool('live_check'),
    health_issue: bool('health_issue'),
    review_paths: list,
    max_comments: number('max_comments', 10, { int: true, min: 0 }),
    min_severity: oneOf('min_severity', SEVERITIES, 'minor'),
    fail_on: severityOrNone('fail_on', 'none'),
    incremental: bool('incremental'),
    resolve_outdated: bool('resolve_outdated'),
    review_drafts: bool('review_drafts'),
    review_forks: bool('review_forks'),
    skip_authors: list,
    review_rules: list,
    diff_budget: number('diff_budget', undefined, { int: true, min: 1000 }),
    labels_allow: list,
    labels_deny: list,
    max_labels: number('max_labels', 3, { int: true, min: 1 }),
    min_confidence: number('min_confidence', 0.6, { min: 0, max: 1 }),
    exclusive_labels: list,
    fallback_label: text,
    triage_comment: bool('triage_comment'),
    backfill_limit: number('backfill_limit', 20, { int: true, min: 0 }),
    trigger_phrase: input((v, ctx) => {
        const s = v.trim() || '@claude';
        if (!/\s/.test(s))
            return s;
        return reject(ctx, `trigger_phrase "${v.trim()}" must be one word such as @claude (no spaces).`);
    }),
    command_permission: oneOf('command_permission', PERMISSIONS, 'write')
});
/** Defaults of inputs whose action.yml default is not the empty string. */
const DEFAULTS = {
    live_check: 'true',
    health_issue: 'true',
    incremental: 'true',
    resolve_outdated: 'true',
    skip_authors: 'dependabot[bot],renovate[bot]',
    review_rules: 'REVIEW.md,CLAUDE.md,.github/claude-review.md'
};
/** Inputs whose values are secrets: masked before anything else happens. */
const SECRET_INPUTS = [
    'claude_auth',
    'claude_code_oauth_token',
    'anthropic_api_key',
    'github_token',
    'secrets_token'
];
/** How the outbound guard names each secret input when it finds one in a write. */
const SECRET_KIND = {
    claude_auth: 'claude_auth',
    claude_code_oauth_token: 'setup-token',
    anthropic_api_key: 'API key',
    github_token: 'github_token',
    secrets_token: 'secrets_token'
};
/**
 * Reads and validates every input.
 * @throws InputError naming the first bad input, its value and what was expected.
 */
function getInputs(read = readInput) {
    const raw = {};
    for (const name of Object.keys(InputSchema.shape)) {
        const value = read(name);
        if (SECRET_INPUTS.includes(name)) {
            maskValue(value);
            (0,_known_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .remember */ .kY)(SECRET_KIND[name], value);
        }
        raw[name] = value === '' && DEFAULTS[name] !== undefined ? DEFAULTS[name] : value;
    }
    const result = InputSchema.safeParse(raw);
    if (!result.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d((0,_zod_message_js__WEBPACK_IMPORTED_MODULE_5__/* .firstIssue */ .OE)(result.error).issue?.message ?? 'An input is not valid.');
    }
    return result.data;
}
/** Masks a secret value, and each of its lines: a runner matches masks line by line. */
function maskValue(value) {
    const trimmed = value.trim();
    if (trimmed === '')
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(trimmed);
    for (const line of trimmed.split(/\r?\n/)) {
        if (line.trim().length >= 8 && line.trim() !== trimmed)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
    }
    const compact = trimmed.replace(/\s+/g, '');
    if (compact !== trimmed)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(compact);
}
function readInput(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
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


/***/ }),

/***/ 2376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   OE: () => (/* binding */ firstIssue),
/* harmony export */   Yf: () => (/* binding */ jsonExcerpt),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   vJ: () => (/* binding */ withArticle),
/* harmony export */   w5: () => (/* binding */ fieldName)
/* harmony export */ });
/* unused harmony export valueAt */
/** The first issue of `error`, with the value the input holds at its path. */
function firstIssue(error, input) {
    const issue = error.issues[0];
    const path = (issue?.path ?? []).filter((p) => typeof p !== 'symbol');
    return { issue, path, value: valueAt(input, path) };
}
/** The value at `path` inside `input`, or undefined where the path leaves the objects. */
function valueAt(input, path) {
    let cur = input;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
/**
 * A path as a field name: `labels[0].name` (brackets), `claudeAiOauth.scopes.0` (dots, as the
 * auth messages write JSON paths), or `labels[].name` (pattern: any index).
 */
function fieldName(path, style = 'brackets') {
    if (style === 'dots')
        return path.map(String).join('.');
    let out = '';
    for (const key of path) {
        if (typeof key === 'number')
            out += style === 'pattern' ? '[]' : `[${key}]`;
        else
            out += out === '' ? key : `.${key}`;
    }
    return out;
}
/** `a number`, `an array`: the noun with its indefinite article. */
function withArticle(noun) {
    return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
/** What a value is, for "must be X, not Y": `missing`, `null`, `an array`, `a string`, … */
function kindOf(value) {
    if (value === undefined)
        return 'missing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return withArticle(typeof value);
}
/** A text quoted as JSON, cut to `max` characters first. */
function quote(text, max) {
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
/** Any value as JSON text, cut to `max` characters. */
function jsonExcerpt(value, max) {
    let text;
    try {
        text = JSON.stringify(value) ?? String(value);
    }
    catch {
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}


/***/ }),

/***/ 1164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BpO: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.BpO),
/* harmony export */   BpQ: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.BpQ),
/* harmony export */   FsL: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
/* harmony export */   Ikc: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
/* harmony export */   L5J: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.L5J),
/* harmony export */   Whr: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Whr),
/* harmony export */   YOg: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
/* harmony export */   YjP: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
/* harmony export */   _H3: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__._H3),
/* harmony export */   aig: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
/* harmony export */   cl6: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.cl6),
/* harmony export */   euz: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.euz),
/* harmony export */   g1P: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
/* harmony export */   k5n: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
/* harmony export */   lqM: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
/* harmony export */   pdi: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
/* harmony export */   tmp: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.tmp),
/* harmony export */   yjt: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.yjt),
/* harmony export */   zni: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.zni)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5277);
/**
 * The zod every module on a step's start path imports (`import * as z`): `zod/mini`, the
 * functional API of the same zod package. Zod classic (a chunk of some 380 KB, with a method class
 * per schema) cost a step that only checks its inputs and login a fifth of its start-up time, so
 * it is left to the jobs that load it lazily (review and triage answers, the CLI's events). Both
 * share zod's core and its global config, so a schema's issues are the same whichever API built
 * it. Named imports and `export *` let the bundle keep only what is used (a namespace object
 * re-exported whole would carry every locale).
 */


// Classic sets English messages when its first schema is built; mini sets none ("Invalid input").
(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)((0,zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)());



/***/ })

};
