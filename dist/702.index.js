export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/**
 * The one way this project talks to the GitHub REST API: @actions/github's client with retries on
 * server errors and GitHub's rate limits honoured. Used by the action and by the capture tool.
 */



/** How often a request hit by a rate limit is tried again before it fails. */
const RATE_LIMIT_RETRIES = 3;
/** A primary rate limit that resets later than this is not waited for: it fails at once. */
const MAX_RATE_LIMIT_WAIT_S = 60;
/**
 * Creates an authenticated client: 5xx answers are retried (plugin-retry), and rate limits are
 * waited out a few times (plugin-throttling) before the request fails with GitHub's error. A
 * create that is not idempotent opts out of plugin-retry per request (`request: { retries: 0 }`):
 * GitHub may have stored it before answering 502, so `api.ts` looks for it before trying again.
 */
function createOctokit(token, opts = {}) {
    const log = opts.log ?? (() => undefined);
    const baseUrl = (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        retry: {
            retries: opts.retries ?? 3,
            // 4xx answers other than rate limits are final: retrying them only delays the error.
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451]
        },
        throttle: {
            enabled: opts.throttle ?? true,
            onRateLimit: (retryAfter, options, _octokit, retryCount) => {
                const what = `${options.method} ${options.url}`;
                if (retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
                    log(`GitHub rate limit hit on ${what}: retrying in ${retryAfter}s.`);
                    return true;
                }
                log(`GitHub rate limit hit on ${what}: giving up (resets in ${retryAfter}s).`);
                return false;
            },
            onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
                const what = `${options.method} ${options.url}`;
                if (retryCount < RATE_LIMIT_RETRIES) {
                    log(`GitHub secondary rate limit hit on ${what}: retrying in ${retryAfter}s.`);
                    return true;
                }
                log(`GitHub secondary rate limit hit on ${what}: giving up after ${retryCount} retries.`);
                return false;
            }
        }
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ })

};
