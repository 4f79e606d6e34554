export const id = 991;
export const ids = [991];
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
// EXTERNAL MODULE: ./src/jobs/review/placement.ts
var placement = __webpack_require__(4030);
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
    if (!comment.onPullRequest) {
        const issue = await github.getIssue(comment.number);
        const conversation = await conversationOf(github, comment.number, comment.id);
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
        leftOut: skipped.map(s => s.path)
    };
    // In a thread, the thread is the conversation; elsewhere, the latest comments are.
    if (comment.kind !== 'review') {
        context.conversation = await conversationOf(github, comment.number, comment.id);
    }
    else {
        context.thread = {
            ...(comment.path !== undefined ? { path: comment.path } : {}),
            ...(comment.line !== undefined ? { line: comment.line } : {}),
            ...(comment.diffHunk !== undefined ? { hunk: comment.diffHunk } : {}),
            comments: await threadOf(github, comment.number, comment.threadRootId ?? comment.id, comment.id)
        };
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
/* harmony export */   G: () => (/* binding */ gate),
/* harmony export */   V: () => (/* binding */ permits)
/* harmony export */ });
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


/***/ })

};
