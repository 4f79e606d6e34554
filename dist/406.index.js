export const id = 406;
export const ids = [406];
export const modules = {

/***/ 2406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cliRunner: () => (/* binding */ cliRunner)
});

// EXTERNAL MODULE: ./src/auth/credentials.ts
var credentials = __webpack_require__(8168);
// EXTERNAL MODULE: ./src/claude/args.ts
var args = __webpack_require__(6485);
;// CONCATENATED MODULE: ./src/claude/classify.ts
const AUTH_PATTERNS = [
    [
        /could not be refreshed/i,
        'The login expired and the CLI could not refresh it: the refresh token was refused (revoked, ended, or used by another machine first).'
    ],
    [
        /reached its time limit/i,
        'The login reached the end of its refresh chain and must be captured again.'
    ],
    [/OAuth token revoked/i, 'The login was revoked (HTTP 403): log in again and re-capture it.'],
    [
        /organization has disabled Claude subscription access/i,
        "The login's organization has disabled Claude subscription access (HTTP 403): an admin of that organization must allow Claude Code with subscriptions, or use a login of another account."
    ],
    [
        /can't use your Claude subscription.*payment is past due/is,
        "Claude Code cannot use the login's subscription, usually because a payment is past due (HTTP 403): pay or renew at https://claude.ai/settings/billing, or use a login of another account."
    ],
    [/OAuth token has expired/i, 'The access token was refused as expired (HTTP 401).'],
    [/Not logged in/i, 'The CLI found no usable login (Not logged in).'],
    [/Invalid API key/i, 'The CLI rejected the credentials as an invalid API key.'],
    [/Failed to authenticate/i, 'The CLI failed to authenticate with the restored login.']
];
/** Classifies a finished run. */
function classify(run, ctx) {
    const r = run.result;
    // What the model wrote is matched only when the CLI gave no result: a review that quotes
    // "Not logged in" is not an auth failure.
    const text = [r?.result ?? '', run.otherOutput, r ? '' : run.assistantText].join('\n');
    const tail = lastLine(r?.result || run.otherOutput || '');
    if (run.timedOut) {
        // A run that spent its time retrying a connection that never opened is not slow: it is cut off.
        const unreachable = unreachableApi(run, text, undefined);
        if (unreachable)
            return unreachable;
        return {
            kind: 'timeout',
            message: `Claude Code ran past timeout_minutes (${ctx.timeoutMinutes}) and was stopped; raise timeout_minutes or narrow the task.`
        };
    }
    if (ctx.credentialsWiped) {
        return {
            kind: 'auth',
            message: 'The CLI could not refresh the login and wiped it (the refresh token was refused: revoked, ended, or used by another machine first).'
        };
    }
    const status = r?.api_error_status ?? undefined;
    if (r &&
        !r.is_error &&
        r.subtype === 'success' &&
        (run.exitCode === 0 || run.exitCode === null)) {
        return { kind: 'success' };
    }
    for (const [pattern, message] of AUTH_PATTERNS) {
        if (pattern.test(text))
            return { kind: 'auth', message };
    }
    const extra = extraUsage(run, text);
    if (extra)
        return extra;
    const unreachable = unreachableApi(run, text, status);
    if (unreachable)
        return unreachable;
    if (status === 401 || status === 403) {
        return { kind: 'auth', message: `The API refused the login (HTTP ${status}): ${tail}` };
    }
    if (r?.subtype === 'error_max_turns') {
        return {
            kind: 'max-turns',
            message: `Claude Code stopped at max_turns (${ctx.maxTurns ?? r.num_turns ?? '?'}) before finishing; raise max_turns or narrow the task.`
        };
    }
    const limit = usageLimit(run, text, ctx);
    if (limit)
        return limit;
    if (r?.subtype === 'error_max_structured_output_retries') {
        return {
            kind: 'api-error',
            message: 'Claude Code gave up: its answers did not fit the required JSON schema after several tries.'
        };
    }
    if (r) {
        const code = status ? ` (HTTP ${status})` : '';
        return {
            kind: 'api-error',
            message: `Claude Code ended with an error${code}: ${tail || r.subtype}`
        };
    }
    const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
    return {
        kind: 'crash',
        message: `Claude Code ${how} without a result${tail ? `: ${tail}` : '.'}`
    };
}
/** The subscription's usage limit (5-hour or weekly), with the reset time when known. */
function usageLimit(run, text, ctx) {
    const limited = run.rateLimit?.status === 'rejected' ||
        run.result?.api_error === 'usage_limit_reached' ||
        /(?<!not your )usage limit|hit your .*limit|limit reached/i.test(text);
    if (!limited)
        return undefined;
    const resetsAt = run.rateLimit?.resetsAt ?? resetFromText(text, ctx.now ?? Date.now());
    const when = resetsAt ? ` It resets at ${new Date(resetsAt).toISOString()}.` : '';
    return {
        kind: 'usage-limit',
        message: `The subscription's usage limit is reached.${when}`,
        ...(resetsAt ? { resetsAt } : {})
    };
}
/**
 * A request the API refused without paid extra usage (a long context). The action never turns
 * extra usage on, so the only fix is a smaller request.
 */
function extraUsage(run, text) {
    const apiError = run.result?.api_error;
    if (apiError !== 'long_context_credits_required' &&
        !/Extra usage is required|Usage credits required/i.test(text)) {
        return undefined;
    }
    return {
        kind: 'usage-limit',
        extraUsage: true,
        message: 'The request needed paid extra usage (a long-context request), which the action never turns on: send less context (a smaller diff_budget or narrower review_paths) or a model with standard context.'
    };
}
/**
 * The API never answered: connection retries with no HTTP status (`system/api_retry` with
 * `error_status: null`), or the CLI's "Connection refused"-like text with no `api_error_status`.
 */
function unreachableApi(run, text, status) {
    if (typeof status === 'number')
        return undefined;
    const apiError = run.result?.api_error;
    const refused = apiError === 'connection_failed' ||
        /Connection (refused|error)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|fetch failed|Unable to connect/i.test(text);
    const onlyConnectionRetries = run.retries.length > 0 && run.retries.every(why => why === 'unknown' || /connect/i.test(why));
    if (!refused && !(run.timedOut && onlyConnectionRetries && !run.result))
        return undefined;
    const code = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(text)?.[1];
    const tries = `${run.retries.length} ${run.retries.length === 1 ? 'retry' : 'retries'}`;
    return {
        kind: 'api-error',
        message: `Claude Code could not reach the API: ${tries}, no HTTP status${code ? ` (${code})` : ''}. Check the runner's network, proxy (HTTPS_PROXY) and ANTHROPIC_BASE_URL, then run it again.`
    };
}
function lastLine(text) {
    const lines = text
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const line = lines[lines.length - 1] ?? '';
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
/** How far behind the clock a printed time of day may be and still mean this moment. */
const JUST_PASSED_MS = 5 * 60_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * The CLI's text form of a reset time as epoch ms: `resets 1:12am (UTC)` (the next such moment
 * after `now`, or one up to 5 minutes behind it), or, more than a day away, `resets Dec 5, 2:32pm (UTC)` with the year added when it
 * is not this one (`Dec 5, 2027, 2:32pm`; without a year, the next such date). Only UTC times are
 * read: any other zone cannot be placed without the runner's zone database.
 */
function resetFromText(text, now) {
    const m = /resets\s+(?:([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?,?\s+(?:at\s+)?)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)\s*\(UTC\)/i.exec(text);
    if (!m)
        return undefined;
    let hour = Number(m[4]) % 12;
    if (m[6].toLowerCase() === 'pm')
        hour += 12;
    const minute = Number(m[5] ?? 0);
    const d = new Date(now);
    if (m[1] === undefined) {
        let at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute);
        // The CLI prints whole minutes, so a reset that is just passing reads a little behind the
        // clock: that is now, not the same time tomorrow.
        if (at < now - JUST_PASSED_MS)
            at += 86_400_000;
        return at;
    }
    const month = MONTHS.indexOf(m[1].toLowerCase());
    if (month < 0)
        return undefined;
    const day = Number(m[2]);
    const on = (year) => Date.UTC(year, month, day, hour, minute);
    if (m[3] !== undefined)
        return on(Number(m[3]));
    const year = d.getUTCFullYear();
    // A date more than a day behind the clock is next year's (a December run, a January reset).
    return on(year) < now - 86_400_000 ? on(year + 1) : on(year);
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./src/github/guard.ts
var guard = __webpack_require__(6690);
// EXTERNAL MODULE: ./src/claude/cancelled.ts
var claude_cancelled = __webpack_require__(5445);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 5 modules
var schemas = __webpack_require__(6723);
;// CONCATENATED MODULE: ./src/claude/events.ts
/** The stream-json lines the CLI prints, validated with zod (unknown fields ignored). */

const ResultEventSchema = schemas/* looseObject */._H3({
    type: schemas/* literal */.euz('result'),
    subtype: schemas/* string */.YjP(),
    is_error: schemas/* boolean */.zMY(),
    result: schemas/* string */.YjP().optional(),
    num_turns: schemas/* number */.aig().optional(),
    session_id: schemas/* string */.YjP().optional(),
    total_cost_usd: schemas/* number */.aig().optional(),
    duration_ms: schemas/* number */.aig().optional(),
    api_error_status: schemas/* number */.aig().nullish(),
    structured_output: schemas/* unknown */.L5J().optional(),
    permission_denials: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    /** Token counts (read field by field in `usage.ts`: a changed field never fails the result). */
    usage: schemas/* looseObject */._H3({}).optional().catch(undefined)
});
const ContentSchema = schemas/* array */.YOg(schemas/* looseObject */._H3({
    type: schemas/* string */.YjP(),
    text: schemas/* string */.YjP().optional(),
    name: schemas/* string */.YjP().optional(),
    input: schemas/* unknown */.L5J().optional()
}));
// Each field falls back to undefined when the CLI changes its form: the run never fails on it.
const optNum = schemas/* number */.aig().nullish().catch(undefined);
const optStr = schemas/* string */.YjP().optional().catch(undefined);
const WindowSchema = schemas/* looseObject */._H3({ utilization: optNum, resetsAt: optNum, status: optStr });
const RateLimitInfoSchema = schemas/* looseObject */._H3({
    status: optStr,
    resetsAt: optNum,
    rateLimitType: optStr,
    utilization: optNum,
    overageStatus: optStr,
    isUsingOverage: schemas/* boolean */.zMY().optional().catch(undefined),
    unifiedWindows: schemas/* record */.g1P(schemas/* string */.YjP(), WindowSchema.catch({})).optional().catch(undefined)
});
const StreamEventSchema = schemas/* union */.KCZ([
    ResultEventSchema,
    schemas/* looseObject */._H3({
        type: schemas/* literal */.euz('system'),
        subtype: schemas/* string */.YjP().optional(),
        session_id: schemas/* string */.YjP().optional(),
        model: schemas/* string */.YjP().optional(),
        attempt: schemas/* number */.aig().optional(),
        error: schemas/* unknown */.L5J().optional(),
        error_status: schemas/* number */.aig().nullish()
    }),
    schemas/* looseObject */._H3({
        type: schemas/* enum */.k5n(['assistant', 'user']),
        message: schemas/* looseObject */._H3({ content: schemas/* union */.KCZ([ContentSchema, schemas/* string */.YjP()]).optional() })
    }),
    schemas/* looseObject */._H3({
        type: schemas/* literal */.euz('rate_limit_event'),
        rate_limit_info: RateLimitInfoSchema.optional()
    }),
    schemas/* looseObject */._H3({ type: schemas/* string */.YjP() })
]);
/** Parses one line of stream-json; undefined for anything that is not a JSON event. */
function parseEventLine(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{'))
        return undefined;
    try {
        const parsed = StreamEventSchema.safeParse(JSON.parse(trimmed));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
// Kept in usage.ts, which loads no zod: the report path (main's chunk) imports it.


// EXTERNAL MODULE: ./src/claude/usage.ts
var claude_usage = __webpack_require__(209);
;// CONCATENATED MODULE: ./src/claude/run.ts
/**
 * Runs `claude -p` once: prompt on stdin, stream-json read line by line into readable progress in a
 * collapsible log group, the whole process group killed at the timeout, a typed result returned.
 */








const KEEP_OTHER = 40;
/** How many of the model's last Read/Grep/Glob targets a run keeps. */
const KEEP_READING = 5;
/** The default of `killGraceMs`. */
const KILL_GRACE_MS = 5000;
/**
 * Runs the CLI and resolves when it and its output are done. Never rejects for CLI failures.
 * @throws CancelledError when the action got SIGTERM/SIGINT during the run (after the CLI is gone).
 */
async function runClaude(opts) {
    const log = opts.log ?? ((line) => core/* info */.pq(line));
    const started = Date.now();
    const out = {
        exitCode: null,
        signal: null,
        timedOut: false,
        durationMs: 0,
        retries: [],
        otherOutput: '',
        assistantText: '',
        reading: []
    };
    const other = [];
    const keep = (line) => {
        if (line.trim() === '')
            return;
        other.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
        if (other.length > KEEP_OTHER)
            other.shift();
    };
    let stopper;
    core/* startGroup */.Oh(opts.label ?? 'Claude Code');
    try {
        const child = (0,external_node_child_process_.spawn)(opts.claudePath, opts.args, {
            env: opts.env,
            cwd: opts.cwd,
            // Its own process group, so the timeout takes down every tool process the CLI started.
            detached: process.platform !== 'win32',
            stdio: ['pipe', 'pipe', 'pipe']
        });
        // The pid in the log: on a cancelled job it tells which process to look for.
        if (child.pid !== undefined)
            log(`Claude Code started (pid ${child.pid}).`);
        stopper = watchRun(child, opts, out, log);
        const exited = new Promise(resolve => {
            child.on('close', (code, signal) => {
                out.exitCode = code;
                out.signal = signal;
                resolve();
            });
            child.on('error', err => {
                keep(`Could not start ${opts.claudePath}: ${err.message}`);
                resolve();
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.prompt);
        const stdoutDone = (async () => {
            for await (const line of (0,external_node_readline_.createInterface)({ input: child.stdout })) {
                const event = parseEventLine(line);
                if (!event) {
                    keep(line);
                    continue;
                }
                handleEvent(event, out, log);
            }
        })();
        const stderrDone = (async () => {
            for await (const line of (0,external_node_readline_.createInterface)({ input: child.stderr }))
                keep(line);
        })();
        try {
            await Promise.all([exited, stdoutDone, stderrDone]);
        }
        finally {
            stopper.dispose();
        }
    }
    finally {
        out.durationMs = Date.now() - started;
        out.otherOutput = other.join('\n');
        core/* endGroup */.N4();
    }
    const cancelled = stopper?.cancelled();
    if (cancelled)
        throw new claude_cancelled/* CancelledError */.c(cancelled);
    return out;
}
/**
 * Stops the CLI's whole process group at the timeout or when the job is cancelled (SIGTERM, then
 * SIGKILL after the grace period).
 */
function watchRun(child, opts, out, log) {
    const graceMs = opts.killGraceMs ?? KILL_GRACE_MS;
    let cancelled;
    const killGroup = (signal) => {
        try {
            if (child.pid !== undefined && process.platform !== 'win32')
                process.kill(-child.pid, signal);
            else
                child.kill(signal);
        }
        catch {
            // Already gone.
        }
    };
    let killTimer;
    const stop = () => {
        killGroup('SIGTERM');
        killTimer ??= setTimeout(() => killGroup('SIGKILL'), graceMs);
    };
    const timer = setTimeout(() => {
        out.timedOut = true;
        log(`Stopping Claude Code: it ran past the timeout of ${Math.round(opts.timeoutMs / 1000)} s.`);
        stop();
    }, opts.timeoutMs);
    // A cancelled job: the CLI runs in its own process group, so nothing else would stop it, and it
    // would go on with the login the post step is about to remove.
    const onSignal = (signal) => {
        if (cancelled)
            return;
        cancelled = signal;
        log(`Received ${signal}: stopping Claude Code and every process it started.`);
        stop();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    return {
        cancelled: () => cancelled,
        dispose() {
            process.off('SIGTERM', onSignal);
            process.off('SIGINT', onSignal);
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
        }
    };
}
function handleEvent(event, out, log) {
    if (!event)
        return;
    const e = event;
    switch (e.type) {
        case 'system': {
            if (e.subtype === 'init') {
                if (typeof e.session_id === 'string')
                    out.sessionId = e.session_id;
                if (typeof e.model === 'string')
                    out.model = e.model;
                log((0,guard/* commandFree */.iG)(`Session ${out.sessionId ?? '?'} started (model ${out.model ?? 'default'}).`));
            }
            else if (e.subtype === 'api_retry') {
                const why = typeof e.error === 'string' ? e.error : JSON.stringify(e.error ?? 'error');
                out.retries.push(why);
                log((0,guard/* commandFree */.iG)(`API retry${typeof e.attempt === 'number' ? ` ${e.attempt}` : ''}: ${why}`));
            }
            return;
        }
        case 'assistant': {
            const content = e.message?.content;
            if (!Array.isArray(content))
                return;
            for (const block of content) {
                if (block.type === 'text' && typeof block.text === 'string') {
                    out.assistantText += block.text;
                    log(`Claude: ${shown(block.text, 300)}`);
                }
                else if (block.type === 'tool_use') {
                    log((0,guard/* commandFree */.iG)(`Tool ${String(block.name)}: ${shown(JSON.stringify(block.input ?? {}), 200)}`));
                    noteReading(out, block.name, block.input);
                }
            }
            return;
        }
        case 'user':
            return;
        case 'rate_limit_event': {
            const usage = (0,claude_usage/* usageOf */.Fs)(e.rate_limit_info);
            out.rateLimit = usage;
            if (usage.status && usage.status !== 'allowed') {
                const when = usage.resetsAt ? `, resets ${new Date(usage.resetsAt).toISOString()}` : '';
                log(`Subscription usage: ${usage.status}${when}.`);
            }
            return;
        }
        case 'result': {
            const parsed = ResultEventSchema.safeParse(e);
            if (parsed.success) {
                out.result = parsed.data;
                if (parsed.data.session_id !== undefined)
                    out.sessionId = parsed.data.session_id;
                log(`Finished: ${parsed.data.is_error ? 'error' : parsed.data.subtype}, ${parsed.data.num_turns ?? '?'} turn(s), ${parsed.data.duration_ms ?? '?'} ms.`);
            }
            return;
        }
        default:
            return;
    }
}
/** Remembers what a Read/Grep/Glob call looked at: a path, or a pattern and where. */
function noteReading(out, name, input) {
    const i = (input ?? {});
    const str = (v) => typeof v === 'string' && v.trim() !== '' ? oneLine(v, 200) : undefined;
    let what;
    if (name === 'Read')
        what = str(i.file_path);
    else if (name === 'Grep' || name === 'Glob') {
        const pattern = str(i.pattern);
        const where = str(i.path);
        if (pattern)
            what = `${String(name).toLowerCase()} ${pattern}${where ? ` in ${where}` : ''}`;
    }
    if (!what)
        return;
    out.reading = [...(out.reading ?? []).filter(r => r !== what), what].slice(-KEEP_READING);
}
/** The model's text or a tool's input as the log shows it: one line, no disguised secret. */
function shown(text, max) {
    return (0,guard/* commandFree */.iG)(oneLine(text, max));
}
function oneLine(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

;// CONCATENATED MODULE: ./src/claude/runner.ts
/**
 * The small interface jobs use to run the CLI: a prompt and options in, a classified outcome and
 * the telemetry out. The real one wraps install/run/classify; tests can pass a fake.
 */





/** The real runner over an installed CLI. */
function cliRunner(config) {
    return {
        async run(opts) {
            const raw = await runClaude({
                claudePath: config.claudePath,
                args: (0,args/* buildArgs */.CH)({ ...opts, sandbox: config.sandbox.flags(opts.kind) }),
                env: config.sandbox.env,
                prompt: opts.prompt,
                timeoutMs: opts.timeoutMinutes * 60_000,
                ...(config.cwd !== undefined ? { cwd: config.cwd } : {}),
                ...(opts.label !== undefined ? { label: opts.label } : {}),
                ...(config.log ? { log: config.log } : {})
            });
            const wiped = config.wipeCheckDir ? await credentialsWiped(config.wipeCheckDir) : false;
            const outcome = classify(raw, {
                timeoutMinutes: opts.timeoutMinutes,
                credentialsWiped: wiped,
                ...(opts.maxTurns !== undefined ? { maxTurns: opts.maxTurns } : {})
            });
            const r = raw.result;
            return {
                outcome,
                raw,
                result: r?.result ?? raw.assistantText,
                structured: r?.structured_output,
                sessionId: raw.sessionId,
                turns: r?.num_turns,
                costUsd: r?.total_cost_usd,
                durationMs: r?.duration_ms ?? raw.durationMs,
                model: raw.model ?? opts.model,
                usage: raw.rateLimit,
                tokens: (0,claude_usage/* tokensOf */.k8)(r?.usage)
            };
        }
    };
}
/** The CLI wipes the login when a refresh is refused, and a login gone after the run is one too. */
async function credentialsWiped(configDir) {
    return (await (0,credentials/* readCredentialsState */.mp)(configDir)) !== 'ok';
}


/***/ })

};
