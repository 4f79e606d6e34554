/**
 * A stateful local mock of the GitHub REST API for end-to-end tests.
 *
 * It listens on 127.0.0.1 (random port) and answers the endpoints the action and the capture
 * tool use, the way GitHub does where it matters: `Link` pagination, 404 for unknown things, 422
 * for a review comment on a line outside the diff (and then nothing is stored), labels created on
 * the fly by "add labels", sealed-box secrets checked against the key the mock handed out.
 *
 * Tests arrange `mock.state` (or `mock.repos[...]`, `mock.orgs[...]`) directly and assert on the
 * state and on `mock.calls` / `mock.writes()` afterwards.
 *
 * This file is the entry point; the mock lives in `mock-github/`, one module per resource
 * (pulls, reviews, issues, labels, contents, secrets, users) around a shared core (state,
 * routing, request recording, fault injection, token checks).
 */
export * from './mock-github/types.js'
export { BOT, countPatch, defaultRepoState, fakeSha, fileFromPatch } from './mock-github/arrange.js'
export { startMockGitHub } from './mock-github/start.js'
