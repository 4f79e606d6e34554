export const id = 243;
export const ids = [243];
export const modules = {

/***/ 4110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareTriage: () => (/* binding */ prepareTriage)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/jobs/prompt.ts
var jobs_prompt = __webpack_require__(4660);
// EXTERNAL MODULE: ./src/jobs/outcome.ts
var outcome = __webpack_require__(1348);
// EXTERNAL MODULE: ./src/jobs/run-report.ts
var run_report = __webpack_require__(9008);
// EXTERNAL MODULE: ./src/jobs/triage/context.ts + 1 modules
var context = __webpack_require__(2508);
// EXTERNAL MODULE: ./src/jobs/triage/issue.ts + 1 modules
var triage_issue = __webpack_require__(4046);
// EXTERNAL MODULE: ./src/jobs/triage/render.ts
var render = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/jobs/triage/backfill.ts
/**
 * A backfill (`schedule`/`workflow_dispatch` without an issue): the oldest unlabeled open issues,
 * at most `backfill_limit` per run, one after another. A usage limit or an auth failure stops it
 * with the counts; any other failure is recorded and the next issue is tried.
 */






/** `backfill_limit` when the workflow does not set it. */
const DEFAULT_BACKFILL_LIMIT = 20;
/** Plans a backfill from the unlabeled open issues, oldest first; a skip when there is none. */
async function planBackfill(github, limit) {
    if (limit === 0)
        return { skip: 'backfill_limit is 0: no unlabeled issue is triaged' };
    const open = await github.listIssues({
        state: 'open',
        sort: 'created',
        direction: 'asc',
        unlabeled: true,
        limit: Math.max(limit, context/* BACKFILL_COUNT_CAP */.EN)
    });
    if (open.length === 0)
        return { skip: 'no unlabeled open issues' };
    return {
        batch: open.slice(0, limit).map(i => i.number),
        total: open.length,
        capped: open.length >= Math.max(limit, context/* BACKFILL_COUNT_CAP */.EN)
    };
}
/** Runs a planned backfill and reports it; the end is the first stop, or any failure. */
async function backfillJob(ctx, settings, plan) {
    ctx.outputs.set('labels', '[]');
    const repo = await (0,context/* loadRepoContext */.IP)(ctx.github, settings);
    const tally = {
        applied: new Map(),
        runs: [],
        rows: [],
        decisions: [],
        failed: [],
        done: 0
    };
    let end;
    for (const number of plan.batch) {
        end = await backfillStep(ctx, settings, repo, plan, tally, number);
        if (end)
            break;
    }
    reportBackfill(ctx, plan, tally);
    if (end) {
        ctx.summary.text(end.conclusion === 'skipped'
            ? `Stopped: ${end.reason}.`
            : end.conclusion === 'failure'
                ? `Stopped: ${end.message}`
                : '');
        return end;
    }
    if (tally.failed.length > 0) {
        return {
            conclusion: 'failure',
            message: `Triage failed for ${tally.failed.length} of ${plan.batch.length} issues (the others were labelled): ${tally.failed.join('; ')}.`
        };
    }
    return { conclusion: 'success' };
}
/** Triages one issue of the batch into the tally; returns the job's end when it must stop. */
async function backfillStep(ctx, settings, repo, plan, tally, number) {
    const issue = await ctx.github.getIssue(number);
    const result = issue.state !== 'open' || issue.labels.length > 0 || issue.isPullRequest
        ? { kind: 'passed', issue, reason: 'labelled or closed since it was listed' }
        : await (0,triage_issue/* triageIssue */.CW)(ctx, settings, repo, issue);
    if (result.kind !== 'passed')
        tally.runs.push(result.run);
    if (result.kind === 'stopped') {
        const o = result.outcome;
        if (o.kind === 'usage-limit') {
            const progress = (0,render/* progressText */.l_)(tally.done, plan.batch.length, leftText(plan, tally.done));
            return (0,outcome/* usageLimitResult */.K)(ctx, o, progress);
        }
        // Every later run would fail the same way.
        if (o.kind === 'auth')
            return (0,outcome/* outcomeResult */.w)(ctx, o);
        tally.failed.push(`#${number} (${(0,render/* oneLine */.TN)(o.message, 120)})`);
        tally.rows.push((0,render/* notTriagedRow */.qh)(number, o.message));
        tally.done++;
        return undefined;
    }
    tally.done++;
    if (result.kind === 'passed') {
        tally.rows.push(`| #${number} | none | ${result.reason} |`);
    }
    else if (result.kind === 'invalid') {
        tally.failed.push(`#${number} (${(0,render/* oneLine */.TN)(result.error, 120)})`);
        tally.rows.push((0,render/* notTriagedRow */.qh)(number, result.error));
    }
    else {
        for (const l of result.decision.apply) {
            if (!tally.applied.has((0,context/* labelKey */.kJ)(l.name)))
                tally.applied.set((0,context/* labelKey */.kJ)(l.name), l.name);
        }
        tally.rows.push((0,render/* decidedRow */.Vu)(number, result.decision));
        const details = (0,render/* decisionDetails */.Zj)(number, result.decision);
        if (details)
            tally.decisions.push(details);
    }
    return undefined;
}
/** The backfill's outputs, run report, summary and log line. */
function reportBackfill(ctx, plan, tally) {
    const applied = [...tally.applied.values()];
    ctx.outputs.set('labels', JSON.stringify(applied));
    const summed = (0,run_report/* sumRuns */.A)(tally.runs);
    const n = tally.runs.length;
    if (summed)
        (0,run_report/* reportRun */.G)(ctx, summed, `triage (backfill, ${n} run${n === 1 ? '' : 's'})`);
    const left = leftText(plan, tally.done);
    (0,render/* renderBackfillSummary */.f9)(ctx.summary, {
        dryRun: ctx.inputs.dry_run,
        limit: ctx.inputs.backfill_limit ?? DEFAULT_BACKFILL_LIMIT,
        done: tally.done,
        total: plan.batch.length,
        left,
        leftCount: plan.total - tally.done,
        failed: tally.failed.length,
        rows: tally.rows,
        decisions: tally.decisions
    });
    core/* info */.pq(`Triage backfill: ${tally.done} of ${plan.batch.length} issues triaged, ${left} left; labels ${ctx.inputs.dry_run ? 'that would be ' : ''}added: ${applied.join(', ') || 'none'}.`);
}
/** Unlabeled open issues left for a later run: `at least N` when the count was capped. */
function leftText(plan, done) {
    const left = Math.max(0, plan.total - done);
    return plan.capped ? `at least ${left}` : String(left);
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/jobs/triage/ask.ts + 2 modules
var ask = __webpack_require__(422);
// EXTERNAL MODULE: ./src/jobs/triage/decide.ts
var decide = __webpack_require__(5);
;// CONCATENATED MODULE: ./src/jobs/triage/backtest.ts
/**
 * The backtest: triage dry-run over closed issues, and its scoring: how the labels triage would
 * apply compare with the labels those issues ended up with, per label and overall. Shared by
 * `backtest` > 0 in the action and `npm run backtest`; it never writes to GitHub.
 */








const ratio = (num, den) => (den === 0 ? null : num / den);
// Case-insensitive, locale-independent, so the table reads the same on every runner.
function byName(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x !== y)
        return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * Scores predictions against truth. Names compare case-insensitively (GitHub labels do); each label
 * is shown with its first spelling seen, truth first. precision = tp/(tp+fp), recall = tp/(tp+fn).
 */
function scoreBacktest(cases) {
    const scores = new Map();
    const entry = (name) => {
        const k = name.trim().toLowerCase();
        let s = scores.get(k);
        if (!s) {
            s = { label: name.trim(), tp: 0, fp: 0, fn: 0, precision: null, recall: null };
            scores.set(k, s);
        }
        return s;
    };
    const uniq = (names) => new Map(names.filter(n => n.trim() !== '').map(n => [n.trim().toLowerCase(), n]));
    for (const c of cases) {
        const truth = uniq(c.truth);
        const predicted = uniq(c.predicted);
        for (const [k, name] of truth) {
            if (predicted.has(k))
                entry(name).tp++;
            else
                entry(name).fn++;
        }
        for (const [k, name] of predicted)
            if (!truth.has(k))
                entry(name).fp++;
    }
    const perLabel = [...scores.values()]
        .map(s => ({ ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) }))
        .sort((a, b) => byName(a.label, b.label));
    const tp = perLabel.reduce((n, s) => n + s.tp, 0);
    const fp = perLabel.reduce((n, s) => n + s.fp, 0);
    const fn = perLabel.reduce((n, s) => n + s.fn, 0);
    return {
        issues: cases.length,
        perLabel,
        micro: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn }
    };
}
const fmt = (n) => (n === null ? 'n/a' : n.toFixed(2));
/** Renders a result as a markdown table for the job summary: labels by name, two decimals. */
function renderBacktest(result, opts = {}) {
    const lines = [`### ${opts.title ?? 'Triage backtest'}`, ''];
    if (opts.note)
        lines.push(opts.note, '');
    const n = result.issues;
    lines.push(`Scored ${n} closed issue${n === 1 ? '' : 's'}: the labels triage would add against the ` +
        'labels each issue ended with.', '');
    if (result.perLabel.length === 0) {
        lines.push('No labels to score.');
        return `${lines.join('\n')}\n`;
    }
    lines.push('| label | tp | fp | fn | precision | recall |', '|---|---:|---:|---:|---:|---:|');
    for (const s of result.perLabel) {
        lines.push(`| ${(0,markdown/* tableCell */.x)(s.label)} | ${s.tp} | ${s.fp} | ${s.fn} | ${fmt(s.precision)} | ${fmt(s.recall)} |`);
    }
    const m = result.micro;
    lines.push(`| **all (micro)** | ${m.tp} | ${m.fp} | ${m.fn} | ${fmt(m.precision)} | ${fmt(m.recall)} |`);
    return `${lines.join('\n')}\n`;
}
/**
 * Dry-runs triage over the last `count` closed issues that carry a label triage could have given
 * (exists in the repository, passes labels_allow/labels_deny), and scores what it would have added
 * against those labels. Calls no write method of `github` at all.
 */
async function runBacktest(opts) {
    const { github, settings, count } = opts;
    const repo = await (0,context/* loadRepoContext */.IP)(github, settings);
    const truthOf = truthFor(settings, repo);
    const closed = await github.listIssues({
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        limit: Math.min(count * 5 + 20, context/* BACKFILL_COUNT_CAP */.EN)
    });
    const selected = closed.filter(i => truthOf(i).length > 0).slice(0, count);
    const scored = await askAll(opts, repo, selected, truthOf);
    const result = scoreBacktest(scored.cases);
    return {
        result,
        cases: scored.cases,
        markdown: backtestMarkdown(opts, result, selected.length, scored),
        selected: selected.length,
        unscored: scored.unscored,
        ...(scored.stoppedBy ? { stoppedBy: scored.stoppedBy } : {}),
        runs: scored.runs
    };
}
/** An issue's labels that triage could have given, in the repository's spelling. */
function truthFor(settings, repo) {
    const offer = (0,context/* offeredBy */.HB)(settings);
    const repoSpelling = new Map(repo.repoLabels.map(l => [(0,context/* labelKey */.kJ)(l.name), l.name]));
    return issue => issue.labels
        .filter(n => repoSpelling.has((0,context/* labelKey */.kJ)(n)) && offer(n))
        .map(n => repoSpelling.get((0,context/* labelKey */.kJ)(n)));
}
/** Asks the model about each selected issue in turn; a usage limit or auth failure stops it. */
async function askAll(opts, repo, selected, truthOf) {
    const { claude, settings } = opts;
    const log = opts.log ?? ((line) => core/* info */.pq(line));
    const out = { cases: [], unscored: [], runs: [] };
    for (const [i, issue] of selected.entries()) {
        log(`Backtest ${i + 1}/${selected.length}: #${issue.number}`);
        const asked = await (0,ask/* askModel */.$)(claude, settings, repo, issue);
        out.runs.push(asked.run);
        const outcome = asked.run.outcome;
        if (outcome.kind !== 'success') {
            if (outcome.kind === 'usage-limit' || outcome.kind === 'auth') {
                out.stoppedBy = outcome;
                for (const rest of selected.slice(i)) {
                    out.unscored.push({ issue: rest.number, reason: `not reached: ${outcome.kind}` });
                }
                break;
            }
            out.unscored.push({ issue: issue.number, reason: (0,render/* oneLine */.TN)(outcome.message, 160) });
            continue;
        }
        if (!asked.triage) {
            out.unscored.push({ issue: issue.number, reason: (0,render/* oneLine */.TN)(asked.invalid ?? 'no answer', 160) });
            continue;
        }
        // As if the issue were new: nothing on it, nobody removed anything, no fallback.
        const decision = (0,decide/* decideFor */.qI)(settings, repo.repoLabels, asked.triage, [], new Set(), false);
        const predicted = decision.apply.map(l => l.name);
        const truth = truthOf(issue);
        out.cases.push({ issue: issue.number, truth, predicted });
        log(`  #${issue.number}: predicted ${predicted.join(', ') || 'nothing'}; humans gave ${truth.join(', ')}`);
    }
    return out;
}
/** The table, with notes on too few issues, what was not scored and an early stop. */
function backtestMarkdown(opts, result, selected, scored) {
    const { count, settings } = opts;
    const parts = [
        renderBacktest(result, {
            note: opts.note ??
                `Last ${count} closed issues with a label triage could give; min_confidence ${settings.minConfidence}, max_labels ${settings.maxLabels}.`
        }).trimEnd()
    ];
    if (selected < count) {
        parts.push(`Only ${selected} closed issue${selected === 1 ? '' : 's'} with such labels ${selected === 1 ? 'was' : 'were'} found (asked for ${count}).`);
    }
    const { unscored, stoppedBy } = scored;
    if (unscored.length > 0) {
        parts.push(`Not scored (${unscored.length}):\n\n` +
            unscored.map(u => `- #${u.issue}: ${(0,render/* cell */.Hn)(u.reason)}`).join('\n'));
    }
    if (stoppedBy)
        parts.push(`Stopped early: ${(0,render/* cell */.Hn)(stoppedBy.message)}`);
    return `${parts.join('\n\n')}\n`;
}
/** The action's backtest job (`backtest` > 0): reads only, writes the table to the summary. */
async function backtestJob(ctx, settings, count) {
    ctx.outputs.set('labels', '[]');
    // ctx.claude and reads only: a backtest never calls a write method, dry_run or not.
    const report = await runBacktest({ github: ctx.github, claude: ctx.claude, count, settings });
    const summed = (0,run_report/* sumRuns */.A)(report.runs);
    if (summed)
        (0,run_report/* reportRun */.G)(ctx, summed, `triage (backtest, ${report.runs.length} runs)`);
    ctx.summary.text(report.markdown);
    const m = report.result.micro;
    core/* info */.pq(`Triage backtest over ${report.result.issues} issues: precision ${m.precision === null ? 'n/a' : m.precision.toFixed(2)}, recall ${m.recall === null ? 'n/a' : m.recall.toFixed(2)}.`);
    const stop = report.stoppedBy;
    if (stop?.kind === 'usage-limit') {
        const scored = report.cases.length + report.unscored.filter(u => !u.reason.startsWith('not reached')).length;
        const left = String(report.selected - scored);
        return (0,outcome/* usageLimitResult */.K)(ctx, stop, (0,render/* progressText */.l_)(scored, report.selected, left));
    }
    if (stop)
        return (0,outcome/* outcomeResult */.w)(ctx, stop);
    return { conclusion: 'success' };
}

// EXTERNAL MODULE: ./src/jobs/triage/settings.ts
var triage_settings = __webpack_require__(4128);
;// CONCATENATED MODULE: ./src/jobs/triage/prepare.ts
/**
 * `mode: triage`: which run this is (one issue, a backfill of unlabeled issues, or a backtest),
 * decided before any login is loaded. The model only proposes labels through the triage schema;
 * every rule is applied in code (decide.ts), and every write to GitHub is made in issue.ts.
 */







/** The `issues` actions that are triaged; any other action is a skip. */
const TRIAGE_ACTIONS = ['opened', 'edited', 'reopened'];
/**
 * Decides which triage run this is, before any login is loaded: one issue (an `issues` event, or
 * `issue_number`), a backtest (`backtest` > 0), or a backfill (`schedule`/`workflow_dispatch`
 * without an issue). Only reads from GitHub; a skip calls no model and writes nothing.
 */
async function prepareTriage(pre) {
    const { inputs, event } = pre;
    // Read (and checked) now, so a bad prompt_file or claude_args fails before the login is touched.
    const instructions = await (0,jobs_prompt/* readPrompt */.$)(inputs);
    const { settings, dropped } = (0,triage_settings/* triageSettings */.W)(inputs, instructions);
    // The warning about dropped claude_args comes once the job really runs (a skip stays quiet).
    const go = (job, item) => ({
        ...(item ? { item } : {}),
        run: ctx => {
            if (dropped.length > 0) {
                core/* warning */.$e(`claude_args: dropped ${dropped.map(d => `"${d}"`).join(', ')}: triage gives the model no ` +
                    'tools and loads no configuration from the workspace, so these flags cannot apply.');
            }
            return job(ctx);
        }
    });
    if (inputs.backtest > 0) {
        return go(ctx => backtestJob(ctx, settings, inputs.backtest));
    }
    if (event.name === 'issues')
        return fromIssuesEvent(pre, settings, go);
    if (inputs.issue_number !== undefined) {
        return fromIssueNumber(pre, settings, go, inputs.issue_number);
    }
    if (event.name === 'schedule' || event.name === 'workflow_dispatch') {
        const plan = await planBackfill(pre.github, inputs.backfill_limit ?? DEFAULT_BACKFILL_LIMIT);
        return 'skip' in plan ? plan : go(ctx => backfillJob(ctx, settings, plan));
    }
    return {
        skip: `mode triage has nothing to do on a "${event.name}" event: it labels the issue of an ` +
            'issues event, the issue given as issue_number, or unlabeled open issues on schedule and ' +
            'workflow_dispatch'
    };
}
/** An `issues` event: its issue, when the action is one triage handles and it is no PR. */
function fromIssuesEvent(pre, settings, go) {
    const { payload } = pre.event;
    const action = typeof payload.action === 'string' ? payload.action : '';
    if (!TRIAGE_ACTIONS.includes(action)) {
        return {
            skip: `issues event action "${action}" is not triaged: only ${TRIAGE_ACTIONS.join(', ')} are`
        };
    }
    const issue = payload.issue;
    if (!issue || typeof issue.number !== 'number') {
        return { skip: 'the issues event carries no issue number' };
    }
    if (issue.pull_request !== undefined && issue.pull_request !== null) {
        return { skip: `#${issue.number} is a pull request: triage labels issues only` };
    }
    const number = issue.number;
    return go(ctx => (0,triage_issue/* singleJob */.oJ)(ctx, settings, number), { kind: 'issue', number });
}
/** `issue_number`: that issue, which must exist and be no pull request. */
async function fromIssueNumber(pre, settings, go, number) {
    let issue;
    try {
        issue = await pre.github.getIssue(number);
    }
    catch (err) {
        if (err.status === 404) {
            throw new errors/* InputError */.d(`issue_number ${number} is not an issue in ${pre.event.owner}/${pre.event.repo} (GitHub answered 404): give the number of an existing issue.`);
        }
        throw err;
    }
    if (issue.isPullRequest) {
        return { skip: `#${number} is a pull request: triage labels issues only` };
    }
    return go(ctx => (0,triage_issue/* singleJob */.oJ)(ctx, settings, number), { kind: 'issue', number });
}


/***/ }),

/***/ 3243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pickUpDeferred: () => (/* binding */ pickUpDeferred)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/known-secrets.ts
var known_secrets = __webpack_require__(5688);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/jobs/usage/ceiling.ts
var usage_ceiling = __webpack_require__(1687);
// EXTERNAL MODULE: ./src/jobs/usage/deferred.ts
var deferred = __webpack_require__(4773);
// EXTERNAL MODULE: ./src/jobs/usage/queue.ts
var usage_queue = __webpack_require__(9491);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/jobs/command/answer.ts + 2 modules
var answer = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/jobs/command/gate.ts
var gate = __webpack_require__(7231);
// EXTERNAL MODULE: ./src/jobs/command/parse.ts
var parse = __webpack_require__(8137);
// EXTERNAL MODULE: ./src/jobs/command/reply.ts
var reply = __webpack_require__(7698);
;// CONCATENATED MODULE: ./src/jobs/command/later.ts




/** Reads the question again and checks it: the command it still is, or why it is dropped. */
async function retake(pre, item, q) {
    const { github } = pre;
    const onPullRequest = item.kind === 'pull';
    if (q.kind === 'review' && !onPullRequest)
        return { dropped: 'a review comment on an issue' };
    const comments = q.kind === 'review'
        ? await github.listReviewComments(item.number)
        : await github.listIssueComments(item.number);
    const found = comments.find(c => c.id === q.id);
    if (!found)
        return { dropped: 'it was deleted' };
    if (found.updatedAt !== q.updatedAt)
        return { dropped: 'it was edited since it was asked' };
    const author = { login: found.author ?? 'ghost', type: found.authorType ?? 'User' };
    const notAPerson = found.author ? (0,parse/* authorSkip */.hG)(author, await github.whoami()) : 'its author is gone';
    if (notAPerson)
        return { dropped: notAPerson };
    // The comment is unedited: it starts with the phrase it was asked with.
    const phrase = found.body.trimStart().slice(0, q.trigger);
    const text = q.trigger > 0 ? (0,parse/* commandText */.jt)(found.body, phrase) : undefined;
    if (text === undefined || (0,parse/* parseVerb */.TH)(text, onPullRequest) !== 'question') {
        return { dropped: 'it is no question after the trigger phrase' };
    }
    const permission = await github.getPermission(author.login);
    if (!(0,gate/* permits */.V)(permission, q.permission)) {
        return {
            dropped: `${author.login} has ${permission} permission now; command_permission needs ${q.permission}`
        };
    }
    return { comment: commandComment(found, author, item, q.kind), text };
}
/** The comment as the command job knows it (as its event would have described it). */
function commandComment(c, author, item, kind) {
    const base = {
        id: c.id,
        body: c.body,
        author,
        number: item.number,
        onPullRequest: item.kind === 'pull'
    };
    if (kind === 'issue')
        return { ...base, kind };
    return {
        ...base,
        kind,
        threadRootId: c.inReplyTo ?? c.id,
        ...(c.diffHunk !== undefined ? { diffHunk: c.diffHunk } : {}),
        ...(c.path !== undefined ? { path: c.path } : {}),
        ...(c.line !== undefined ? { line: c.line } : {})
    };
}
/** Answers a deferred question, or says why it was dropped (nothing written then). */
async function answerLater(ctx, item, q) {
    const taken = await retake(ctx, item, q);
    if ('dropped' in taken)
        return taken;
    const context = await (0,answer/* prepareQuestion */.Q)(ctx, taken);
    const result = await (0,answer/* answerQuestion */.p)(ctx, taken, context);
    // The person who asked hears of a failure as from the command; a login problem is requeued.
    if (result.conclusion === 'failure' && !result.auth) {
        await (0,reply/* replyFailure */.Jx)(ctx.github, taken.comment, undefined, 'answer', (0,reply/* firstLine */.TM)(result.message));
    }
    return result;
}

// EXTERNAL MODULE: ./src/jobs/review/prepare.ts + 6 modules
var prepare = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/jobs/triage/prepare.ts + 2 modules
var triage_prepare = __webpack_require__(4110);
// EXTERNAL MODULE: ./src/jobs/usage/defer.ts
var defer = __webpack_require__(3076);
;// CONCATENATED MODULE: ./src/jobs/usage/run-item.ts
/**
 * One claimed deferred item, run: what its notice queued, in order (the job, then each question).
 * The job is prepared as a run of its mode on the item would be (a review a command asked for as
 * the command would: drafts and paused pull requests too); a question is read again and its gate
 * passed again (see `command/later.ts`). The usage limit or a login failure puts what is left back
 * in the queue and stops the pickup; a dropped question is one log line.
 */










/**
 * Outputs that are kept, not published: the step's outputs describe the run's own job. Only
 * `usage` and `tokens` go to the step's outputs (`step`): the pickup spends the step's allowance.
 */
class KeptOutputs extends outputs/* Outputs */.t {
    step;
    constructor(step) {
        super();
        this.step = step;
    }
    usageSink() {
        return this.step?.usageSink() ?? this;
    }
    set(...[name, value]) {
        this.values[name] = value === undefined ? '' : String(value);
    }
}
/** Runs what the item's notice queued, part by part, until the end or a stop. */
async function runQueued(pre, session, item, mode) {
    const queue = item.queue ?? usage_queue/* AUTO */.Q8;
    const parts = [
        ...(queue.job !== 'none' ? [{ job: queue.job }] : []),
        ...queue.questions.map(question => ({ question }))
    ];
    const texts = [];
    const failed = [];
    for (const [index, part] of parts.entries()) {
        const end = await runPart(pre, session, item, part, mode);
        if ('dropped' in end) {
            const q = part.question;
            core/* info */.pq(`Deferred question (${q.kind} comment ${q.id} on #${item.number}) dropped: ${end.dropped}.`);
            texts.push('dropped');
            continue;
        }
        const rest = { ...item, queue: queueOfParts(parts.slice(index)) };
        const stop = await stopAt(pre, rest, end, index === 0);
        if (stop !== undefined) {
            await retryOrDrop(pre, item, failed);
            return { text: [...texts, stop].join(', '), stop: true };
        }
        if (end.conclusion === 'failure')
            failed.push({ part, message: end.message });
        texts.push(textOf(end));
    }
    const retry = await retryOrDrop(pre, item, failed);
    return { text: [...texts, ...(retry ? [retry] : [])].join(', ') };
}
/** The parts not yet done, as a queue. */
function queueOfParts(parts) {
    const job = parts.find((p) => 'job' in p);
    return {
        job: job ? job.job : 'none',
        questions: parts.flatMap(p => ('question' in p ? [p.question] : []))
    };
}
/**
 * Parts that failed for another reason than the usage or the login (a write GitHub refused, the
 * network): the label goes back once, the attempt recorded in the notice's footer, so the next
 * run tries again; failing again, they are dropped with a warning instead of looping for ever.
 */
async function retryOrDrop(pre, item, failed) {
    if (failed.length === 0)
        return undefined;
    const attempts = (item.queue?.attempts ?? 0) + 1;
    const retry = {
        ...item,
        queue: { ...queueOfParts(failed.map(f => f.part)), attempts }
    };
    const why = failed.map(f => f.message).join('; ');
    const what = `Deferred #${item.number} (${(0,usage_queue/* queueName */.nM)(retry)})`;
    if (attempts > 1) {
        core/* warning */.$e(`${what} failed again: ${why}; dropped after ${attempts} attempts.${hint(why)}`);
        return `dropped after ${attempts} attempts`;
    }
    await (0,defer/* deferItem */.U)(pre, retry, pre.now(), `the last attempt failed: ${why}`);
    core/* warning */.$e(`${what} failed: ${why}; its label is back for one more attempt.${hint(why)}`);
    return 'label back for one more attempt';
}
/** A refused write most often means the workflow's token lacks a permission: say which. */
function hint(why) {
    return /\b403\b|not accessible by integration/i.test(why)
        ? " (A review needs the workflow's `pull-requests: write`, a label or a comment `issues: write`.)"
        : '';
}
/** One part; anything thrown (but a withheld write) is that part's failure. */
async function runPart(pre, session, item, part, mode) {
    try {
        if ('question' in part) {
            const ctx = { ...itemPre(pre, item, mode === 'command'), ...session };
            return await answerLater(ctx, item, part.question);
        }
        return await runJob(pre, session, item, part.job, mode);
    }
    catch (err) {
        if (err instanceof known_secrets/* SecretLeakError */.q2)
            throw err;
        return { conclusion: 'failure', message: err.message };
    }
}
/**
 * The usage limit again, or the login: what is left goes back in the queue (label and notice)
 * and the pickup stops here. Returns the item's text then; undefined goes on.
 */
async function stopAt(pre, rest, result, first) {
    if (result.conclusion === 'skipped' && result.usageLimit) {
        const due = await (0,defer/* deferItem */.U)(pre, rest, result.usageLimit.resetsAt, result.reason);
        core/* info */.pq(`Deferred #${rest.number} again, to the first run after ${(0,time/* iso */.KH)(due)}: ${result.reason}.`);
        return `deferred again until ${(0,time/* iso */.KH)(due)} (${result.reason})`;
    }
    if (result.conclusion !== 'failure' || !result.auth)
        return undefined;
    core/* warning */.$e(`Deferred #${rest.number} (${(0,usage_queue/* queueName */.nM)(rest)}) failed: ${result.message}`);
    // The login, not the item: what is left keeps its place in the queue, due at once.
    if (first)
        await pre.github.addLabels(rest.number, [deferred/* DEFERRED_LABEL */.pX.name]);
    else
        await (0,defer/* deferItem */.U)(pre, rest, pre.now(), 'the login failed');
    return `left queued: ${result.message}`;
}
/** What a part's result means for the summary; a failure is a warning, never the run's. */
function textOf(result) {
    if (result.conclusion === 'success')
        return 'done';
    if (result.conclusion === 'skipped')
        return `skipped: ${result.reason}`;
    return `failed: ${result.message}`;
}
/**
 * The run's context for the item: outputs kept back, the item as the job's target, and
 * `on_usage_limit: defer` (a limit met now ends as a skip that puts the item back, whatever this
 * run's setting). The run's prompt is the job's extra instructions only when the run is of that
 * job's mode (`sameMode`): a prompt run's task, or a health run's, is no instruction for a review.
 */
function itemPre(pre, item, sameMode) {
    return {
        ...pre,
        inputs: {
            ...pre.inputs,
            on_usage_limit: 'defer',
            backtest: 0,
            prompt: sameMode ? pre.inputs.prompt : '',
            prompt_file: sameMode ? pre.inputs.prompt_file : '',
            pr_number: item.kind === 'pull' ? item.number : undefined,
            issue_number: item.kind === 'issue' ? item.number : undefined
        },
        event: { ...pre.event, name: 'workflow_dispatch', payload: {} },
        outputs: new KeptOutputs(pre.outputs)
    };
}
/** The item's job: its own (`auto`), or the review a command asked for. */
async function runJob(pre, session, item, job, mode) {
    const own = item.kind === 'pull' ? 'review' : 'triage';
    const asked = job === 'review' || job === 'full-review';
    const ctx = itemPre(pre, item, mode === (asked ? 'command' : own));
    let prepared;
    if (item.kind === 'issue')
        prepared = await (0,triage_prepare.prepareTriage)(ctx);
    else if (asked)
        prepared = await (0,prepare.prepareReview)(ctx, { number: item.number, full: job === 'full-review' });
    else
        prepared = await (0,prepare.prepareReview)(ctx);
    if ('skip' in prepared)
        return { conclusion: 'skipped', reason: prepared.skip };
    return prepared.run({ ...ctx, ...session });
}

;// CONCATENATED MODULE: ./src/jobs/usage/pickup.ts
/**
 * Taking deferred items up: after its own job, a run in any mode lists the open pull requests and
 * issues labelled `claude-deferred` whose notice the action wrote and whose reset time has passed,
 * and runs what their notice queued (see `run-item.ts`: a review of the pull request's current
 * head through the review job's own preparation, so the draft, fork and author rules hold unless a
 * command asked for it; triage for an issue; the questions asked there), at most
 * `backfill_limit` of them. Re-entrancy: right before an item, its label is read again and taken
 * off before anything is posted; a run that finds it gone leaves the item to the run that took it.
 * The usage limit stops the pickup (the item at hand gets its label back). Under dry_run it only
 * says which items it would take up. A deferred item's
 * problem is a warning, never the run's failure. Main loads this module (and with it the review
 * and triage jobs) only when the run goes looking.
 */







/** Lists, selects and takes up the due deferred items; never throws but for a withheld write. */
async function pickUpDeferred(pre, ready, mode) {
    let labelled;
    try {
        // Closed ones too: a pull request merged (or an issue closed) while it waited loses its label.
        labelled = await pre.github.listIssues({
            state: 'all',
            labels: deferred/* DEFERRED_LABEL */.pX.name,
            pulls: true,
            limit: 100
        });
    }
    catch (err) {
        // A token that may not read issues (a prompt or setup job's) has queued nothing: no warning.
        core/* info */.pq(`Deferred items: could not list them (${err.message}).`);
        return;
    }
    if (labelled.length === 0)
        return;
    try {
        await pickUp(pre, ready, labelled, mode);
    }
    catch (err) {
        if (err instanceof known_secrets/* SecretLeakError */.q2)
            throw err;
        core/* warning */.$e(`Deferred items were not taken up: ${err.message}`);
    }
}
async function pickUp(pre, ready, labelled, mode) {
    const { github } = pre;
    const limit = pre.inputs.backfill_limit;
    const self = await github.whoami();
    const items = [];
    for (const i of labelled) {
        const notice = (0,deferred/* ownNotice */.bg)(await github.listIssueComments(i.number), self);
        if (i.state !== 'open') {
            if (notice)
                await dropClosed(pre, i.number);
            continue;
        }
        const due = (0,deferred/* noticeDue */.RS)(notice?.body);
        const ours = due !== undefined && (0,deferred/* labelIsOurs */.q7)(await github.listTimeline(i.number), self, due);
        items.push({
            number: i.number,
            isPullRequest: i.isPullRequest,
            due: ours ? due : undefined,
            queue: (0,usage_queue/* queueOf */.nv)(notice?.body)
        });
    }
    if (items.length === 0)
        return;
    const now = pre.now();
    const selection = (0,deferred/* selectDeferred */.Mq)(items, now, limit);
    const left = [
        ...selection.waiting.map(w => `#${w.number} waits for its reset (${(0,time/* iso */.KH)(w.due)})`),
        ...selection.later.map(n => `#${n} is due, beyond backfill_limit ${limit}`),
        ...selection.notOurs.map(n => `#${n} carries the label without the action's notice (left alone)`)
    ];
    if (selection.take.length === 0) {
        core/* info */.pq(`Deferred items: none taken up; ${left.join('; ')}.`);
        return;
    }
    if (pre.inputs.dry_run)
        return describeOnly(pre, selection, left);
    const rows = await takeUp(pre, ready, selection.take, mode);
    const done = rows.filter(r => r.taken);
    const list = (of) => of.map(r => `#${r.item.number} (${(0,usage_queue/* queueName */.nM)(r.item)}: ${r.text})`).join(', ');
    const notTaken = rows.filter(r => !r.taken);
    core/* info */.pq(`Deferred items: took up ${done.length} of ${selection.take.length} due${done.length > 0 ? `: ${list(done)}` : ''}${notTaken.length > 0 ? `; not taken: ${list(notTaken)}` : ''}${left.length > 0 ? `; ${left.join('; ')}` : ''}.`);
    pre.summary.table([
        ...rows.map((r) => [`#${r.item.number} (${(0,usage_queue/* queueName */.nM)(r.item)})`, r.text]),
        ...left.map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)])
    ], [`Deferred items taken up: ${done.length}`, '']);
}
/**
 * dry_run: which items a run would take up, in the log and the summary. Nothing is claimed and no
 * model runs (a dry run spends none of the allowance on deferred work).
 */
function describeOnly(pre, selection, left) {
    const { take, later } = selection;
    const names = take.map(i => `#${i.number} (${(0,usage_queue/* queueName */.nM)(i)})`);
    core/* info */.pq(`Deferred items (dry run): would take up ${take.length} of ${take.length + later.length} due: ${names.join(', ')}${left.length > 0 ? `; ${left.join('; ')}` : ''}.`);
    pre.summary.table([
        ...names.map((n) => [n, 'would be taken up (dry run)']),
        ...left.map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)])
    ], ['Deferred items (dry run): nothing taken up', '']);
}
/** Takes up the selected items in order until one says stop. */
async function takeUp(pre, ready, take, mode) {
    const rows = [];
    let session;
    try {
        // Before any label comes off: without a login, every item stays queued.
        session = await ready(take[0]?.kind === 'issue' ? 'triage' : 'review');
    }
    catch (err) {
        core/* warning */.$e(`Deferred items wait: the login could not be prepared (${err.message})`);
        return take.map(item => ({ item, text: 'left queued (no login)', taken: false }));
    }
    const ceiling = await (0,usage_ceiling/* checkUsageCeiling */.f)({ ...pre, outputs: new KeptOutputs(pre.outputs) }, session.claude, 'review');
    if (ceiling) {
        const why = ceiling.conclusion === 'skipped'
            ? ceiling.reason
            : ceiling.conclusion === 'failure'
                ? ceiling.message
                : '';
        core/* info */.pq(`Deferred items wait: ${why}.`);
        return take.map(item => ({ item, text: `left queued (${why})`, taken: false }));
    }
    for (const [index, item] of take.entries()) {
        const end = await takeUpOne(pre, session, item, mode);
        rows.push({ item, text: end.text, taken: end.taken });
        if (end.stop) {
            for (const rest of take.slice(index + 1))
                rows.push({ item: rest, text: 'left queued', taken: false });
            break;
        }
    }
    return rows;
}
/** One item: claim it (label read again, then taken off), run its queue, report its end. */
async function takeUpOne(pre, session, item, mode) {
    const { github } = pre;
    const fresh = await github.getIssue(item.number);
    const labelled = fresh.labels.some(l => l.toLowerCase() === deferred/* DEFERRED_LABEL */.pX.name);
    if (labelled && fresh.state !== 'open') {
        await dropClosed(pre, item.number);
        return { text: 'closed since it was listed: label taken off', taken: false };
    }
    if (!labelled || !(await github.removeLabel(item.number, deferred/* DEFERRED_LABEL */.pX.name))) {
        return {
            text: 'taken by another run, or closed or unlabelled since it was listed',
            taken: false
        };
    }
    // Its queue read again once claimed: a deferral since the listing may have added to it.
    const notice = (0,deferred/* ownNotice */.bg)(await github.listIssueComments(item.number), await github.whoami());
    const claimed = { ...item, queue: (0,usage_queue/* queueOf */.nv)(notice?.body) };
    return { ...(await runQueued(pre, session, claimed, mode)), taken: true };
}
/** A closed (or merged) item is not taken up: its label comes off, in one log line. */
async function dropClosed(pre, number) {
    await pre.github.removeLabel(number, deferred/* DEFERRED_LABEL */.pX.name);
    core/* info */.pq(`Deferred #${number} is closed: its label is taken off, nothing is run.`);
}


/***/ })

};
