export const id = 956;
export const ids = [956];
export const modules = {

/***/ 4956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CredentialsSchema: () => (/* reexport */ CredentialsSchema),
  MAX_JSON_DEPTH: () => (/* reexport */ MAX_JSON_DEPTH),
  buildBundle: () => (/* reexport */ buildBundle),
  decodeAuth: () => (/* binding */ decodeAuth),
  encodeBundle: () => (/* reexport */ encodeBundle),
  jsonDepth: () => (/* reexport */ jsonDepth),
  tokensOf: () => (/* reexport */ tokensOf)
});

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/zod-mini.ts
var zod_mini = __webpack_require__(1164);
// EXTERNAL MODULE: ./src/auth/errors.ts
var errors = __webpack_require__(5439);
// EXTERNAL MODULE: ./src/auth/messages.ts
var messages = __webpack_require__(7404);
;// CONCATENATED MODULE: ./src/auth/limits.ts
/**
 * The size and depth limits a secret must meet before anything decodes, parses or walks it: a
 * genuine login is a few kilobytes of shallow JSON, so anything past these is refused whole.
 */


/** GitHub refuses secrets over 48 KB: anything larger cannot be a genuine secret. */
const MAX_SECRET_BYTES = 48 * 1024;
/** Decompression stops here: a real login is a few kilobytes. */
const MAX_DECOMPRESSED_BYTES = 1024 * 1024;
/** No captured login nests JSON this deep; deeper input could overflow the stack later. */
const MAX_JSON_DEPTH = 32;
/**
 * The deepest nesting of objects and arrays in a JSON text, counted without parsing it (so a
 * crafted input cannot overflow the stack here), stopping as soon as it passes `limit`.
 */
function jsonDepth(text, limit = Infinity) {
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++; // a backslash escapes the next character
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22) {
            inString = true;
        }
        else if (c === 0x7b || c === 0x5b) {
            depth++;
            if (depth > deepest)
                deepest = depth;
            if (deepest > limit)
                return deepest;
        }
        else if (c === 0x7d || c === 0x5d) {
            depth--;
        }
    }
    return deepest;
}
/** Refuses JSON nested deeper than MAX_JSON_DEPTH, before anything parses or walks it. */
function checkDepth(text, what) {
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        throw new errors/* AuthError */.l(`${what} holds JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no captured login does: store the output of ${messages/* CAPTURE_TOOL */.Yx} again.`);
    }
}
/** A byte count as messages give it. */
function kb(n) {
    return `${Math.ceil(n / 1024)} KB`;
}

// EXTERNAL MODULE: ./src/zod-message.ts
var zod_message = __webpack_require__(2376);
// EXTERNAL MODULE: ./src/auth/credentials.ts
var credentials = __webpack_require__(8168);
;// CONCATENATED MODULE: ./src/auth/token-text.ts
/**
 * Tokens as people paste them: a setup-token the terminal wrapped over lines is joined again, and
 * a token that cannot be a whole setup-token (cut short, a refresh token, an API key) is named with
 * the fix. Shared by the action's decoder and the capture tool's `--from token`. Pure.
 */
/** How long a setup-token from `claude setup-token` is, as users report it: `sk-ant-oat01-` and 95 more. */
const SETUP_TOKEN_LENGTH = 108;
/**
 * Shorter than this, a setup-token was cut short: a terminal 80 columns wide shows at most 80 of
 * its characters on the first line, and that line is what a careless copy takes.
 */
const MIN_SETUP_TOKEN_LENGTH = 90;
/** An Anthropic token of any kind, whole: `sk-ant-<kind><2 digits>-…`. */
const TOKEN_RE = /^sk-ant-[a-z]{3}\d{2}-[A-Za-z0-9_-]{8,}$/;
/** A line that can only be the continuation of a wrapped token. */
const CONTINUATION_RE = /^[A-Za-z0-9_-]+$/;
/** A token's start in a line of text; the token runs to the end of the line when wrapped. */
const TOKEN_START_RE = /sk-ant-[a-z]{3}\d{2}-[A-Za-z0-9_-]*/g;
/**
 * The one token `text` is, with any whitespace inside it (line breaks of a wrapped paste) removed;
 * undefined when the text is anything else.
 */
function joinedToken(text) {
    const compact = text.replace(/\s+/g, '');
    return TOKEN_RE.test(compact) ? compact : undefined;
}
/**
 * Every token in a longer text (`claude setup-token`'s whole output, say), each joined with the
 * lines that continue it: a token that runs to the end of its line goes on into the next line when
 * that line is only token characters.
 */
function tokensInText(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const found = [];
    lines.forEach((line, i) => {
        for (const m of line.matchAll(TOKEN_START_RE)) {
            let token = m[0];
            const atEnd = line.slice((m.index ?? 0) + token.length).trim() === '';
            for (let j = i + 1; atEnd && j < lines.length; j++) {
                const next = lines[j].trim();
                if (next === '' || !CONTINUATION_RE.test(next))
                    break;
                token += next;
            }
            found.push(token);
        }
    });
    return [...new Set(found)];
}
/**
 * Why `token` cannot be a whole setup-token, in one sentence that starts with `subject` (`The
 * claude_code_oauth_token secret`, `That`); undefined when it may be one.
 */
function setupTokenProblem(token, subject) {
    if (/^sk-ant-api\d{2}-/.test(token)) {
        return `${subject} is an Anthropic API key, not a subscription login: pass it as the anthropic_api_key input instead, or run \`claude setup-token\` for a subscription token.`;
    }
    if (/^sk-ant-ort\d{2}-/.test(token)) {
        return `${subject} is a refresh token (sk-ant-ort01-…), not a setup-token: run \`claude setup-token\` and paste the token it prints (sk-ant-oat01-…), or store the whole login with \`node capture.js\`.`;
    }
    if (!/^sk-ant-oat\d{2}-/.test(token)) {
        return `${subject} looks like a token but not an OAuth access token (sk-ant-oat…): use the token \`claude setup-token\` prints.`;
    }
    if (token.length < MIN_SETUP_TOKEN_LENGTH) {
        return `${subject} is ${token.length} characters, too short to be a whole setup-token (a setup-token is about ${SETUP_TOKEN_LENGTH}): it was probably cut short where the terminal wrapped it; copy all of it, every line, and paste it again.`;
    }
    return undefined;
}
/**
 * True when `text` begins with the banner npm prints before running a script (`> name@version
 * script`, then the command): what `npm run capture > file` writes into the file before the bundle.
 */
function startsWithNpmBanner(text) {
    const first = text.trimStart().split('\n', 1)[0] ?? '';
    return /^> \S+@\S+ \S+/.test(first);
}

;// CONCATENATED MODULE: ./src/auth/login.ts
/**
 * What a decoded login is, whatever form it came in: the CLI's credentials shape, the login
 * types the action works with, and the field checks every form shares (wiped tokens, epoch
 * seconds where milliseconds belong, a wrong shape named by its first wrong field).
 */





/** The login as the CLI stores it under `claudeAiOauth`; unknown fields survive a round trip. */
const OauthSchema = zod_mini/* looseObject */._H3({
    accessToken: zod_mini/* string */.YjP(),
    refreshToken: zod_mini/* optional */.lqM(zod_mini/* string */.YjP()),
    expiresAt: zod_mini/* number */.aig(),
    refreshTokenExpiresAt: zod_mini/* optional */.lqM(zod_mini/* number */.aig()),
    scopes: zod_mini/* optional */.lqM(zod_mini/* array */.YOg(zod_mini/* string */.YjP())),
    subscriptionType: zod_mini/* nullish */.cl6(zod_mini/* string */.YjP())
});
/** The whole `.credentials.json`; fields beside `claudeAiOauth` survive too. */
const CredentialsSchema = zod_mini/* looseObject */._H3({ claudeAiOauth: OauthSchema });
const SourceSchema = zod_mini/* enum */.k5n(['file', 'keychain', 'container', 'setup-token', 'refresh']);
/** Every secret string a login holds, for masking. */
function tokensOf(login) {
    if (login.kind === 'setup-token')
        return [login.token];
    const o = login.credentials.claudeAiOauth;
    return [o.accessToken, o.refreshToken ?? ''].filter(t => t.length > 0);
}
/** A setup-token login from a bare token; refuses an API key and other `sk-ant-` strings. */
function fromToken(token, what) {
    const problem = setupTokenProblem(token, what);
    if (problem)
        throw new errors/* AuthError */.l(problem);
    return { kind: 'setup-token', token, origin: 'token', generation: 0, files: {}, warnings: [] };
}
/** Refuses a wiped login and timestamps in the wrong unit. */
function checkOauth(o, what, prefix) {
    if ((0,credentials/* isWiped */.IO)(o)) {
        throw new errors/* AuthError */.l(`${what} holds a wiped login (${prefix}accessToken is empty), as the CLI leaves it after a refused refresh: the login is gone.`, 'expired');
    }
    checkEpochMs(o.expiresAt, `${prefix}expiresAt`, what);
    checkEpochMs(o.refreshTokenExpiresAt, `${prefix}refreshTokenExpiresAt`, what);
}
/** Epoch seconds where milliseconds belong would make every login look expired in 1970. */
function checkEpochMs(value, field, what) {
    if (value === undefined || value === 0)
        return;
    if (value > 0 && value < 100_000_000_000) {
        throw new errors/* AuthError */.l(`${what} has ${field} ${value}, which is seconds since the epoch; the CLI writes milliseconds (${value * 1000}): re-capture the login rather than editing it by hand.`);
    }
    if (value < 0 || !Number.isFinite(value)) {
        throw new errors/* AuthError */.l(`${what} has ${field} ${value}; expected milliseconds since the epoch.`);
    }
}
/** The value as the schema parses it, or an AuthError naming the first wrong field. */
function parseShape(schema, value, what) {
    const result = schema.safeParse(value);
    if (result.success)
        return result.data;
    const first = (0,zod_message/* firstIssue */.OE)(result.error, value);
    const field = (0,zod_message/* fieldName */.w5)(first.path, 'dots') || '(top level)';
    throw new errors/* AuthError */.l(`${what} has the wrong shape: field "${field}" ${shapeDetail(first)}.`);
}
/** What is wrong with the field: missing, the wrong type, or outside its values. */
function shapeDetail({ issue, value }) {
    if (issue?.code === 'invalid_type') {
        const received = (0,zod_message/* kindOf */.I)(value);
        if (received === 'missing')
            return `is missing (expected ${issue.expected})`;
        const detail = `must be ${(0,zod_message/* withArticle */.vJ)(issue.expected)}, not ${received}`;
        return issue.expected === 'number' && received === 'a string'
            ? `${detail} (numbers are not quoted)`
            : detail;
    }
    if (issue?.code === 'invalid_value') {
        return `must be one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`;
    }
    if (issue?.code === 'too_small')
        return `is too small (${issue.message})`;
    return issue?.message ?? 'is invalid';
}

;// CONCATENATED MODULE: ./src/auth/bundle-format.ts
/**
 * The auth bundle, version 1: the one string `capture` writes and the action reads (base64 of
 * gzip of JSON) and writes back after a refresh. Reading a bundle object, building one for a
 * login, and encoding it; `bundle.ts` finds the bundle inside whatever form the secret came in.
 */





/** The newest bundle version this code writes and understands. */
const BUNDLE_VERSION = 1;
const BUNDLE_FORMAT = 'claude-auth-bundle';
/** Files besides the credentials that a bundle may carry and `restore` may write. */
const EXTRA_FILES = ['settings.json', 'settings.local.json'];
const FilesSchema = zod_mini/* record */.g1P(zod_mini/* string */.YjP(), zod_mini/* unknown */.L5J());
/** Version 1 of the bundle, exactly as the SPEC writes it. */
const BundleSchema = zod_mini/* looseObject */._H3({
    format: zod_mini/* literal */.euz(BUNDLE_FORMAT),
    version: zod_mini/* literal */.euz(BUNDLE_VERSION),
    kind: zod_mini/* enum */.k5n(['oauth', 'setup-token']),
    capturedAt: zod_mini/* string */.YjP(),
    source: SourceSchema,
    generation: zod_mini/* number */.aig().check(zod_mini/* int */.Whr(), zod_mini/* minimum */.BpO(0)),
    credentials: zod_mini/* optional */.lqM(CredentialsSchema),
    token: zod_mini/* optional */.lqM(zod_mini/* string */.YjP()),
    tokenExpiresAt: zod_mini/* optional */.lqM(zod_mini/* number */.aig()),
    files: zod_mini/* optional */.lqM(FilesSchema)
})
    .check(zod_mini/* superRefine */.zni((b, ctx) => {
    if (b.kind === 'oauth' && !b.credentials) {
        ctx.addIssue({
            code: 'custom',
            path: ['credentials'],
            message: 'is required for kind "oauth"'
        });
    }
    if (b.kind === 'setup-token' && !b.token) {
        ctx.addIssue({
            code: 'custom',
            path: ['token'],
            message: 'is required for kind "setup-token"'
        });
    }
}));
/** A bundle object (its `format` or `version` key said so) as a login. */
function fromBundle(obj, what) {
    if (obj.format !== BUNDLE_FORMAT) {
        throw new errors/* AuthError */.l(`${what} has field "format" ${JSON.stringify(String(obj.format).slice(0, 40))}; expected "${BUNDLE_FORMAT}".`);
    }
    if (typeof obj.version === 'number' && obj.version > BUNDLE_VERSION) {
        throw new errors/* AuthError */.l(`${what} is a bundle of version ${obj.version}, newer than this action understands (${BUNDLE_VERSION}): update the action to a newer release, or capture with the matching version of the capture tool.`);
    }
    const bundle = parseShape(BundleSchema, obj, what);
    const files = pickFiles(bundle.files ?? {});
    const base = {
        generation: bundle.generation,
        source: bundle.source,
        capturedAt: bundle.capturedAt,
        files: files.files,
        bundle,
        warnings: files.warnings,
        origin: 'bundle'
    };
    if (bundle.kind === 'setup-token') {
        const token = fromToken(bundle.token, what).token;
        checkEpochMs(bundle.tokenExpiresAt, 'tokenExpiresAt', what);
        return {
            ...base,
            kind: 'setup-token',
            token,
            ...(bundle.tokenExpiresAt !== undefined ? { tokenExpiresAt: bundle.tokenExpiresAt } : {})
        };
    }
    const credentials = bundle.credentials;
    checkOauth(credentials.claudeAiOauth, what, 'credentials.claudeAiOauth.');
    return { ...base, kind: 'oauth', credentials };
}
function pickFiles(raw) {
    const files = {};
    const warnings = [];
    for (const [name, content] of Object.entries(raw)) {
        if (EXTRA_FILES.includes(name))
            files[name] = content;
        else
            warnings.push(`The bundle carries a file "${name.slice(0, 60)}" that is not restored.`);
    }
    return { files, warnings };
}
/** Builds a version-1 bundle for a login, keeping unknown fields of the bundle it came from. */
function buildBundle(login, meta) {
    // Files come only from `meta.files` or the login's own (already filtered) files, never from
    // the bundle it was decoded from.
    const { files: _previousFiles, ...previous } = login.bundle ?? {};
    const common = {
        ...previous,
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        capturedAt: meta.capturedAt ?? new Date().toISOString(),
        source: meta.source,
        generation: meta.generation
    };
    const files = meta.files ?? login.files;
    const withFiles = Object.keys(files).length > 0 ? { files } : {};
    if (login.kind === 'setup-token') {
        const { credentials: _drop, ...rest } = common;
        return BundleSchema.parse({
            ...rest,
            kind: 'setup-token',
            token: login.token,
            ...(login.tokenExpiresAt !== undefined ? { tokenExpiresAt: login.tokenExpiresAt } : {}),
            ...withFiles
        });
    }
    const { token: _t, tokenExpiresAt: _te, ...rest } = common;
    return BundleSchema.parse({
        ...rest,
        kind: 'oauth',
        credentials: login.credentials,
        ...withFiles
    });
}
/**
 * Encodes a bundle as the secret's string: base64 of gzip of JSON.
 * @throws AuthError when the result is over GitHub's 48 KB limit.
 */
function encodeBundle(bundle) {
    const encoded = (0,external_node_zlib_.gzipSync)(Buffer.from(JSON.stringify(bundle), 'utf8'), { level: 9 }).toString('base64');
    if (encoded.length > MAX_SECRET_BYTES) {
        throw new errors/* AuthError */.l(`The bundle is ${kb(encoded.length)} once encoded, more than the 48 KB GitHub allows for a secret: leave out the extra files.`);
    }
    return encoded;
}

;// CONCATENATED MODULE: ./src/auth/bundle.ts
/**
 * Decodes the secret in any form the SPEC accepts into a login: the auth bundle (see
 * `bundle-format.ts`), and the older forms: a bare `.credentials.json`, a tar or tar.gz of a
 * captured `~/.claude`, a bare setup-token, each base64-encoded or not. Size and depth limits
 * (`limits.ts`) apply before anything is decompressed or parsed.
 *
 * Decoding never logs and never quotes the input: every message names the problem and the fix.
 * This module is also the one place importers find the login's types and the bundle's functions.
 */










/**
 * Decodes any accepted form of the secret into a login.
 * @throws AuthError with one sentence naming the problem.
 */
async function decodeAuth(raw, opts = {}) {
    const what = opts.label ?? `The ${opts.inputName ?? 'claude_auth'} secret`;
    if (raw.length > MAX_SECRET_BYTES) {
        throw new errors/* AuthError */.l(`${what} is ${kb(raw.length)}, more than the 48 KB GitHub allows for a secret, so it cannot be a captured login: store the output of ${messages/* CAPTURE_TOOL */.Yx} instead.`);
    }
    const text = raw.trim();
    if (text.length === 0)
        throw new errors/* AuthError */.l(`${what} is empty.`, 'missing');
    if (text.startsWith('{') || text.startsWith('['))
        return fromJsonText(text, what, 'as given');
    // A token wrapped over lines by the terminal it was copied from is the token, joined again.
    const token = joinedToken(text);
    if (token)
        return fromToken(token, what);
    if (startsWithNpmBanner(text)) {
        throw new errors/* AuthError */.l(`${what} starts with npm's banner lines (\`> claude-subscription-action@… capture\`), which \`npm run capture > file\` writes into the file: store only the bundle line, or capture again with \`npm run -s capture\` (or \`node dist/capture.js\`).`);
    }
    const compact = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
        throw new errors/* AuthError */.l(`${what} is not base64, and not a JSON credentials file or a setup-token either: paste the whole output of ${messages/* CAPTURE_TOOL */.Yx}: one base64 line.`);
    }
    const bytes = Buffer.from(compact, 'base64');
    return fromBytes(bytes, what, 'after base64 decoding');
}
async function fromBytes(bytes, what, stage) {
    if (bytes.length === 0)
        throw new errors/* AuthError */.l(`${what} decodes to nothing (0 bytes) ${stage}.`);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        let inflated;
        try {
            inflated = (0,external_node_zlib_.gunzipSync)(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES });
        }
        catch (err) {
            if (err.code === 'ERR_BUFFER_TOO_LARGE') {
                throw new errors/* AuthError */.l(`${what} decompresses to more than 1 MB, which no captured login does: store the output of ${messages/* CAPTURE_TOOL */.Yx}.`);
            }
            throw new errors/* AuthError */.l(`${what} is gzip data that is truncated or corrupt (${zlibReason(err)}): copy the whole value again, it was probably cut short.`);
        }
        return fromPlain(inflated, what, 'after gunzip');
    }
    return fromPlain(bytes, what, stage);
}
async function fromPlain(bytes, what, stage) {
    if (bytes.length >= 512 && bytes.subarray(257, 262).toString('latin1') === 'ustar') {
        // tar-stream is evaluated only for a tar input. Eager: bundled with this module, no chunk of
        // its own, so dist/capture.js stays one file.
        const { readClaudeTar } = await Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 397));
        const files = await readClaudeTar(bytes, what);
        return fromTarFiles(files, what);
    }
    const head = bytes.subarray(0, 64).toString('utf8').trimStart();
    if (head.startsWith('{') || head.startsWith('[')) {
        return fromJsonText(bytes.toString('utf8'), what, stage);
    }
    const token = joinedToken(bytes.toString('utf8'));
    if (token)
        return fromToken(token, what);
    throw new errors/* AuthError */.l(`${what} ${stage} is ${bytes.length} bytes that are not gzip, a tar archive, JSON or a setup-token: store the output of ${messages/* CAPTURE_TOOL */.Yx}.`);
}
function fromJsonText(text, what, stage) {
    checkDepth(text, what);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        const pos = /position (\d+)/.exec(String(err.message));
        const where = pos ? ` near character ${pos[1]}` : '';
        throw new errors/* AuthError */.l(`${what} ${stage} is not valid JSON (it breaks${where}): copy the whole value again, or re-capture it.`);
    }
    return fromJsonValue(value, what);
}
function fromJsonValue(value, what) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
        throw new errors/* AuthError */.l(`${what} is JSON but ${got}; expected an object: a claude-auth-bundle or a .credentials.json with "claudeAiOauth".`);
    }
    const obj = value;
    if ('format' in obj || 'version' in obj)
        return fromBundle(obj, what);
    if ('claudeAiOauth' in obj) {
        const credentials = parseShape(CredentialsSchema, obj, what);
        checkOauth(credentials.claudeAiOauth, what, 'claudeAiOauth.');
        return {
            kind: 'oauth',
            credentials,
            origin: 'credentials-json',
            generation: 0,
            files: {},
            warnings: []
        };
    }
    const keys = Object.keys(obj)
        .slice(0, 5)
        .map(k => JSON.stringify(k.slice(0, 30)));
    throw new errors/* AuthError */.l(`${what} is a JSON object without "format" or "claudeAiOauth" (its keys: ${keys.join(', ') || 'none'}): it is neither a claude-auth-bundle nor a .credentials.json.`);
}
function fromTarFiles(files, what) {
    const creds = files.get('.credentials.json');
    if (!creds) {
        throw new errors/* AuthError */.l(`${what} is an archive of a Claude directory without a .credentials.json: it was probably captured on a Mac, where the login lives in the Keychain; run \`node capture.js\` there instead, which reads the Keychain.`);
    }
    if (creds.length === 0 || creds.toString('utf8').trim() === '') {
        throw new errors/* AuthError */.l(`${what} holds an empty .credentials.json (0 bytes): log in with \`claude\` again, then re-capture.`);
    }
    const login = fromJsonText(creds.toString('utf8'), `${what}'s .credentials.json`, 'as archived');
    if (login.kind !== 'oauth' || login.origin !== 'credentials-json') {
        throw new errors/* AuthError */.l(`${what}'s .credentials.json is not a credentials file (no "claudeAiOauth"): log in with \`claude\` again, then re-capture.`);
    }
    const extras = {};
    const warnings = [];
    for (const name of EXTRA_FILES) {
        const buf = files.get(name);
        if (!buf)
            continue;
        const text = buf.toString('utf8');
        checkDepth(text, `${what}'s ${name}`);
        try {
            extras[name] = JSON.parse(text);
        }
        catch {
            warnings.push(`${name} in the archive is not valid JSON and was left out.`);
        }
    }
    return { ...login, origin: 'tar', files: extras, warnings };
}
function zlibReason(err) {
    const msg = String(err.message ?? err);
    return msg.length > 80 ? msg.slice(0, 80) : msg;
}


/***/ }),

/***/ 5439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ AuthError)
/* harmony export */ });
/** The auth problems the action can name, each with the status it reports. */
/**
 * An auth problem found before any work: its message is one sentence naming the problem, never a
 * token. `main` adds the re-auth block.
 */
class AuthError extends Error {
    status;
    constructor(message, status = 'invalid') {
        super(message);
        this.status = status;
        this.name = 'AuthError';
    }
}


/***/ }),

/***/ 397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readClaudeTar: () => (/* binding */ readClaudeTar)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5439);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7404);
/**
 * Reads a tar of a captured Claude directory, taking only the files the action restores. A crafted
 * archive (absolute paths, `..`, a taken file that is a link or device) is refused whole; nothing
 * is ever written to disk here.
 */




/** The files taken from an archive; everything else is ignored. */
const TAKEN_FILES = ['.credentials.json', 'settings.json', 'settings.local.json'];
const MAX_TAKEN_BYTES = 1024 * 1024;
/**
 * Returns the taken files by base name. They may sit at the archive root or under one top-level
 * folder (`.claude/`, `./.claude/`, `claude-hub/` …), the same folder for all of them.
 */
async function readClaudeTar(bytes, what) {
    const taken = new Map();
    let folder;
    const extract = tar_stream__WEBPACK_IMPORTED_MODULE_1__.extract();
    const done = (async () => {
        for await (const entry of extract) {
            const { name, type } = entry.header;
            const parts = name.split('/').filter(p => p !== '' && p !== '.');
            if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) {
                entry.resume();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is an archive with an absolute path entry, which a capture never writes: the whole archive is refused; re-capture with ${_messages_js__WEBPACK_IMPORTED_MODULE_3__/* .CAPTURE_TOOL */ .Yx}.`);
            }
            if (parts.includes('..') || name.split('\\').includes('..')) {
                entry.resume();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is an archive with an entry that climbs out of its folder (".."): the whole archive is refused; re-capture with ${_messages_js__WEBPACK_IMPORTED_MODULE_3__/* .CAPTURE_TOOL */ .Yx}.`);
            }
            const base = parts[parts.length - 1] ?? '';
            const isTaken = TAKEN_FILES.includes(base) && parts.length <= 2;
            if (!isTaken) {
                entry.resume();
                continue;
            }
            if (type !== 'file') {
                entry.resume();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is an archive whose ${base} is a ${type ?? 'special entry'}, not a regular file: the whole archive is refused; re-capture with ${_messages_js__WEBPACK_IMPORTED_MODULE_3__/* .CAPTURE_TOOL */ .Yx}.`);
            }
            const dir = parts.length === 2 ? parts[0] : '';
            if (folder !== undefined && folder !== dir) {
                entry.resume();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is an archive with Claude files in more than one folder, so it is unclear which login to use: archive a single ~/.claude directory.`);
            }
            folder = dir;
            const chunks = [];
            let size = 0;
            for await (const chunk of entry) {
                size += chunk.length;
                if (size > MAX_TAKEN_BYTES) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is an archive whose ${base} is larger than 1 MB.`);
                }
                chunks.push(chunk);
            }
            if (taken.has(base)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is an archive with ${base} twice: archive one directory only.`);
            }
            taken.set(base, Buffer.concat(chunks));
        }
    })();
    node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([bytes]).pipe(extract);
    try {
        await done;
    }
    catch (err) {
        extract.destroy();
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l)
            throw err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .l(`${what} is a tar archive that is truncated or corrupt: copy the whole value again, or re-capture it.`);
    }
    return taken;
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
