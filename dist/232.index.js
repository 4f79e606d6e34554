export const id = 232;
export const ids = [232];
export const modules = {

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
