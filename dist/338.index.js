export const id = 338;
export const ids = [338];
export const modules = {

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ answerQuestion),
  Q: () => (/* binding */ prepareQuestion)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/claude/args.ts
var args = __webpack_require__(6485);
// EXTERNAL MODULE: ./src/github/api.ts + 6 modules
var api = __webpack_require__(5254);
// EXTERNAL MODULE: ./src/jobs/outcome.ts
var outcome = __webpack_require__(1348);
// EXTERNAL MODULE: ./src/jobs/run-report.ts
var run_report = __webpack_require__(9008);
// EXTERNAL MODULE: ./src/jobs/review/files.ts
var files = __webpack_require__(9398);
// EXTERNAL MODULE: ./src/jobs/review/placement.ts + 1 modules
var placement = __webpack_require__(329);
// EXTERNAL MODULE: ./src/jobs/review/numbered.ts
var numbered = __webpack_require__(3993);
// EXTERNAL MODULE: ./src/jobs/untrusted.ts
var untrusted = __webpack_require__(906);
;// CONCATENATED MODULE: ./src/jobs/command/prompt.ts


// Each comment shown is cut to this many characters: context, not the whole history.
const MAX_COMMENT = 4000;
/** Builds the prompt handed to the CLI on stdin. */
function buildQuestionPrompt(c) {
    const parts = [
        `A maintainer asked you a question in a comment on ${c.what} #${c.number} of this repository. ` +
            'Answer it accurately and concisely for the person who asked; say so when you do not know.',
        'You may read files of the repository checkout (the base branch) with your read-only tools. ' +
            'You cannot change anything or run commands, and you never write to GitHub yourself: the ' +
            'action posts your answer. Never put tokens, credentials, keys or the contents of ' +
            'configuration or environment files into your answer. Answer only through the structured ' +
            'output tool, following its schema.',
        untrusted/* UNTRUSTED_NOTICE */.AY
    ];
    if (c.extra && c.extra.trim() !== '') {
        parts.push(`Extra instructions from the workflow author:\n${c.extra.trim()}`);
    }
    parts.push((0,untrusted/* asData */.F8)(`${c.what} title`, c.title));
    parts.push(c.body.trim() ? (0,untrusted/* asData */.F8)(`${c.what} description`, c.body) : `The ${c.what} has no description.`);
    for (const f of c.files ?? []) {
        parts.push((0,untrusted/* asData */.F8)('diff', `### diff of ${f.filename} (${f.status})\n${(0,numbered/* numberPatch */.a)(f.patch)}`));
    }
    if (c.leftOut && c.leftOut.length > 0) {
        parts.push(`${c.leftOut.length} changed file(s) are not shown (over the diff budget or skipped):\n` +
            (0,untrusted/* asData */.F8)('files not shown', c.leftOut.slice(0, 50).join(', ')));
    }
    if (c.conversation && c.conversation.length > 0) {
        parts.push('The latest comments of the conversation, oldest first:');
        parts.push(...c.conversation.map(shown));
    }
    if (c.thread)
        parts.push(...threadSection(c.thread));
    parts.push(`The question, asked by ${c.asker}:`, (0,untrusted/* asData */.F8)('question', c.question));
    return parts.join('\n\n');
}
function shown(comment) {
    const body = comment.body.length > MAX_COMMENT
        ? `${comment.body.slice(0, MAX_COMMENT)}\n… (cut)`
        : comment.body;
    return (0,untrusted/* asData */.F8)(`comment by ${comment.author}`, body);
}
function threadSection(t) {
    const where = t.path ? `${t.path}${t.line !== undefined ? `, line ${t.line}` : ''}` : 'the diff';
    const out = [`The question was asked in a review thread on ${where}. The diff hunk it points at:`];
    out.push((0,untrusted/* asData */.F8)('diff hunk', t.hunk ?? '(not given)'));
    if (t.comments.length > 0) {
        out.push('The earlier comments of that thread, oldest first:', ...t.comments.map(shown));
    }
    return out;
}

// EXTERNAL MODULE: ./src/jobs/command/reply.ts
var reply = __webpack_require__(7698);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 5 modules
var schemas = __webpack_require__(6723);
// EXTERNAL MODULE: ./src/zod-message.ts
var zod_message = __webpack_require__(2376);
;// CONCATENATED MODULE: ./src/jobs/command/schema.ts
/**
 * The contract of the model's answer to a question: a zod schema that validates what the CLI
 * returns, and the same contract as JSON Schema for the CLI's `--json-schema`.
 */


/** The model's answer; unknown fields are dropped. */
const answerSchema = schemas/* object */.Ikc({
    answer: schemas/* string */.YjP().trim().min(1)
});
/** The answer as JSON Schema, a plain object for `--json-schema`. */
const ANSWER_JSON_SCHEMA = {
    type: 'object',
    properties: {
        answer: {
            type: 'string',
            minLength: 1,
            description: 'Markdown: the answer for the person who asked, concise (a few short paragraphs at most), ' +
                'without repeating the question.'
        }
    },
    required: ['answer'],
    additionalProperties: false
};
// What each field must be, keyed by its path.
const EXPECTED = {
    '': 'must be a JSON object',
    answer: 'must be a non-empty string'
};
/**
 * Validates the model's answer (an object, or JSON text of one). On failure, `error` is one
 * sentence naming the first bad field.
 */
function parseAnswer(value) {
    let input = value;
    if (typeof input === 'string') {
        try {
            input = JSON.parse(input);
        }
        catch {
            return { ok: false, error: 'The answer is text that is not JSON.' };
        }
    }
    const parsed = answerSchema.safeParse(input);
    if (parsed.success)
        return { ok: true, answer: parsed.data };
    const { issue, path, value: found } = (0,zod_message/* firstIssue */.OE)(parsed.error, input);
    const field = (0,zod_message/* fieldName */.w5)(path);
    const expected = EXPECTED[(0,zod_message/* fieldName */.w5)(path, 'pattern')] ?? issue?.message ?? 'is invalid';
    const got = found === undefined ? 'nothing' : (0,zod_message/* jsonExcerpt */.Yf)(found, 60);
    return {
        ok: false,
        error: field === ''
            ? `The answer ${expected}, got ${got}.`
            : `The answer's ${field} ${expected}, got ${got}.`
    };
}

;// CONCATENATED MODULE: ./src/jobs/command/answer.ts
/**
 * A question (anything after the trigger phrase that is not a verb): the context read before any
 * login (the pull request with its diff within budget, or the issue; the review thread it was asked
 * in; the latest conversation), then one CLI run with read-only tools in the `command` sandbox, and
 * one reply the action writes after the outbound guard. The model never writes.
 */










/** Read-only tools over the checkout; no Bash, no writes, no web. */
const ANSWER_TOOLS = ['Read', 'Grep', 'Glob'];
/** The latest conversation comments shown with a question. */
const CONVERSATION = 10;
/** Reads what the model is shown for the question; no login is needed yet. */
async function prepareQuestion(pre, taken) {
    const { github, inputs } = pre;
    const { comment, text } = taken;
    const base = {
        number: comment.number,
        asker: comment.author.login,
        question: text,
        ...(inputs.prompt.trim() ? { extra: inputs.prompt } : {})
    };
    const conversation = await conversationOf(github, comment.number, comment.id);
    if (!comment.onPullRequest) {
        const issue = await github.getIssue(comment.number);
        return { ...base, what: 'issue', title: issue.title, body: issue.body, conversation };
    }
    const pr = await github.getPull(comment.number);
    const { kept, skipped } = (0,files/* selectFiles */.AL)(await github.listPullFiles(comment.number), {
        reviewPaths: [],
        diffBudgetTokens: inputs.diff_budget ?? files/* DEFAULT_DIFF_BUDGET */.wx
    });
    const context = {
        ...base,
        what: 'pull request',
        title: pr.title,
        body: pr.body,
        files: kept,
        leftOut: skipped.map(s => s.path),
        conversation
    };
    if (comment.kind === 'review') {
        context.thread = {
            ...(comment.path !== undefined ? { path: comment.path } : {}),
            ...(comment.line !== undefined ? { line: comment.line } : {}),
            ...(comment.diffHunk !== undefined ? { hunk: comment.diffHunk } : {}),
            comments: await threadOf(github, comment.number, comment.threadRootId ?? comment.id, comment.id)
        };
        // In a thread, the thread is the conversation.
        delete context.conversation;
    }
    return context;
}
/** The latest comments on the pull request or issue before the question. */
async function conversationOf(github, number, questionId) {
    const all = await github.listIssueComments(number);
    return all
        .filter(c => c.id !== questionId)
        .slice(-CONVERSATION)
        .map(c => ({ author: c.author ?? 'ghost', body: c.body }));
}
/** The comments of the review thread rooted at `rootId`, before the question. */
async function threadOf(github, pull, rootId, questionId) {
    const all = await github.listReviewComments(pull);
    const self = await github.whoami();
    return all
        .filter(c => (c.id === rootId || c.inReplyTo === rootId) && c.id !== questionId)
        .slice(-CONVERSATION)
        .map(c => ({
        author: (0,api/* isOwnComment */._M)(c, self) ? 'the action (earlier)' : (c.author ?? 'ghost'),
        body: c.body
    }));
}
/** Asks the model and posts its answer as one reply. */
async function answerQuestion(ctx, taken, context) {
    const { inputs } = ctx;
    const { kept: extra, dropped } = (0,args/* readOnlyExtraArgs */.KX)((0,args/* splitArgs */.sG)(inputs.claude_args));
    if (dropped.length > 0) {
        core/* warning */.$e(`claude_args ${dropped.join(', ')} ignored in command mode: the model gets read-only tools and no workspace configuration.`);
    }
    const run = await ctx.claude.run({
        prompt: buildQuestionPrompt(context),
        label: `Claude Code: question on #${context.number}`,
        ...(inputs.model ? { model: inputs.model } : {}),
        ...(inputs.max_turns !== undefined ? { maxTurns: inputs.max_turns } : {}),
        jsonSchema: ANSWER_JSON_SCHEMA,
        tools: ANSWER_TOOLS,
        kind: 'command',
        timeoutMinutes: inputs.timeout_minutes,
        extra
    });
    (0,run_report/* reportRun */.G)(ctx, run, 'command');
    if (run.outcome.kind !== 'success')
        return (0,outcome/* outcomeResult */.w)(ctx, run.outcome);
    const parsed = parseAnswer(run.structured ?? run.result);
    if (!parsed.ok) {
        return { conclusion: 'failure', message: `${parsed.error} Nothing was posted.` };
    }
    const body = [
        `> ${(0,reply/* oneLine */.TN)(taken.text)}`,
        (0,placement/* formatMarkdown */.jI)(parsed.answer.answer),
        `<sub>Answered by Claude${run.model ? ` (${run.model})` : ''} for @${taken.comment.author.login} · claude-subscription-action</sub>`
    ].join('\n\n');
    await (0,reply/* reply */.Tm)(ctx.github, taken.comment, body);
    ctx.outputs.set('result', parsed.answer.answer);
    ctx.outputs.set('structured_output', JSON.stringify(parsed.answer));
    ctx.summary.text(`Answered the question of ${taken.comment.author.login} on #${context.number}.`);
    return { conclusion: 'success' };
}


/***/ }),

/***/ 7231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ gate),
/* harmony export */   V1: () => (/* binding */ permits)
/* harmony export */ });
/* unused harmony export permissionRank */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8422);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8137);


/** A permission's rank (read 0 … admin 4); -1 for none or anything GitHub may add later. */
function permissionRank(permission) {
    return _inputs_js__WEBPACK_IMPORTED_MODULE_0__.PERMISSIONS.indexOf(permission.toLowerCase());
}
/** Whether `permission` is at least `least`. */
function permits(permission, least) {
    const rank = permissionRank(permission);
    return rank >= 0 && rank >= permissionRank(least);
}
/** Decides whether the comment of this event is a command: taken, or a skip with why. */
async function gate(inputs, event, github) {
    const read = (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .readCommentEvent */ .cY)(event.name, event.payload);
    if ('skip' in read)
        return read;
    const { comment } = read;
    const text = (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .commandText */ .jt)(comment.body, inputs.trigger_phrase);
    if (text === undefined) {
        return { skip: `the comment does not start with ${inputs.trigger_phrase}` };
    }
    const notAPerson = (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .authorSkip */ .hG)(comment.author, await github.whoami());
    if (notAPerson)
        return { skip: notAPerson };
    if (comment.fromFork) {
        // Review-comment runs of a fork's pull request get no secrets and a read-only token.
        return {
            skip: `#${comment.number} comes from a fork, and a review comment's run of a fork gets no secrets: ask in the pull request's conversation instead`
        };
    }
    const permission = await github.getPermission(comment.author.login);
    if (!permits(permission, inputs.command_permission)) {
        return {
            skip: `${comment.author.login} has ${permission} permission; command_permission needs ${inputs.command_permission}`
        };
    }
    return { comment, text };
}


/***/ }),

/***/ 8137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TH: () => (/* binding */ parseVerb),
/* harmony export */   cY: () => (/* binding */ readCommentEvent),
/* harmony export */   hG: () => (/* binding */ authorSkip),
/* harmony export */   jt: () => (/* binding */ commandText),
/* harmony export */   kN: () => (/* binding */ verbsOf)
/* harmony export */ });
/**
 * What a comment event asks for, read from the payload with no GitHub call: which comment, on
 * which pull request or issue, by whom, and the verb after the trigger phrase. Pure, so the rules
 * of who may command and what a comment means are tested with plain objects.
 */
const PR_VERBS = ['review', 'full review', 'pause', 'resume', 'resolve', 'help'];
const ISSUE_VERBS = ['triage', 'help'];
const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const num = (v) => (typeof v === 'number' ? v : undefined);
const str = (v) => (typeof v === 'string' ? v : undefined);
/** The comment of an `issue_comment` or `pull_request_review_comment` event, `created` only. */
function readCommentEvent(name, payload) {
    if (name !== 'issue_comment' && name !== 'pull_request_review_comment') {
        return {
            skip: `mode command answers issue_comment and pull_request_review_comment events, not "${name || 'unknown'}"`
        };
    }
    const action = str(payload.action) ?? '';
    if (action !== 'created') {
        return { skip: `the comment was ${action || 'changed'}: only a new comment is a command` };
    }
    const c = obj(payload.comment);
    const user = obj(c?.user);
    const id = num(c?.id);
    const login = str(user?.login);
    if (!c || id === undefined || !login)
        return { skip: 'the event carries no comment' };
    const updatedAt = str(c.updated_at) ?? str(c.created_at);
    const base = {
        id,
        body: str(c.body) ?? '',
        author: { login, type: str(user?.type) ?? 'User' },
        ...(updatedAt !== undefined ? { updatedAt } : {})
    };
    if (name === 'issue_comment') {
        const issue = obj(payload.issue);
        const number = num(issue?.number);
        if (number === undefined)
            return { skip: 'the event carries no issue number' };
        const onPullRequest = issue?.pull_request !== undefined && issue.pull_request !== null;
        return { comment: { ...base, kind: 'issue', number, onPullRequest } };
    }
    return readReviewComment(payload, c, base);
}
function readReviewComment(payload, c, base) {
    const pr = obj(payload.pull_request);
    const number = num(pr?.number);
    if (number === undefined)
        return { skip: 'the event carries no pull request number' };
    const headRepo = str(obj(obj(pr?.head)?.repo)?.full_name);
    const baseRepo = str(obj(obj(pr?.base)?.repo)?.full_name);
    const line = num(c.line) ?? num(c.original_line);
    const hunk = str(c.diff_hunk);
    const path = str(c.path);
    return {
        comment: {
            ...base,
            kind: 'review',
            number,
            onPullRequest: true,
            threadRootId: num(c.in_reply_to_id) ?? base.id,
            ...(hunk !== undefined ? { diffHunk: hunk } : {}),
            ...(path !== undefined ? { path } : {}),
            ...(line !== undefined ? { line } : {}),
            fromFork: (headRepo ?? '').toLowerCase() !== (baseRepo ?? '').toLowerCase()
        }
    };
}
/**
 * The text after the trigger phrase, or undefined when the body does not start with it (leading
 * whitespace ignored, any case; the phrase must end there: `@claudebot` is not `@claude`).
 */
function commandText(body, trigger) {
    const text = body.trimStart();
    if (text.slice(0, trigger.length).toLowerCase() !== trigger.toLowerCase())
        return undefined;
    const rest = text.slice(trigger.length);
    if (rest !== '' && !/^[\s,:.!?]/.test(rest))
        return undefined;
    return rest.replace(/^[,:]/, '').trim();
}
/**
 * The verb of a command text: the whole text, in any case, without trailing punctuation, when it
 * is one of the verbs of where it was asked (a pull request or an issue); empty is `help`. Anything
 * longer or unknown is a question.
 */
function parseVerb(text, onPullRequest) {
    const word = text
        .trim()
        .toLowerCase()
        .replace(/[.!]+$/, '')
        .replace(/\s+/g, ' ');
    if (word === '')
        return 'help';
    const verbs = onPullRequest ? PR_VERBS : ISSUE_VERBS;
    return verbs.includes(word) ? word : 'question';
}
/** Why a commenter is never obeyed: a bot (no loops between bots) or the action itself. */
function authorSkip(author, self) {
    if (author.login.toLowerCase() === self.toLowerCase()) {
        return `the comment is the action's own (${author.login})`;
    }
    if (author.type === 'Bot' || author.login.toLowerCase().endsWith('[bot]')) {
        return `the comment is by a bot (${author.login}): bots cannot command`;
    }
    return undefined;
}
/** The verbs of a pull request or an issue, for the help reply. */
function verbsOf(onPullRequest) {
    return (onPullRequest ? PR_VERBS : ISSUE_VERBS).filter(v => v !== 'help');
}


/***/ }),

/***/ 7698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ sentenceOf),
/* harmony export */   Jx: () => (/* binding */ replyFailure),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Tm: () => (/* binding */ reply)
/* harmony export */ });
/* unused harmony export COMMAND_MARKER */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _auth_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5439);
/* harmony import */ var _claude_cancelled_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5445);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3116);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6123);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(906);
/**
 * Every reply of a command: in the review thread it was asked in, else a comment on the pull
 * request or issue, with the command marker in the footer. A failed command turns its 👀 into a
 * one-line reply saying what went wrong (never a stack: one sentence, and the guard checks it).
 */







/** The footer marker of the action's command replies. */
const COMMAND_MARKER = '<!-- claude-subscription-action:command -->';
const MAX_LINE = 300;
/** Posts one reply to the command's comment. */
function reply(github, comment, text) {
    const body = (0,_markers_js__WEBPACK_IMPORTED_MODULE_4__/* .withFooter */ .Ym)(text, [COMMAND_MARKER]);
    return comment.kind === 'review'
        ? github.replyToReviewComment(comment.number, comment.threadRootId ?? comment.id, body)
        : github.createIssueComment(comment.number, body);
}
/**
 * The first line of someone's text, cleaned and cut short: all a reply ever quotes of a question
 * (the SPEC: nothing of the question beyond one line; the rest is the asker's, not the reply's).
 */
function oneLine(text, max = 120) {
    const line = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_5__/* .cleanUntrusted */ .oD)(text)
        .split(/\r?\n/)
        .map(l => l.replace(/\s+/g, ' ').trim())
        .find(l => l !== '') ?? '';
    return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
/** What went wrong, in one sentence for a comment: a message's first line, cut short. */
function sentenceOf(err) {
    let text;
    if (err instanceof _auth_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .l)
        text = err.message;
    else if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .isRequestError */ .eK)(err))
        text = (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .githubFailure */ .eQ)(err);
    else if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d || err instanceof _claude_cancelled_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .c)
        text = err.message;
    // Anything else may be a bug: its message stays in the log, the comment only says where.
    else
        text = 'an unexpected error; the workflow log has the details';
    return firstLine(text);
}
/** A message's first line, cut at MAX_LINE characters. */
function firstLine(message) {
    const line = message.split('\n')[0]?.trim() ?? '';
    return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 1).trimEnd()}…`;
}
/**
 * The end of a failed command on GitHub: the 👀 taken back and one line saying what went wrong.
 * Best effort: the step fails either way, with the whole message in the log.
 */
async function replyFailure(github, comment, reaction, what, sentence) {
    try {
        if (reaction !== undefined) {
            await github.deleteReaction({ kind: comment.kind, id: comment.id }, reaction);
        }
        await reply(github, comment, `⚠️ Could not ${what}: ${sentence}`);
    }
    catch (err) {
        // A withheld write (the guard tripped) or GitHub refusing: the step's own failure says it.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The failure reply was not posted: ${firstLine(err.message)}`);
    }
}


/***/ }),

/***/ 338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/auth/errors.ts
var errors = __webpack_require__(5439);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/jobs/review/prepare.ts + 6 modules
var prepare = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/jobs/triage/issue.ts + 1 modules
var issue = __webpack_require__(4046);
// EXTERNAL MODULE: ./src/jobs/triage/settings.ts
var triage_settings = __webpack_require__(4128);
// EXTERNAL MODULE: ./src/jobs/usage/deferred.ts
var usage_deferred = __webpack_require__(4773);
// EXTERNAL MODULE: ./src/jobs/usage/queue.ts
var queue = __webpack_require__(9491);
// EXTERNAL MODULE: ./src/jobs/command/answer.ts + 2 modules
var answer = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/jobs/command/gate.ts
var gate = __webpack_require__(7231);
// EXTERNAL MODULE: ./src/jobs/command/parse.ts
var parse = __webpack_require__(8137);
// EXTERNAL MODULE: ./src/jobs/command/reply.ts
var reply = __webpack_require__(7698);
// EXTERNAL MODULE: ./src/github/api.ts + 6 modules
var api = __webpack_require__(5254);
// EXTERNAL MODULE: ./src/jobs/markers.ts
var markers = __webpack_require__(6123);
// EXTERNAL MODULE: ./src/jobs/review/pause.ts
var pause = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/jobs/review/summary.ts + 1 modules
var review_summary = __webpack_require__(5159);
// EXTERNAL MODULE: ./src/jobs/review/threads.ts
var threads = __webpack_require__(5984);
;// CONCATENATED MODULE: ./src/jobs/command/verbs.ts
/**
 * The verbs that need no model and no login: `pause` and `resume` (the state kept in the review's
 * sticky summary comment), `resolve` (the action's own outdated review threads, now) and `help`.
 * Each ends with one reply where the command was written.
 */







/** The action's own sticky review summary on the pull request, if there is one. */
async function summaryOf(github, pull) {
    const self = await github.whoami();
    return [...(await github.listIssueComments(pull))]
        .reverse()
        .find(c => (0,review_summary/* isReviewSummary */.n)(c.body) && (0,api/* isOwnComment */._M)(c, self));
}
/** `pause`: automatic reviews of this pull request stop; the summary says so and how to resume. */
async function pauseReviews(pre, taken) {
    const { github, inputs } = pre;
    const { number } = taken.comment;
    const trigger = inputs.trigger_phrase;
    const summary = await summaryOf(github, number);
    if (!summary) {
        const body = (0,markers/* withFooter */.Ym)(`## Claude review\n\n${(0,pause/* pausedNotice */.ph)(trigger)}`, [
            review_summary/* REVIEW_MARKER */.aq,
            pause/* PAUSED_MARKER */._f
        ]);
        await github.createIssueComment(number, body);
    }
    else if (!(0,pause/* isPaused */.lP)(summary.body)) {
        await github.updateIssueComment(summary.id, (0,pause/* pauseBody */.N4)(summary.body, trigger));
    }
    await (0,reply/* reply */.Tm)(github, taken.comment, `⏸️ Paused automatic reviews of this pull request. \`${trigger} resume\` resumes them; \`${trigger} review\` reviews once.`);
    return { conclusion: 'success' };
}
/** `resume`: automatic reviews start again with the next push. */
async function resumeReviews(pre, taken) {
    const { github, inputs } = pre;
    const { number } = taken.comment;
    const summary = await summaryOf(github, number);
    const paused = summary !== undefined && (0,pause/* isPaused */.lP)(summary.body);
    if (summary && paused)
        await github.updateIssueComment(summary.id, (0,pause/* resumeBody */.Mo)(summary.body));
    await (0,reply/* reply */.Tm)(github, taken.comment, paused
        ? `▶️ Resumed automatic reviews: the next push is reviewed (\`${inputs.trigger_phrase} review\` reviews now).`
        : 'Automatic reviews of this pull request were not paused.');
    return { conclusion: 'success' };
}
/** `resolve`: the action's own threads GitHub marks outdated are resolved now, with a reply each. */
async function resolveThreads(pre, taken) {
    const { github } = pre;
    const { number, author } = taken.comment;
    const pr = await github.getPull(number);
    const state = await (0,threads/* readThreads */._f)(github, number, []);
    if (state.notes.length > 0)
        return { conclusion: 'failure', message: state.notes[0] };
    const why = `Resolved at ${(0,review_summary/* shortSha */.Fu)(pr.headSha)} on request of @${author.login}: the lines this thread points at changed.`;
    // Nothing raised again: on request, every outdated thread of the action is resolved.
    const done = await (0,threads/* resolveOutdated */.zI)(github, pr, state, new Set(), why);
    if (done.failed.length > 0) {
        return {
            conclusion: 'failure',
            message: `${done.failed.length} outdated thread(s) could not be resolved (${done.failed[0]}).`
        };
    }
    await (0,reply/* reply */.Tm)(github, taken.comment, done.resolved > 0
        ? `✅ Resolved ${done.resolved} outdated review thread(s) of mine.`
        : 'No outdated review thread of mine to resolve.');
    pre.outputs.set('result', String(done.resolved));
    return { conclusion: 'success' };
}
/** `help` (or the trigger phrase alone): what can be asked here. */
async function help(pre, taken) {
    const trigger = pre.inputs.trigger_phrase;
    const lines = (0,parse/* verbsOf */.kN)(taken.comment.onPullRequest).map(v => `- \`${trigger} ${v}\`: ${VERB_HELP[v]}`);
    await (0,reply/* reply */.Tm)(pre.github, taken.comment, [
        `Commands here (anything else after \`${trigger}\` is a question, answered in one reply):`,
        ...lines
    ].join('\n'));
    return { conclusion: 'success' };
}
const VERB_HELP = {
    review: 'review what changed since the last review, now (drafts too)',
    'full review': 'review the whole pull request again, whatever was reviewed before',
    pause: 'stop automatic reviews of this pull request',
    resume: 'start automatic reviews again',
    resolve: 'resolve my review threads whose lines changed',
    triage: 'label this issue now, even if it was triaged before'
};

;// CONCATENATED MODULE: ./src/jobs/command/run.ts
/**
 * `mode: command`: a comment that starts with the trigger phrase. The gate decides, before any
 * login and with nothing written, whether the comment is a command at all; a taken comment gets 👀
 * at once, then its verb runs: pause, resume, resolve and help need no model; review, full review,
 * triage and questions run the CLI (main's `withModel`: the login, the ceiling, the sandbox). A
 * failed command takes its 👀 back and replies with one line saying what went wrong. Under
 * `on_usage_limit: defer` a command the usage stopped is queued on its item as what it asked for
 * (a question by its comment, never its text) and the reply says until when.
 */













// The re-auth steps are for the maintainers, in the log: the comment only points there.
const RENEW = "The workflow run's log says how to renew the login.";
/** What a failure reply says could not be done, by verb. */
const WHAT = {
    question: 'answer',
    review: 'review',
    'full review': 'review',
    pause: 'pause reviews',
    resume: 'resume reviews',
    resolve: 'resolve threads',
    triage: 'triage',
    help: 'help'
};
/** The command of this event, start to end. */
async function runCommand(pre, withModel) {
    const taken = await (0,gate/* gate */.Gj)(pre.inputs, pre.event, pre.github);
    if ('skip' in taken)
        return { conclusion: 'skipped', reason: taken.skip };
    const { comment } = taken;
    const verb = (0,parse/* parseVerb */.TH)(taken.text, comment.onPullRequest);
    core/* info */.pq(`${comment.author.login} commands on #${comment.number}: ${verb === 'question' ? 'a question' : verb}.`);
    const reaction = await pre.github.addReaction({ kind: comment.kind, id: comment.id }, 'eyes');
    let result;
    try {
        result = await dispatch(pre, taken, verb, withModel);
    }
    catch (err) {
        const renew = err instanceof errors/* AuthError */.l ? ` ${RENEW}` : '';
        await (0,reply/* replyFailure */.Jx)(pre.github, comment, reaction, WHAT[verb], (0,reply/* sentenceOf */.$N)(err) + renew);
        throw err;
    }
    if (result.conclusion === 'failure') {
        const sentence = (0,reply/* firstLine */.TM)(result.message) + (result.auth ? ` ${RENEW}` : '');
        await (0,reply/* replyFailure */.Jx)(pre.github, comment, reaction, WHAT[verb], sentence);
    }
    else if (result.conclusion === 'skipped') {
        // Taken, but not done (already reviewed, a usage limit): the person who asked is told why.
        await (0,reply/* reply */.Tm)(pre.github, comment, result.deferred
            ? deferredReply(verb, comment.number, result.deferred)
            : `Not done: ${result.reason}.`);
    }
    return result;
}
async function dispatch(pre, taken, verb, withModel) {
    const { number } = taken.comment;
    switch (verb) {
        case 'help':
            return help(pre, taken);
        case 'pause':
            return pauseReviews(pre, taken);
        case 'resume':
            return resumeReviews(pre, taken);
        case 'resolve':
            return resolveThreads(pre, taken);
        case 'review':
        case 'full review': {
            const full = verb === 'full review';
            const prepared = await (0,prepare.prepareReview)(pre, { number, full });
            if ('skip' in prepared)
                return { conclusion: 'skipped', reason: prepared.skip };
            // Deferred, it is taken up as what was asked: drafts and paused reviews too, full or not.
            const queue = { job: full ? 'full-review' : 'review', questions: [] };
            return withModel({ ...prepared, item: { kind: 'pull', number, queue } });
        }
        case 'triage':
            // Triage of one issue never skips an issue triaged before: deferred, it is the item's own job.
            return withModel({ run: ctx => triageNow(ctx, taken), item: { kind: 'issue', number } });
        case 'question': {
            const context = await (0,answer/* prepareQuestion */.Q)(pre, taken);
            const item = questionItem(pre, taken);
            return withModel({
                run: ctx => (0,answer/* answerQuestion */.p)(ctx, taken, context),
                ...(item ? { item } : {})
            });
        }
    }
}
/** `triage`: the issue labelled now (even if it was before), and one line saying what changed. */
async function triageNow(ctx, taken) {
    const { settings } = (0,triage_settings/* triageSettings */.W)(ctx.inputs, ctx.inputs.prompt);
    const result = await (0,issue/* singleJob */.o)(ctx, settings, taken.comment.number);
    if (result.conclusion !== 'success')
        return result;
    const labels = JSON.parse(ctx.outputs.values.labels ?? '[]');
    await (0,reply/* reply */.Tm)(ctx.github, taken.comment, labels.length > 0
        ? `🏷️ Triaged: added ${labels.map(l => `\`${l}\``).join(', ')}.`
        : '🏷️ Triaged: no label to add (the labels that qualify are already on it, or none fits).');
    return result;
}
/**
 * A question as a deferred item: its pull request or issue, queueing the comment that asked (never
 * its text). A comment without a timestamp (in GitHub's ISO form) cannot be checked for edits
 * later: it is not deferred (the reply says "Not done").
 */
function questionItem(pre, taken) {
    const { comment } = taken;
    if (comment.updatedAt === undefined || !(0,queue/* isQueueTime */.N6)(comment.updatedAt))
        return undefined;
    const question = {
        kind: comment.kind,
        id: comment.id,
        updatedAt: comment.updatedAt,
        permission: pre.inputs.command_permission,
        trigger: pre.inputs.trigger_phrase.length
    };
    return {
        kind: comment.onPullRequest ? 'pull' : 'issue',
        number: comment.number,
        queue: { job: 'none', questions: [question] }
    };
}
/** What a deferred command does after the reset, by verb. */
const LATER = {
    question: 'answers this question',
    review: 'reviews this pull request at its head as it is then',
    'full review': 'reviews the whole pull request at its head as it is then',
    triage: 'triages this issue',
    pause: '',
    resume: '',
    resolve: '',
    help: ''
};
/** The reply to a command the usage stopped and `on_usage_limit: defer` queued. */
function deferredReply(verb, number, deferred) {
    return `⏳ Deferred until ${(0,time/* iso */.KH)(deferred.until)} (${deferred.why}): the first run of this action after that time ${LATER[verb]}. Take the label \`${usage_deferred/* DEFERRED_LABEL */.pX.name}\` off #${number} to cancel.`;
}


/***/ })

};
