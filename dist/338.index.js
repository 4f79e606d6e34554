export const id = 338;
export const ids = [338];
export const modules = {

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
// EXTERNAL MODULE: ./src/jobs/markers.ts
var markers = __webpack_require__(6123);
// EXTERNAL MODULE: ./src/jobs/review/pause.ts
var pause = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/jobs/review/summary.ts + 1 modules
var review_summary = __webpack_require__(5159);
// EXTERNAL MODULE: ./src/jobs/review/threads.ts
var threads = __webpack_require__(5984);
;// CONCATENATED MODULE: ./src/jobs/command/verbs.ts






/** `pause`: automatic reviews of this pull request stop; the summary says so and how to resume. */
async function pauseReviews(pre, taken) {
    const { github, inputs } = pre;
    const { number } = taken.comment;
    const trigger = inputs.trigger_phrase;
    const summary = await (0,review_summary/* ownSummary */.jt)(github, number);
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
    const summary = await (0,review_summary/* ownSummary */.jt)(github, number);
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
    const taken = await (0,gate/* gate */.G)(pre.inputs, pre.event, pre.github);
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
    const { result, applied: labels } = await (0,issue/* triageOne */.ju)(ctx, settings, taken.comment.number);
    if (result.conclusion !== 'success')
        return result;
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
