export const id = 892;
export const ids = [892];
export const modules = {

/***/ 6591:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



/* unused reexport */ __webpack_require__(5335);
exports.parse = __webpack_require__(2696);


/***/ }),

/***/ 2696:
/***/ ((module) => {



/**
 * @import {
 * 	ControlOperator,
 * 	Env,
 * 	GlobPattern,
 * 	ParseEntry,
 * } from './parse' */

// '<(' and '>(' are process substitution operators and
// can be parsed the same as control operator
var CONTROL = /** @type {const} */ ('(?:') + /** @type {const} */ ([
	'\\|\\|',
	'\\&(?:\\&|>>?)', // `&&`, `&>`, and `&>>`
	';;\\&?', // `;;` and `;;&`
	'[;|]\\&', // `;&` and `|&`
	'\\<\\(',
	'\\<\\<\\<',
	'\\<\\<-',
	'\\<\\<(?!\\()', // `<<(` stays `<` and `<(`, as zsh reads it; other shells reject it
	'>>',
	'>[&|(]', // `>&`, `>|`, and `>(`
	'<[&>]', // `<&` and `<>`
	'[&;()|<>]'
]).join(/** @type {const} */ ('|')) + /** @type {const} */ (')');
var controlRE = new RegExp('^' + CONTROL + '$');
var META = /** @type {const} */ ('|&;()<> \\t');
var SINGLE_QUOTE = /** @type {const} */ ('\'([^\']*?)\'');
// bash ANSI-C quoting, `$'...'`: a backslash escapes the next character, including `'`
var ANSI_C_BODY = '(?:\\\\[\\s\\S]|[^\\\\\'])*?';
var ANSI_C_QUOTE = '\\$\'' + ANSI_C_BODY + '\'';
var ansiCAt = new RegExp('\\$\'' + ANSI_C_BODY + '(?:(\')|\\\\?$)', 'g');
var ANSI_C_LETTERS = 'abeEfnrtv';
var ANSI_C_CHARS = '\x07\b\x1B\x1B\f\n\r\t\v';
var hash = /^#$/;

var SQ = /** @type {const} */ ("'");
var DQ = /** @type {const} */ ('"');
var DS = /** @type {const} */ ('$');

var TOKEN = '';
var mult = /** @type {const} */ (0x100000000); // Math.pow(16, 8);
for (var i = 0; i < 4; i++) {
	TOKEN += (mult * Math.random()).toString(16);
}
var startsWithToken = new RegExp('^' + TOKEN);

/**
 * @param {string} s
 * @param {RegExp} r
 */
function matchAll(s, r) {
	var origIndex = r.lastIndex;

	var matches = [];
	var matchObj;

	while ((matchObj = r.exec(s))) {
		matches[matches.length] = matchObj;
		if (r.lastIndex === matchObj.index) {
			r.lastIndex += 1;
		}
	}

	r.lastIndex = origIndex;

	return matches;
}

/**
 * @param {Env} env
 * @param {string} pre
 * @param {string} key
 */
function getVar(env, pre, key) {
	var r = typeof env === 'function' ? env(key) : env[key];
	if (typeof r === 'undefined' && key != '') {
		r = '';
	} else if (typeof r === 'undefined') {
		r = '$';
	}

	if (typeof r === 'object') {
		return pre + TOKEN + JSON.stringify(r) + TOKEN;
	}
	return pre + r;
}

var ansiCEscape = /\\([0-7]{1,3}|x[\dA-Fa-f]{1,2}|u[\dA-Fa-f]{1,4}|U[\dA-Fa-f]{1,8}|c(?:\\\\|[\s\S])|[abeEfnrtv\\'"?])/g;

/**
 * @param {string} m
 * @param {string} escape
 */
function expandAnsiCEscape(m, escape) {
	var kind = escape.charAt(0);
	if (kind === 'c') {
		var ctrl = escape.charAt(1);
		return ctrl === '?' ? '\x7F' : String.fromCharCode(ctrl.charCodeAt(0) & 0x1F);
	}
	if (kind === 'x' || kind === 'u' || kind === 'U') {
		var cp = parseInt(escape.slice(1), 16);
		if (cp > 0x10FFFF) {
			return m;
		}
		return String.fromCharCode.apply(null, cp > 0xFFFF ? [0xD7C0 + (cp >> 10), 0xDC00 + (cp & 0x3FF)] : [cp]);
	}
	if (kind >= '0' && kind <= '7') {
		return String.fromCharCode(parseInt(escape, 8) & 0xFF);
	}
	var letter = ANSI_C_LETTERS.indexOf(escape);
	return letter < 0 ? escape : ANSI_C_CHARS.charAt(letter);
}

/** @param {string} body */
function expandAnsiC(body) {
	return body.replace(ansiCEscape, expandAnsiCEscape).split('\0')[0]; // like bash, a NUL ends the string
}

/**
 * @param {string} s
 * @param {number} i
 */
function closesAnsiC(s, i) {
	ansiCAt.lastIndex = i;
	return !!(/** @type {RegExpExecArray} */ (ansiCAt.exec(s)))[1];
}

/**
 * @param {string} string
 * @param {Env} [env]
 * @param {{ escape?: string, splitUnquoted?: boolean | string }} [opts]
 * @returns {ParseEntry[]}
 */
function parseInternal(string, env, opts) {
	if (!opts) {
		opts = {};
	}
	var BS = opts.escape || '\\';
	var ifs = opts.splitUnquoted === true ? ' \t\n' : (typeof opts.splitUnquoted === 'string' ? opts.splitUnquoted : '');
	var BAREWORD = '(\\' + BS + '[\'"$\\' + BS + META + ']|\\$\\$|\\$(?!' + ANSI_C_QUOTE.slice(2) + ')|[^\\s\'"$' + META + '])+';
	var DOUBLE_QUOTE = '"(?:\\' + BS + '[\\s\\S]|[^"\\' + BS + '])*"';

	var chunker = new RegExp([
		'(' + CONTROL + ')', // control chars
		'(' + ANSI_C_QUOTE + '|' + BAREWORD + '|' + DOUBLE_QUOTE + '|' + SINGLE_QUOTE + ')+'
	].join('|'), 'g');

	var matches = matchAll(string, chunker);

	if (matches.length === 0) {
		return [];
	}
	if (!env) {
		env = {};
	}

	var commented = false;

	return matches.map(function (match) {
		var s = match[0];
		if (!s || commented) {
			return void undefined;
		}
		if (controlRE.test(s)) {
			return /** @type {ControlOperator} */ ({ op: s });
		}

		// Hand-written scanner/parser for Bash quoting rules:
		//
		// 1. inside single quotes, all characters are printed literally.
		// 2. inside double quotes, all characters are printed literally
		//    except variables prefixed by '$' and backslashes followed by
		//    either a double quote or another backslash.
		// 3. outside of any quotes, backslashes are treated as escape
		//    characters and not printed (unless they are themselves escaped)
		// 4. quote context can switch mid-token if there is no whitespace
		//     between the two quote contexts (e.g. all'one'"token" parses as
		//     "allonetoken")
		/** @type {string | boolean} */
		var quote = false;
		var esc = false;
		var out = '';
		/** @type {string[]} */
		var words = [];
		var sawQuote = false;
		/** @type {number | null} */
		var pendingNw = null;
		var isGlob = false;
		/** @type {number} */
		var i;

		function parseEnvVar() {
			i += 1;
			/** @type {number | RegExpMatchArray | null} */
			var varend;
			/** @type {string} */
			var varname;
			var char = s.charAt(i);

			if (char === '{') {
				i += 1;
				if (s.charAt(i) === '}') {
					throw new Error('Bad substitution: ' + s.slice(i - 2, i + 1));
				}
				// match braces by depth so a nested `${` keeps its inner `}` from ending the outer substitution
				var depth = 1;
				varend = i;
				while (depth > 0 && varend < s.length) {
					if (s.charAt(varend) === '{' && s.charAt(varend - 1) === '$') {
						depth += 1;
					} else if (s.charAt(varend) === '}') {
						depth -= 1;
					}
					varend += 1;
				}
				if (depth !== 0) {
					throw new Error('Bad substitution: ' + s.slice(i));
				}
				varend -= 1;
				varname = s.slice(i, varend);
				i = varend;
			} else if ((/[*@#?$!-]/).test(char)) {
				varname = char;
			} else {
				var slicedFromI = s.slice(i);
				varend = slicedFromI.match(/[^\w\d_]/);
				if (!varend) {
					varname = slicedFromI;
					i = s.length;
				} else {
					varname = slicedFromI.slice(0, varend.index);
					i += /** @type {number} */ (varend.index) - 1;
				}
			}
			return getVar(/** @type {NonNullable<typeof env>} */ (env), '', varname);
		}

		function flushRun() {
			if (pendingNw === null) {
				return;
			}
			if (pendingNw === 0) {
				if (out !== '') {
					words[words.length] = out;
					out = '';
				}
			} else {
				words[words.length] = out;
				out = '';
				for (var fe = 1; fe < pendingNw; fe += 1) {
					words[words.length] = '';
				}
			}
			pendingNw = null;
		}

		for (i = 0; i < s.length; i++) {
			var c = s.charAt(i);
			if (ifs && c !== DS) {
				flushRun();
			}
			isGlob = isGlob || (!quote && (c === '*' || c === '?'));
			if (esc) {
				out += c;
				esc = false;
			} else if (quote) {
				if (c === quote) {
					quote = false;
				} else if (quote == SQ) {
					out += c;
				} else { // Double quote
					if (c === BS) {
						i += 1;
						c = s.charAt(i);
						if (c === DQ || c === BS || c === DS) {
							out += c;
						} else {
							out += BS + c;
						}
					} else if (c === DS) {
						out += parseEnvVar();
					} else {
						out += c;
					}
				}
			} else if (c === DQ || c === SQ) {
				quote = c;
				sawQuote = true;
			} else if (controlRE.test(c)) {
				return /** @type {ControlOperator} */ ({ op: s });
			} else if (hash.test(c)) {
				commented = true;
				var commentObj = { comment: string.slice(match.index + i + 1) };
				if (out.length) {
					return /** @type {const} */ ([out, commentObj]);
				}
				return /** @type {const} */ ([commentObj]);
			} else if (c === BS) {
				esc = true;
			} else if (c === DS && s.charAt(i + 1) === SQ && closesAnsiC(s, i)) {
				flushRun();
				sawQuote = true;
				out += expandAnsiC(s.slice(i + 2, ansiCAt.lastIndex - 1));
				i = ansiCAt.lastIndex - 1;
			} else if (c === DS) {
				var value = parseEnvVar();
				if (!ifs) {
					out += value;
				} else {
					for (var vi = 0; vi < value.length; vi += 1) {
						var vc = value.charAt(vi);
						if (ifs.indexOf(vc) < 0) {
							flushRun();
							out += vc;
						} else if (pendingNw === null) {
							pendingNw = vc === ' ' || vc === '\t' || vc === '\n' ? 0 : 1;
						} else if (vc !== ' ' && vc !== '\t' && vc !== '\n') {
							pendingNw += 1;
						}
					}
				}
			} else {
				out += c;
			}
		}

		if (isGlob) {
			return /** @type {GlobPattern} */ ({ op: 'glob', pattern: out });
		}

		if (ifs) {
			if (pendingNw !== null && pendingNw > 0) {
				words[words.length] = out;
				out = '';
				for (var te = 1; te < pendingNw; te += 1) {
					words[words.length] = '';
				}
			}
			if (out !== '' || (sawQuote && words.length === 0)) {
				words[words.length] = out;
			}
			return words;
		}

		return out;
	}).reduce(function (prev, arg) { // finalize parsed arguments
		if (typeof arg === 'undefined') {
			return prev;
		}
		/** @type {ParseEntry[]} */ ([]).concat(arg).forEach(function (entry) {
			prev[prev.length] = entry;
		});
		return prev;
	}, /** @type {ParseEntry[]} */ ([]));
}

/** @type {typeof import('./parse')} */
module.exports = function parse(s, env, opts) {
	var mapped = parseInternal(s, env, opts);
	if (typeof env !== 'function') {
		return mapped;
	}
	return mapped.reduce(function (acc, s) {
		if (typeof s === 'object') {
			acc[acc.length] = s;
			return acc;
		}
		var xs = s.split(RegExp('(' + TOKEN + '.*?' + TOKEN + ')', 'g'));
		if (xs.length === 1) {
			acc[acc.length] = xs[0];
			return acc;
		}
		xs.filter(Boolean).forEach(function (x) {
			acc[acc.length] = startsWithToken.test(x)
				? JSON.parse(x.split(TOKEN)[1])
				: x;
		});
		return acc;
	}, /** @type {ParseEntry[]} */ ([]));
};


/***/ }),

/***/ 5335:
/***/ ((module) => {



/** @import { ControlOperator } from './parse' */

/** @type {ControlOperator['op'][]} */
var OPS = /** @type {const} */ ([
	'||',
	'&&',
	';;&',
	';;',
	';&',
	'|&',
	'<(',
	'>(',
	'<<<',
	'<<-',
	'<<',
	'>>',
	'>&',
	'>|',
	'&>>',
	'&>',
	'<&',
	'<>',
	'&',
	';',
	'(',
	')',
	'|',
	'<',
	'>'
]);
var LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
var GLOB_SHELL_SPECIAL = /[\s#!"$&'():;<=>@\\^`|~]/g;

/** @type {typeof import('./quote')} */
module.exports = function quote(xs) {
	var sawComment = false;
	return xs.map(function (s) {
		if (sawComment && typeof s === 'string' && LINE_TERMINATORS.test(s)) {
			throw new TypeError('a token after a `comment` must not contain line terminators');
		}
		if (s === '') {
			return /** @type {const} */ ('\'\'');
		}
		if (s && typeof s === 'object') {
			if ('op' in s && s.op === 'glob') {
				if (typeof s.pattern !== 'string') {
					throw new TypeError('glob token requires a string `pattern`');
				}
				if (LINE_TERMINATORS.test(s.pattern)) {
					throw new TypeError('glob `pattern` must not contain line terminators');
				}
				if (s.pattern === '') {
					return /** @type {const} */ ('\'\'');
				}
				return s.pattern.replace(GLOB_SHELL_SPECIAL, '\\$&');
			}
			if ('op' in s && typeof s.op === 'string') {
				if (OPS.indexOf(s.op) < 0) {
					throw new TypeError('invalid `op` value: ' + JSON.stringify(s.op));
				}
				return s.op.replace(/[\s\S]/g, '\\$&');
			}
			if ('comment' in s && typeof s.comment === 'string') {
				if (LINE_TERMINATORS.test(s.comment)) {
					throw new TypeError('`comment` must not contain line terminators');
				}
				sawComment = true;
				return '#' + s.comment;
			}
			throw new TypeError('unrecognized object token shape');
		}
		if ((/'/).test(s) && (/!/).test(s)) {
			return "'" + s.replace(/'/g, "'\"'\"'") + "'";
		}
		if ((/["\s\\]/).test(s) && !(/'/).test(s)) {
			return "'" + s + "'";
		}
		if ((/["'\s]/).test(s)) {
			return '"' + s.replace(/(["\\$`])/g, '\\$1') + '"';
		}
		return String(s).replace(/([A-Za-z]:)?([#!"$&'()*,:;<=>?@[\\\]^`{|}~])/g, '$1\\$2');
	}).join(' ');
};


/***/ }),

/***/ 8168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ primaryToken),
/* harmony export */   IO: () => (/* binding */ isWiped),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   mp: () => (/* binding */ readCredentialsState)
/* harmony export */ });
/* unused harmony exports CREDENTIALS_FILE, credentialsState */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * A login's credentials as the CLI keeps them: whether they hold a login (ok), a wiped one (the CLI
 * empties the access token, or the whole file, after a refused refresh) or none (missing), and the
 * token and fingerprint reports name a login by. One rule for the action and the capture tool.
 */



/** The file the CLI keeps its login in, inside the config dir. */
const CREDENTIALS_FILE = '.credentials.json';
/** True when the CLI wiped this login: it empties the access token when a refresh is refused. */
function isWiped(oauth) {
    return oauth?.accessToken === '';
}
/** Classifies parsed credentials JSON of any shape: no `claudeAiOauth` object is no login. */
function credentialsState(value) {
    const oauth = value?.claudeAiOauth;
    if (oauth === null || typeof oauth !== 'object')
        return 'missing';
    return isWiped(oauth) ? 'wiped' : 'ok';
}
/**
 * Reads `<configDir>/.credentials.json`: an empty file is a wiped login (the CLI may empty it),
 * and one that cannot be read or parsed holds no login.
 */
async function readCredentialsState(configDir) {
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, CREDENTIALS_FILE), 'utf8');
    }
    catch {
        return 'missing';
    }
    if (text.trim() === '')
        return 'wiped';
    try {
        return credentialsState(JSON.parse(text));
    }
    catch {
        return 'missing';
    }
}
/** A short, non-reversible name for a token: the last 4 hex characters of its SHA-256. */
function fingerprint(token) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(token, 'utf8').digest('hex').slice(-4);
}
function primaryToken(from) {
    if ('kind' in from) {
        return from.kind === 'oauth' ? from.credentials.claudeAiOauth.accessToken : from.token;
    }
    if (from.apiKey)
        return from.apiKey;
    return from.login ? primaryToken(from.login) : undefined;
}


/***/ }),

/***/ 7404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ SECRETS_TOKEN_FIX),
/* harmony export */   Fl: () => (/* binding */ rotatorPointer),
/* harmony export */   PS: () => (/* binding */ reauthBlock),
/* harmony export */   Tu: () => (/* binding */ authFailure),
/* harmony export */   Yx: () => (/* binding */ CAPTURE_TOOL)
/* harmony export */ });
/* unused harmony export troubleshootingUrl */
/** The one place that words auth failures: one sentence, then the same re-auth block. */
/**
 * The fix when the login only needs a refresh that this run may not make (no secrets_token). A
 * failure saying it offers capturing a new login as the alternative, not as the fix.
 */
const SECRETS_TOKEN_FIX = 'The fix: set the secrets_token input to a token that may write Actions secrets (README, step 2b): the action then refreshes the login before its run and stores the new one.';
/** The action's repository (package.json's `repository`). */
const DEFAULT_ACTION_REPO = 'claude-subscription-action/claude-subscription-action';
/** Where the bundled capture tool is downloaded from: one file, run with Node alone. */
const CAPTURE_URL = `https://raw.githubusercontent.com/${DEFAULT_ACTION_REPO}/v1/dist/capture.js`;
/**
 * How messages name the capture tool: the downloaded file first (no clone needed), the clone's
 * npm script (`-s`, so npm's banner stays out of its output) as the alternative.
 */
const CAPTURE_TOOL = '`node capture.js` (or `npm run -s capture` in a clone)';
/** A page of the docs (`troubleshooting.md`), on the action's own repository. */
function docsUrl(page, env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repo = env.GITHUB_ACTION_REPOSITORY || DEFAULT_ACTION_REPO;
    return `${server}/${repo}/blob/main/docs/${page}`;
}
/** The troubleshooting page of the docs, on the action's own repository. */
function troubleshootingUrl(env = process.env) {
    return docsUrl('troubleshooting.md', env);
}
/**
 * The sentence for a job on `refresh: never` whose access token cannot last its min_validity: such
 * a login is kept fresh by one scheduled rotator (docs/organisation.md), so that is where to look.
 * `reason` is the assessment's sentence; `minValidity` this job's, as the input writes it.
 */
function rotatorPointer(reason, minValidity, env = process.env) {
    const repo = env.GITHUB_ACTION_REPOSITORY || DEFAULT_ACTION_REPO;
    return `${reason.replace(/\.$/, '')}, and refresh is "never": this login is rotated by a scheduled rotator (the reusable workflow ${repo}/.github/workflows/claude-rotate.yml, see ${docsUrl('organisation.md', env)}), so check that the rotator runs and that its min_validity is longer than this job's (${minValidity}) plus the rotator's interval.`;
}
/**
 * The numbered steps that get a working login back into the secret, under `heading` (`To fix it:`,
 * or an alternative's heading when the failure named another fix).
 */
function reauthBlock(ctx, env = process.env, heading = 'To fix it:') {
    const target = ctx.org
        ? `--org ${ctx.org}`
        : ctx.environment
            ? `--repo ${ctx.repo} --env ${ctx.environment}`
            : `--repo ${ctx.repo}`;
    const name = ctx.secretName === 'CLAUDE_AUTH' ? '' : ` --name ${ctx.secretName}`;
    const where = ctx.org
        ? `the organisation secret ${ctx.secretName} of ${ctx.org}`
        : ctx.environment
            ? `the secret ${ctx.secretName} of the environment ${ctx.environment} in ${ctx.repo}`
            : `the repository secret ${ctx.secretName} of ${ctx.repo}`;
    const args = `${target}${name}`;
    return [
        heading,
        `1. On your machine (Node 20 or newer, no clone needed), download the capture tool and run it: \`curl -fsSLO ${CAPTURE_URL} && node capture.js ${args}\`.`,
        `2. Or run \`claude setup-token\` and pipe the token it prints into \`node capture.js --from token ${args}\` (a one-year token that never needs refreshing).`,
        `3. Or, in a clone of claude-subscription-action after \`npm ci\`, run \`npm run -s capture -- --from container ${args}\` to log in inside a container, so CI and your laptop never share a login (\`npm run -s capture\` takes the same options as \`node capture.js\`).`,
        `4. The login must land in ${where}. Troubleshooting: ${troubleshootingUrl(env)}`
    ].join('\n');
}
/**
 * The whole failure text: the sentence, a blank line, the re-auth block (offered as the
 * alternative when the sentence already gave the secrets_token fix).
 */
function authFailure(sentence, ctx, env = process.env) {
    const heading = sentence.includes(SECRETS_TOKEN_FIX)
        ? 'Or capture a new login instead:'
        : 'To fix it:';
    return `${sentence}\n\n${reauthBlock(ctx, env, heading)}`;
}


/***/ }),

/***/ 9976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lm: () => (/* binding */ isDefaultConfigDir),
/* harmony export */   P2: () => (/* binding */ readRestoredCredentials),
/* harmony export */   fW: () => (/* binding */ undoRestore),
/* harmony export */   g6: () => (/* binding */ restoreLogin),
/* harmony export */   jt: () => (/* binding */ RestorePlanSchema),
/* harmony export */   q8: () => (/* binding */ planRestore)
/* harmony export */ });
/* unused harmony exports credentialsFor, decideUndo */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Puts a login where the CLI looks for it (`config_dir`), and takes it away again. Whatever was in
 * `config_dir` before is moved aside first, and the plan for putting it back is saved before any
 * file is written, so the post step can always undo the main step, however far it got.
 */




/** The file that marks a directory as restored by this run. */
const MARKER_FILE = '.claude-subscription-action';
/** How long a setup-token with no recorded expiry is taken to last (the CLI issues one year). */
const SETUP_TOKEN_YEAR_MS = 365 * 24 * 3_600_000;
/** Each field of the plan and its type (`?`: may be absent). */
const PLAN_FIELDS = {
    configDir: 'string',
    hadDir: 'boolean',
    backupDir: 'string',
    marker: 'string?',
    claudeJson: 'string?',
    hadClaudeJson: 'boolean?',
    divertedFrom: 'string?'
};
/**
 * Reads a plan back from the state store: every field of its type, anything else dropped. Plain
 * code, not a zod schema: the post step reads it every time and loads no zod for it.
 */
const RestorePlanSchema = {
    parse(value) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new Error('The restore plan is not an object.');
        }
        const plan = {};
        for (const [key, type] of Object.entries(PLAN_FIELDS)) {
            const v = value[key];
            if (v === undefined && type.endsWith('?'))
                continue;
            if (typeof v !== type.replace('?', '')) {
                throw new Error(`The restore plan's ${key} is not a ${type.replace('?', '')}.`);
            }
            plan[key] = v;
        }
        return plan;
    }
};
/** True when the directory is the CLI's default, so no `CLAUDE_CONFIG_DIR` is needed. */
function isDefaultConfigDir(dir, home = node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir()) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(dir) === node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(home, '.claude');
}
/**
 * Looks at what is there now and decides where a backup would go. Writes nothing. When
 * `configDir` holds another run's live restore (its marker file is there: a self-hosted runner
 * with a shared HOME), the plan is a fresh directory under `tempDir` instead, so neither run
 * touches the other's login.
 */
async function planRestore(configDir, home = node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), tempDir) {
    if (tempDir && typeof (await markerIn(configDir)) === 'string') {
        const fresh = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tempDir, `claude-config-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
        return { ...(await planRestore(fresh, home)), divertedFrom: configDir };
    }
    const hadDir = await exists(configDir);
    const backupDir = `${configDir}.csa-backup-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
    const plan = {
        configDir,
        hadDir,
        backupDir,
        marker: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')
    };
    if (isDefaultConfigDir(configDir, home)) {
        plan.claudeJson = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(home, '.claude.json');
        plan.hadClaudeJson = await exists(plan.claudeJson);
    }
    return plan;
}
/** The credentials file a login is restored as. A setup-token becomes an access token without refresh. */
function credentialsFor(login, now = Date.now()) {
    if (login.kind === 'oauth')
        return login.credentials;
    return {
        claudeAiOauth: {
            accessToken: login.token,
            expiresAt: login.tokenExpiresAt ?? now + SETUP_TOKEN_YEAR_MS,
            scopes: ['user:inference']
        }
    };
}
/**
 * Moves any existing directory aside and writes the login (none for an API key): directory 0700,
 * files 0600. The bundle's extra files (settings) only `withSettings` (setup and prompt).
 * The caller saves `plan` to state BEFORE calling this.
 */
async function restoreLogin(plan, login, opts = {}) {
    if (plan.hadDir)
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(plan.configDir, plan.backupDir);
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(plan.configDir, { recursive: true, mode: 0o700 });
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.chmod(plan.configDir, 0o700);
    const written = [];
    const write = async (name, content) => {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, name);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(file, content, { mode: 0o600 });
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.chmod(file, 0o600);
        written.push(file);
    };
    if (plan.marker) {
        const marker = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, MARKER_FILE);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(marker, plan.marker, { mode: 0o600 });
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.chmod(marker, 0o600);
    }
    // An API key needs no file: the directory only keeps the CLI's state out of the user's own.
    if (!login)
        return written;
    await write('.credentials.json', JSON.stringify(credentialsFor(login)));
    // Settings can widen what the model may read: never in a job that reads untrusted text.
    if (!opts.withSettings)
        return written;
    for (const [name, content] of Object.entries(login.files)) {
        await write(name, `${JSON.stringify(content, null, 2)}\n`);
    }
    return written;
}
/**
 * Reads the credentials file the CLI may have rewritten (after a refresh), or undefined. Only from
 * the directory this run restored: after a first post step it holds the user's own login again.
 */
async function readRestoredCredentials(plan) {
    try {
        const marker = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, MARKER_FILE), 'utf8');
        if (!plan.marker || marker !== plan.marker)
            return undefined;
        return JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(plan.configDir, '.credentials.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * Decides the undo from the markers: `config_dir` is removed only when it carries this run's
 * marker (or is the empty directory this run made before it could write one), and a backup that
 * carries any run's marker is another run's login, deleted rather than put back.
 */
function decideUndo(ownMarker, config, backup) {
    const removeConfig = config !== 'absent' &&
        (config.marker === ownMarker ||
            (config.marker === undefined && config.empty && backup !== 'absent'));
    if (backup === 'absent')
        return { removeConfig, backup: 'none' };
    if (backup.marker !== undefined)
        return { removeConfig, backup: 'delete' };
    return { removeConfig, backup: config === 'absent' || removeConfig ? 'restore' : 'keep' };
}
/**
 * Removes the restored login and puts back what was there before. Safe to run twice, and after a
 * main step that stopped anywhere. Returns problems as sentences; never throws.
 */
async function undoRestore(plan) {
    const problems = [];
    const attempt = async (what, fn) => {
        try {
            await fn();
        }
        catch (err) {
            problems.push(`Could not ${what}: ${err.message}`);
        }
    };
    if (plan.marker)
        await undoMarked(plan, plan.marker, attempt, problems);
    else
        await undoUnmarked(plan, attempt);
    if (plan.claudeJson && plan.hadClaudeJson === false) {
        await attempt(`remove ${plan.claudeJson}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.claudeJson, { force: true }));
    }
    return problems;
}
async function undoMarked(plan, marker, attempt, problems) {
    const decision = decideUndo(marker, await findDir(plan.configDir), await findDir(plan.backupDir));
    if (decision.removeConfig) {
        await attempt(`remove the restored login in ${plan.configDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.configDir, { recursive: true, force: true }));
    }
    if (decision.backup === 'restore') {
        await attempt(`put back ${plan.configDir} from ${plan.backupDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(plan.backupDir, plan.configDir));
    }
    else if (decision.backup === 'delete') {
        await attempt(`remove ${plan.backupDir}, another run's login moved aside`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.backupDir, { recursive: true, force: true }));
    }
    else if (decision.backup === 'keep') {
        problems.push(`Could not put back ${plan.configDir}: another run's login is there now, so what was there before stays in ${plan.backupDir}.`);
    }
}
/** A plan saved before restore markers existed: the directory is taken to be this run's. */
async function undoUnmarked(plan, attempt) {
    const backupThere = await exists(plan.backupDir);
    // With no backup, a directory that was there before was never moved aside: it is the user's.
    if (plan.hadDir && !backupThere)
        return;
    await attempt(`remove the restored login in ${plan.configDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(plan.configDir, { recursive: true, force: true }));
    if (backupThere) {
        await attempt(`put back ${plan.configDir} from ${plan.backupDir}`, () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(plan.backupDir, plan.configDir));
    }
}
/** The restore marker in `dir`: null when there is no such directory, undefined when unmarked. */
async function markerIn(dir) {
    if (!(await exists(dir)))
        return null;
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, MARKER_FILE), 'utf8');
    }
    catch {
        return undefined;
    }
}
async function findDir(dir) {
    const marker = await markerIn(dir);
    if (marker === null)
        return 'absent';
    const empty = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir).then(names => names.length === 0, () => false);
    return marker === undefined ? { empty } : { marker, empty };
}
async function exists(p) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.lstat(p);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 6485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ buildArgs),
/* harmony export */   KX: () => (/* binding */ readOnlyExtraArgs),
/* harmony export */   oK: () => (/* binding */ hasJsonSchema),
/* harmony export */   sG: () => (/* binding */ splitArgs)
/* harmony export */ });
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6591);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/** The CLI's argument list: never a token, never the prompt (it goes on stdin). */


/** Splits `claude_args` with shell-style quoting; `$VAR` stays literal, operators are refused. */
function splitArgs(value) {
    if (value.trim() === '')
        return [];
    // No shell runs these: `$VAR` and `${VAR}` stay exactly as written.
    const DOLLAR = '\u0000DOLLAR\u0000';
    const restore = (t) => t.split(DOLLAR).join('$');
    const parts = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(value.split('$').join(DOLLAR));
    const out = [];
    for (const part of parts) {
        if (typeof part === 'string')
            out.push(restore(part));
        else if ('op' in part && part.op === 'glob')
            out.push(restore(part.pattern));
        else if ('comment' in part)
            break;
        else {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`claude_args has a shell operator ("${'op' in part ? part.op : '?'}"), which is not run by a shell: quote it, or pass plain arguments only.`);
        }
    }
    return out;
}
/** Builds argv for `claude -p` with stream-json output. */
function buildArgs(opts) {
    const args = ['-p', '--output-format', 'stream-json', '--verbose'];
    if (opts.model)
        args.push('--model', opts.model);
    if (opts.maxTurns !== undefined)
        args.push('--max-turns', String(opts.maxTurns));
    if (opts.jsonSchema !== undefined)
        args.push('--json-schema', JSON.stringify(opts.jsonSchema));
    if (opts.tools !== undefined)
        args.push('--tools', opts.tools.join(','));
    if (opts.systemPrompt)
        args.push('--system-prompt', opts.systemPrompt);
    if (opts.appendSystemPrompt)
        args.push('--append-system-prompt', opts.appendSystemPrompt);
    args.push(...(opts.extra ?? []));
    // After the author's arguments: nothing given earlier can loosen the sandbox.
    args.push(...(opts.sandbox ?? []));
    return args;
}
/** True when the author's own arguments already carry a `--json-schema`. */
function hasJsonSchema(extra) {
    return extra.some(a => a === '--json-schema' || a.startsWith('--json-schema='));
}
/** Flags that would widen the tools or load configuration from the (untrusted) workspace. */
const WIDENING_FLAGS = [
    '--tools',
    '--allowedTools',
    '--allowed-tools',
    '--disallowedTools',
    '--disallowed-tools',
    '--permission-mode',
    '--dangerously-skip-permissions',
    '--settings',
    '--setting-sources',
    '--mcp-config',
    '--add-dir',
    '--plugin-dir',
    '--plugin-url',
    '--agents',
    '--json-schema'
];
/**
 * For review and triage: the author's arguments minus anything that would give the model more than
 * read-only tools or load workspace configuration. Returns what was dropped, to warn about.
 */
function readOnlyExtraArgs(extra) {
    const kept = [];
    const dropped = [];
    for (let i = 0; i < extra.length; i++) {
        const arg = extra[i];
        const flag = arg.split('=')[0];
        if (!WIDENING_FLAGS.includes(flag)) {
            kept.push(arg);
            continue;
        }
        dropped.push(flag);
        // Skip the flag's values (everything up to the next flag), unless given as --flag=value.
        if (!arg.includes('=') && flag !== '--dangerously-skip-permissions') {
            while (i + 1 < extra.length && !extra[i + 1].startsWith('-'))
                i++;
        }
    }
    return { kept, dropped };
}


/***/ }),

/***/ 5445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ CancelledError)
/* harmony export */ });
/**
 * The error of a run cancelled under the CLI. Apart from run.ts so main can tell it without loading
 * the CLI runner (a health check never runs the CLI).
 */
/**
 * The action was cancelled (SIGTERM or SIGINT) while the CLI ran: the CLI's process group has
 * been stopped, and the main step ends with this as its failure.
 */
class CancelledError extends Error {
    signal;
    constructor(signal) {
        super(`Cancelled (${signal}) while Claude Code ran: it was stopped, with every process it started; the post step removes the login.`);
        this.signal = signal;
        this.name = 'CancelledError';
    }
}


/***/ }),

/***/ 5709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ cliEnv),
/* harmony export */   oW: () => (/* binding */ toolEnv)
/* harmony export */ });
/* unused harmony export scrubEnv */
/**
 * The environments of the processes the action starts. One scrub removes everything no child may
 * see (inputs, saved state, runner tokens and service URLs, stray auth variables); the CLI then
 * gets the variables of the chosen auth kind, and the install tools (`claude --version`, npm) also
 * lose the GitHub tokens, which they never need.
 */
/** Runner variables that carry tokens or grant access to runner services. */
const RUNNER_SECRETS = new Set([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL'
]);
/** Auth variables the CLI would prefer over the restored login: only the chosen kind sets one. */
const AUTH_VARS = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'];
/** GitHub tokens a workflow commonly puts in the environment; npm and `--version` never need one. */
const GITHUB_TOKEN_VARS = new Set([
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITHUB_ENTERPRISE_TOKEN',
    'GH_ENTERPRISE_TOKEN',
    'GITHUB_PAT'
]);
/** True for a variable no process the action starts may inherit. */
function isScrubbed(key) {
    return (key.startsWith('INPUT_') ||
        key.startsWith('STATE_') ||
        RUNNER_SECRETS.has(key) ||
        (key.startsWith('ACTIONS_') && /TOKEN|URL/.test(key)) ||
        AUTH_VARS.includes(key));
}
/**
 * The step's environment minus every `INPUT_*` and `STATE_*`, the runner's `ACTIONS_*` tokens and
 * URLs, and the auth variables; everything else (PATH, HOME, proxies, CA certificates, the
 * author's own variables) passes. The given object is not changed.
 */
function scrubEnv(base) {
    const env = {};
    for (const [key, value] of Object.entries(base)) {
        if (value === undefined || isScrubbed(key))
            continue;
        env[key] = value;
    }
    return env;
}
/** The environment of `claude --version` and npm: the scrub, minus GitHub tokens, no updater. */
function toolEnv(base) {
    const env = scrubEnv(base);
    for (const key of Object.keys(env))
        if (GITHUB_TOKEN_VARS.has(key))
            delete env[key];
    env.DISABLE_AUTOUPDATER = '1';
    return env;
}
/** Builds the CLI's environment from the step's. */
function cliEnv(base, auth) {
    const env = scrubEnv(base);
    env.CLAUDE_CONFIG_DIR = auth.configDir;
    env.DISABLE_AUTOUPDATER = '1';
    env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1';
    if (auth.kind === 'setup-token')
        env.CLAUDE_CODE_OAUTH_TOKEN = auth.token;
    if (auth.kind === 'api-key')
        env.ANTHROPIC_API_KEY = auth.apiKey;
    return env;
}


/***/ }),

/***/ 3280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ probe)
/* harmony export */ });
/* unused harmony export PROBE_MODEL */
/** The cheapest model the subscription offers. */
const PROBE_MODEL = 'claude-haiku-4-5';
/** The probe's whole system prompt: the CLI's default is 28 KB of instructions for tool use. */
const PROBE_SYSTEM = 'Answer in one word.';
/**
 * Runs the probe: a fixed one-word prompt, one turn, no tools, a one-line system prompt (about
 * 2 KB sent instead of 31 KB: a few hundred tokens of the allowance), at most 5 minutes.
 */
function probe(runner, opts) {
    return runner.run({
        kind: opts.kind,
        prompt: 'Reply with the single word: ok',
        label: opts.label,
        model: opts.model || PROBE_MODEL,
        maxTurns: 1,
        tools: [],
        systemPrompt: PROBE_SYSTEM,
        timeoutMinutes: Math.min(opts.timeoutMinutes, 5)
    });
}


/***/ }),

/***/ 209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fs: () => (/* binding */ usageOf),
/* harmony export */   WT: () => (/* binding */ sumTokens),
/* harmony export */   k8: () => (/* binding */ tokensOf)
/* harmony export */ });
/* unused harmony export resetsAtMs */
/**
 * The subscription's usage as the CLI reports it: its `rate_limit_event` (status, window,
 * utilization, reset, overage) and a result's token counts, read from untrusted JSON field by field.
 * No zod here: run-report (on main's start path) imports this module.
 */
/** A `resetsAt` in seconds or milliseconds, as epoch ms. */
function resetsAtMs(value) {
    if (value === null || value === undefined || !Number.isFinite(value) || value <= 0)
        return undefined;
    return value < 100_000_000_000 ? value * 1000 : value;
}
const obj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const num = (v) => typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/**
 * Reads a `rate_limit_info`. At `allowed` the CLI puts the utilization only in `unifiedWindows`; the
 * top-level one (sent with `allowed_warning`) wins, else the window `rateLimitType` names is used.
 */
function usageOf(info) {
    const i = obj(info) ?? {};
    const type = str(i.rateLimitType);
    const window = type !== undefined ? obj(obj(i.unifiedWindows)?.[type]) : undefined;
    const utilization = num(i.utilization) ?? num(window?.utilization);
    const resetsAt = resetsAtMs(num(i.resetsAt) ?? num(window?.resetsAt));
    const status = str(i.status);
    const overage = typeof i.isUsingOverage === 'boolean'
        ? i.isUsingOverage
        : i.overageStatus !== undefined
            ? i.overageStatus === 'allowed' || i.overageStatus === 'allowed_warning'
            : undefined;
    return {
        ...(status !== undefined ? { status } : {}),
        ...(type !== undefined ? { type } : {}),
        ...(utilization !== undefined ? { utilization } : {}),
        ...(resetsAt !== undefined ? { resetsAt } : {}),
        ...(overage !== undefined ? { overage } : {})
    };
}
/** A result's `usage` as token counts; undefined when the CLI reported none. */
function tokensOf(usage) {
    const u = obj(usage);
    if (!u)
        return undefined;
    const input = num(u.input_tokens);
    const output = num(u.output_tokens);
    if (input === undefined && output === undefined)
        return undefined;
    return {
        input: input ?? 0,
        output: output ?? 0,
        cache_read: num(u.cache_read_input_tokens) ?? 0,
        cache_creation: num(u.cache_creation_input_tokens) ?? 0
    };
}
/** Several runs' token counts summed; undefined when none reported any. */
function sumTokens(all) {
    const known = all.filter((t) => t !== undefined);
    if (known.length === 0)
        return undefined;
    return known.reduce((a, t) => ({
        input: a.input + t.input,
        output: a.output + t.output,
        cache_read: a.cache_read + t.cache_read,
        cache_creation: a.cache_creation + t.cache_creation
    }));
}


/***/ }),

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

/***/ 5254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lQ: () => (/* binding */ dryRunApi),
  _M: () => (/* reexport */ identity/* isOwnComment */._),
  XH: () => (/* binding */ restApi)
});

// EXTERNAL MODULE: ./src/github/identity.ts
var identity = __webpack_require__(7369);
;// CONCATENATED MODULE: ./src/github/rest.ts

/** The shared context for one repository. */
function restContext(octokit, owner, repo) {
    let self;
    return { octokit, r: { owner, repo }, whoami: () => (self ??= (0,identity/* identityOf */.c)(octokit)) };
}
/** A REST comment (issue, review or inline) as the jobs see it. */
function toComment(c) {
    const line = c.line ?? c.original_line ?? undefined;
    return {
        id: c.id,
        body: c.body ?? '',
        url: c.html_url,
        ...(c.user ? { author: c.user.login } : {}),
        ...(c.user?.type ? { authorType: c.user.type } : {}),
        ...(c.created_at ? { createdAt: c.created_at } : {}),
        ...(c.updated_at ? { updatedAt: c.updated_at } : {}),
        ...(c.in_reply_to_id !== undefined ? { inReplyTo: c.in_reply_to_id } : {}),
        ...(c.path !== undefined ? { path: c.path } : {}),
        ...(line !== undefined ? { line } : {}),
        ...(c.diff_hunk !== undefined ? { diffHunk: c.diff_hunk } : {})
    };
}
// Per request: plugin-retry must never repeat a create (GitHub may have stored it, then failed).
const ONCE = { request: { retries: 0 } };
/** Whether a failed create may still have been stored: a 5xx, a network error or a timeout. */
function mayHaveLanded(err) {
    const status = err?.status;
    return typeof status !== 'number' || status >= 500;
}
// How far GitHub's clock may be behind the runner's when telling this create from an older one.
const CLOCK_SKEW_MS = 5 * 60_000;
/** Whether GitHub's timestamp is no older than the attempt (less the clock skew); unknown is. */
function isRecent(at, since) {
    return at === undefined || Date.parse(at) >= since - CLOCK_SKEW_MS;
}
/**
 * A create (review, comment, issue) that is never repeated blindly: when the answer leaves it open
 * whether GitHub stored it, the action looks for its own write (made since the attempt began)
 * first, and creates once more only when it is not there.
 */
async function createOnce(create, find) {
    const since = Date.now();
    try {
        return await create();
    }
    catch (err) {
        if (!mayHaveLanded(err))
            throw err;
        const found = await find(since).catch(() => undefined);
        if (found !== undefined)
            return found;
        return create();
    }
}
/** The answer, or undefined when GitHub says 404 (a thing that is not there is not an error here). */
async function unlessNotFound(request) {
    try {
        return await request;
    }
    catch (err) {
        if (err.status === 404)
            return undefined;
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/github/issues.ts


/** Issues, their comments and timelines, over one repository's REST context. */
function issuesApi(ctx) {
    const { octokit, r, whoami } = ctx;
    const listIssueComments = async (issue) => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            ...r,
            issue_number: issue,
            per_page: 100
        });
        return comments.map(toComment);
    };
    return {
        listIssueComments,
        createIssueComment: (issue, body) => createOnce(async () => {
            const { data } = await octokit.rest.issues.createComment({
                ...r,
                ...ONCE,
                issue_number: issue,
                body
            });
            return toComment(data);
        }, async (since) => {
            const me = await whoami();
            return ownSince(await listIssueComments(issue), me, body, since);
        }),
        async updateIssueComment(id, body) {
            const { data } = await octokit.rest.issues.updateComment({ ...r, comment_id: id, body });
            return toComment(data);
        },
        async getIssue(number) {
            const { data } = await octokit.rest.issues.get({ ...r, issue_number: number });
            return toIssue(data);
        },
        async listIssues(query) {
            const out = [];
            const iterator = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
                ...r,
                state: query.state,
                ...(query.labels ? { labels: query.labels } : {}),
                sort: query.sort ?? 'created',
                direction: query.direction ?? 'desc',
                per_page: 100
            });
            for await (const page of iterator) {
                for (const raw of page.data) {
                    const issue = toIssue(raw);
                    if (issue.isPullRequest && !query.pulls)
                        continue;
                    if (query.unlabeled && issue.labels.length > 0)
                        continue;
                    out.push(issue);
                    if (out.length >= query.limit)
                        return out;
                }
            }
            return out;
        },
        createIssue: issue => createOnce(async () => toIssue((await octokit.rest.issues.create({ ...r, ...ONCE, ...issue })).data), since => findOwnIssue(ctx, issue, since)),
        async updateIssue(number, patch) {
            await octokit.rest.issues.update({ ...r, issue_number: number, ...patch });
        },
        async listTimeline(issue) {
            const events = await octokit.paginate(octokit.rest.issues.listEventsForTimeline, {
                ...r,
                issue_number: issue,
                per_page: 100
            });
            return events;
        }
    };
}
/** The newest comment this action wrote since `since` with this body, if a create's answer was lost. */
function ownSince(comments, me, body, since) {
    return comments
        .reverse()
        .find(c => (0,identity/* isOwnComment */._)(c, me) && c.body.trim() === body.trim() && isRecent(c.createdAt, since));
}
/** The issue this action opened since `since` with this title and body, if a create's answer was lost. */
async function findOwnIssue({ octokit, r, whoami }, issue, since) {
    const me = await whoami();
    // The newest issues are enough: the lost answer was for a create a moment ago.
    const { data } = await octokit.rest.issues.listForRepo({
        ...r,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: 30
    });
    return data
        .map(toIssue)
        .find(i => !i.isPullRequest &&
        (0,identity/* isOwnComment */._)(i, me) &&
        i.title === issue.title &&
        i.body.trim() === issue.body.trim() &&
        isRecent(i.createdAt, since));
}
function toIssue(i) {
    return {
        number: i.number,
        title: i.title,
        body: i.body ?? '',
        state: i.state,
        labels: i.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
        url: i.html_url,
        ...(i.created_at ? { createdAt: i.created_at } : {}),
        ...(i.user ? { author: i.user.login } : {})
    };
}

;// CONCATENATED MODULE: ./src/github/labels.ts
/** The repository's labels and adding them to issues, over one repository's REST context. */
function labelsApi({ octokit, r }) {
    return {
        async listLabels() {
            const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
                ...r,
                per_page: 100
            });
            return labels.map(l => ({
                name: l.name,
                ...(l.description ? { description: l.description } : {})
            }));
        },
        async createLabel(label) {
            await octokit.rest.issues.createLabel({ ...r, ...label });
        },
        async addLabels(issue, labels) {
            await octokit.rest.issues.addLabels({ ...r, issue_number: issue, labels });
        },
        async removeLabel(issue, name) {
            try {
                await octokit.rest.issues.removeLabel({ ...r, issue_number: issue, name });
                return true;
            }
            catch (err) {
                // 404 "Label does not exist": someone (another run) took it off first.
                if (err.status === 404)
                    return false;
                throw err;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/github/pulls.ts


/** Pull requests, their files and reviews, over one repository's REST context. */
function pullsApi(ctx) {
    const { octokit, r } = ctx;
    return {
        async getPull(number) {
            const { data: p } = await octokit.rest.pulls.get({ ...r, pull_number: number });
            return {
                number: p.number,
                title: p.title,
                body: p.body ?? '',
                draft: p.draft ?? false,
                author: { login: p.user?.login ?? '', type: p.user?.type ?? 'User' },
                headSha: p.head.sha,
                headRepo: p.head.repo?.full_name,
                baseSha: p.base.sha,
                baseRef: p.base.ref,
                baseRepo: p.base.repo.full_name,
                url: p.html_url,
                state: p.state === 'closed' ? 'closed' : 'open',
                merged: p.merged ?? false
            };
        },
        async listPullFiles(number) {
            const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
                ...r,
                pull_number: number,
                per_page: 100
            });
            return files.map(toFile);
        },
        async compare(base, head) {
            const res = await unlessNotFound(octokit.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}` }));
            return res && { status: res.data.status, files: (res.data.files ?? []).map(toFile) };
        },
        async getFileText(path, ref) {
            const res = await unlessNotFound(octokit.rest.repos.getContent({ ...r, path, ref }));
            const data = res?.data;
            if (!data || Array.isArray(data) || data.type !== 'file' || !('content' in data))
                return undefined;
            return Buffer.from(data.content, 'base64').toString('utf8');
        },
        async listReviewComments(pull) {
            const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
                ...r,
                pull_number: pull,
                per_page: 100
            });
            return comments.map(toComment);
        },
        createReview: (pull, review) => createOnce(async () => {
            const { data } = await octokit.rest.pulls.createReview({
                ...r,
                ...ONCE,
                pull_number: pull,
                commit_id: review.commitId,
                event: 'COMMENT',
                body: review.body,
                comments: review.comments
            });
            return { url: data.html_url };
        }, since => findOwnReview(ctx, pull, review, since))
    };
}
/**
 * The review this action posted since `since` with exactly this head, body and inline comments:
 * what a create whose answer was lost left behind.
 */
async function findOwnReview({ octokit, r, whoami }, pull, review, since) {
    const me = await whoami();
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
        ...r,
        pull_number: pull,
        per_page: 100
    });
    const candidates = reviews
        .reverse()
        .filter(x => (0,identity/* isOwnComment */._)({ author: x.user?.login }, me) &&
        x.commit_id === review.commitId &&
        (x.body ?? '').trim() === review.body.trim() &&
        isRecent(x.submitted_at ?? undefined, since));
    // An earlier review of the same head reads the same: its inline comments tell them apart.
    const wanted = sortedBodies(review.comments);
    for (const x of candidates) {
        const comments = await octokit.paginate(octokit.rest.pulls.listCommentsForReview, {
            ...r,
            pull_number: pull,
            review_id: x.id,
            per_page: 100
        });
        if (sortedBodies(comments) === wanted)
            return { url: x.html_url };
    }
    return undefined;
}
function sortedBodies(comments) {
    return JSON.stringify(comments.map(c => (c.body ?? '').trim()).sort());
}
function toFile(f) {
    return {
        filename: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.changes,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {})
    };
}

;// CONCATENATED MODULE: ./src/github/reactions.ts
/** GitHub's own repository roles; any other role_name is an organisation's custom role. */
const ROLES = ['read', 'triage', 'write', 'maintain', 'admin'];
/** Permission reads and comment reactions, over one repository's REST context. */
function reactionsApi(ctx) {
    const { octokit, r } = ctx;
    return {
        async getPermission(user) {
            try {
                const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
                    ...r,
                    username: user
                });
                // role_name tells maintain and triage apart; `permission` folds them into write and read.
                // A custom role's name means nothing here: its base permission (`permission`) counts.
                const role = data.role_name ?? '';
                return ROLES.includes(role) ? role : data.permission || 'none';
            }
            catch (err) {
                // Not a user GitHub knows: no permission at all.
                if (err.status === 404)
                    return 'none';
                throw err;
            }
        },
        async addReaction(comment, content) {
            // Adding the same reaction twice answers 200 with the first one: safe to retry.
            const { data } = comment.kind === 'issue'
                ? await octokit.rest.reactions.createForIssueComment({
                    ...r,
                    comment_id: comment.id,
                    content
                })
                : await octokit.rest.reactions.createForPullRequestReviewComment({
                    ...r,
                    comment_id: comment.id,
                    content
                });
            return data.id;
        },
        async deleteReaction(comment, reactionId) {
            if (comment.kind === 'issue') {
                await octokit.rest.reactions.deleteForIssueComment({
                    ...r,
                    comment_id: comment.id,
                    reaction_id: reactionId
                });
            }
            else {
                await octokit.rest.reactions.deleteForPullRequestComment({
                    ...r,
                    comment_id: comment.id,
                    reaction_id: reactionId
                });
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/github/threads.ts


const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line
          comments(first: 50) {
            nodes {
              id databaseId author { __typename login } body createdAt
              reactionGroups { content viewerHasReacted reactors { totalCount } }
            }
          }
        }
      }
    }
  }
}`;
const RESOLVE_MUTATION = `mutation($id: ID!) {
  resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } }
}`;
// Every page, but not forever: 50 pages are 5,000 threads.
const MAX_PAGES = 50;
/** Review threads over GraphQL, replies and resolves, over one repository's context. */
function threadsApi(ctx) {
    const { octokit, r } = ctx;
    return {
        async listReviewThreads(pull) {
            const out = [];
            let cursor = null;
            for (let page = 0; page < MAX_PAGES; page++) {
                const data = await octokit.graphql(THREADS_QUERY, {
                    owner: r.owner,
                    repo: r.repo,
                    number: pull,
                    cursor
                });
                const threads = data.repository?.pullRequest?.reviewThreads;
                if (!threads)
                    break;
                out.push(...threads.nodes.map(toThread));
                if (!threads.pageInfo.hasNextPage)
                    break;
                cursor = threads.pageInfo.endCursor;
            }
            return out;
        },
        replyToReviewComment: (pull, commentId, body) => createOnce(async () => {
            const { data } = await octokit.rest.pulls.createReplyForReviewComment({
                ...r,
                ...ONCE,
                pull_number: pull,
                comment_id: commentId,
                body
            });
            return toComment(data);
        }, async (since) => {
            const me = await ctx.whoami();
            const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
                ...r,
                pull_number: pull,
                per_page: 100
            });
            const found = all.find(c => (0,identity/* isOwnComment */._)({ author: c.user?.login }, me) &&
                c.in_reply_to_id === commentId &&
                c.body.trim() === body.trim() &&
                isRecent(c.created_at, since));
            return found && toComment(found);
        }),
        async resolveReviewThread(threadId) {
            // Resolving twice is harmless, so the mutation may be retried.
            await octokit.graphql(RESOLVE_MUTATION, { id: threadId });
        }
    };
}
function toThread(t) {
    return {
        id: t.id,
        isResolved: t.isResolved,
        isOutdated: t.isOutdated,
        path: t.path,
        line: t.line,
        comments: t.comments.nodes.map(c => {
            const down = (c.reactionGroups ?? []).find(g => g.content === 'THUMBS_DOWN');
            // The action never reacts; if the token's login did, that one is not a reader's 👎.
            const thumbsDown = down ? down.reactors.totalCount - (down.viewerHasReacted ? 1 : 0) : 0;
            return {
                id: c.databaseId,
                body: c.body,
                ...(c.author ? { author: restLogin(c.author) } : {}),
                createdAt: c.createdAt,
                thumbsDownByOthers: Math.max(0, thumbsDown)
            };
        })
    };
}
/**
 * GraphQL names a bot without the `[bot]` suffix REST and `viewer` give it (`github-actions`):
 * put it back, so the identity check compares like with like.
 */
function restLogin(author) {
    return author.__typename === 'Bot' && !author.login.endsWith('[bot]')
        ? `${author.login}[bot]`
        : author.login;
}

;// CONCATENATED MODULE: ./src/github/api.ts
/**
 * The small interface the jobs use to read and write GitHub, so a job is logic over plain objects.
 * `restApi` implements it with Octokit; `dryRunApi` wraps any implementation so that reads go
 * through and writes are only described.
 */







/**
 * The GitHub REST implementation for one repository: its pulls, issues and labels parts over one
 * shared context (see `rest.ts`), so the login the token writes as is learnt once.
 */
function restApi(octokit, owner, repo) {
    const ctx = restContext(octokit, owner, repo);
    return {
        ...pullsApi(ctx),
        ...threadsApi(ctx),
        ...issuesApi(ctx),
        ...labelsApi(ctx),
        ...reactionsApi(ctx),
        whoami: ctx.whoami
    };
}
/** Reads go to `api`; writes are recorded and described, never made. */
function dryRunApi(api, writes) {
    const note = (action, detail) => {
        writes.push({ action, detail });
    };
    let nextId = -1;
    return {
        ...api,
        async createReview(pull, review) {
            note(`create a review on #${pull} with ${review.comments.length} inline comment(s)`, [
                review.body,
                ...review.comments.map(c => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}\n${c.body}`)
            ].join('\n\n---\n\n'));
            return { url: '' };
        },
        async replyToReviewComment(pull, commentId, body) {
            note(`reply to review comment ${commentId} on #${pull}`, body);
            return { id: nextId--, body, url: '' };
        },
        async resolveReviewThread(threadId) {
            note(`resolve review thread ${threadId}`, '');
        },
        async createIssueComment(issue, body) {
            note(`comment on #${issue}`, body);
            return { id: nextId--, body, url: '' };
        },
        async updateIssueComment(id, body) {
            note(`update comment ${id}`, body);
            return { id, body, url: '' };
        },
        async createIssue(issue) {
            note(`open an issue "${issue.title}"`, issue.body);
            return {
                number: 0,
                title: issue.title,
                body: issue.body,
                state: 'open',
                labels: issue.labels,
                isPullRequest: false,
                url: ''
            };
        },
        async updateIssue(number, patch) {
            note(`update issue #${number}`, JSON.stringify(patch));
        },
        async createLabel(label) {
            note(`create the label ${label.name}`, label.description);
        },
        async addLabels(issue, labels) {
            note(`add labels to #${issue}`, labels.join(', '));
        },
        async addReaction(comment, content) {
            note(`react with ${content} to ${comment.kind} comment ${comment.id}`, '');
            return nextId--;
        },
        async deleteReaction(comment, reactionId) {
            note(`remove reaction ${reactionId} from ${comment.kind} comment ${comment.id}`, '');
        },
        async removeLabel(issue, label) {
            note(`remove the label ${label} from #${issue}`, '');
            return true;
        }
    };
}


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eK: () => (/* binding */ isRequestError),
/* harmony export */   eQ: () => (/* binding */ githubFailure)
/* harmony export */ });
/* unused harmony export networkFailure */
/** GitHub's failures in words: what was asked, what GitHub answered, and the likely fix. */
/** Whether `err` is a failed GitHub request (Octokit's RequestError or alike). */
function isRequestError(err) {
    const e = err;
    return typeof e?.status === 'number' && typeof e.request?.url === 'string';
}
/**
 * The network error code of a request that got no answer (Octokit wraps fetch's failure as a
 * status 500 with no response: `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_CONNECT_TIMEOUT`…), else
 * undefined: then GitHub did answer.
 */
function networkFailure(err) {
    if (err.status !== 500 || err.response !== undefined)
        return undefined;
    let cause = err.cause;
    for (let depth = 0; cause && depth < 5; depth++) {
        const code = cause.code;
        if (typeof code === 'string' && code)
            return code;
        cause = cause.cause;
    }
    const named = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(err.message)?.[1];
    if (named)
        return named;
    return err.cause !== undefined || /fetch failed|network|socket|timed? ?out/i.test(err.message)
        ? err.message.split('\n')[0]
        : undefined;
}
/** A GitHub API failure in one sentence, with the likely fix. */
function githubFailure(err) {
    const url = err.request.url.replace(/\?.*$/, '');
    const code = networkFailure(err);
    if (code !== undefined) {
        return `Could not reach ${url}: ${code} (no HTTP status, ${err.request.method}): check the runner's network and proxy, and GITHUB_API_URL on GitHub Enterprise Server, then run it again.`;
    }
    const where = `${err.request.method} ${url}`;
    const why = err.message.split(' - ')[0];
    const fix = err.status === 401
        ? 'github_token is not valid'
        : err.status === 403
            ? 'github_token lacks a permission this mode needs (see the permissions in the example workflows)'
            : err.status === 404
                ? 'check pr_number / issue_number, and that github_token can see this repository'
                : 'GitHub may be having trouble: run it again';
    return `GitHub answered HTTP ${err.status} to ${where} (${why}): ${fix}.`;
}


/***/ }),

/***/ 6690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iG: () => (/* binding */ commandFree),
/* harmony export */   ts: () => (/* binding */ logUntrusted),
/* harmony export */   wc: () => (/* binding */ OutboundGuard)
/* harmony export */ });
/* unused harmony exports findLeak, logSafe */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _known_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5688);
/**
 * The outbound guard: every text the action writes to GitHub is checked first against every secret
 * the run knows (in every encoding, see `known-secrets.ts`) and against the shapes of tokens nobody
 * registered. A hit withholds that write entirely, fails the step with one sentence naming the kind
 * of secret (never the value), and withholds every later write of the run. It wraps the GitHubApi
 * outside the dry-run wrapper, so a dry run never prints a secret either.
 */



// Token shapes, for secrets the action was never told about. Each needs a long tail, so that
// prose naming a prefix ("tokens start with ghp_") is not a hit.
const SHAPES = [
    { what: 'an Anthropic token', re: /sk-ant-[a-z]{2,8}\d{2}-[A-Za-z0-9_-]{16,}/ },
    { what: 'a GitHub personal access token', re: /\bghp_[A-Za-z0-9]{30,}/ },
    { what: 'a GitHub OAuth token', re: /\bgho_[A-Za-z0-9]{30,}/ },
    { what: 'a GitHub user token', re: /\bghu_[A-Za-z0-9]{30,}/ },
    { what: 'a GitHub installation token', re: /\bghs_[A-Za-z0-9]{30,}/ },
    { what: 'a GitHub refresh token', re: /\bghr_[A-Za-z0-9]{30,}/ },
    { what: 'a fine-grained GitHub token', re: /\bgithub_pat_[A-Za-z0-9_]{40,}/ },
    { what: 'a private key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ }
];
// Invisible characters a model could put inside a token to slip it past a plain search.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
function describeKnown(secret) {
    return secret.kind === 'claude_auth' ? 'the claude_auth input' : `the ${secret.kind}`;
}
// A secret a model cut up (halves in two comments, one character per word, line breaks, look-alike
// dashes, its hex spaced out) still holds runs of its letters and digits: any run this long of a
// token-like secret is a hit. Sixteen random characters never occur by chance; the pieces of a
// token split finer than this are left to the shapes and the runner's masks.
const PIECE = 16;
// Only secrets that are one token (not a JSON bundle, whose key names would match ordinary text).
const TOKEN_LIKE = /^[A-Za-z0-9+/=_.:~-]+$/;
const piecesByValue = new Map();
/** A text's letters and digits alone, after NFKC (full-width letters become plain ones). */
function lettersAndDigits(text) {
    return text.normalize('NFKC').replace(/[^A-Za-z0-9]/g, '');
}
// Every encoded bundle (gzip, then base64) starts with the same 14 characters, the gzip header:
// its pieces start past them, so a review quoting someone else's bundle is not a hit.
const BUNDLE_HEADER = 16;
function runsOf(text, from = 0) {
    const out = new Set();
    for (let i = from; i + PIECE <= text.length; i++)
        out.add(text.slice(i, i + PIECE));
    return out;
}
function piecesOf(secret) {
    let p = piecesByValue.get(secret.value);
    if (!p) {
        const tokenLike = TOKEN_LIKE.test(secret.value);
        const from = secret.kind === 'claude_auth' ? BUNDLE_HEADER : 0;
        p = {
            plain: tokenLike ? runsOf(lettersAndDigits(secret.value), from) : new Set(),
            hex: tokenLike
                ? runsOf(Buffer.from(secret.value, 'utf8').toString('hex'), 2 * from)
                : new Set()
        };
        piecesByValue.set(secret.value, p);
    }
    return p;
}
function holdsPiece(plain, pieces) {
    if (pieces.size === 0)
        return false;
    for (let i = 0; i + PIECE <= plain.length; i++)
        if (pieces.has(plain.slice(i, i + PIECE)))
            return true;
    return false;
}
/**
 * A text as GitHub renders it: numeric character references decoded and HTML tags dropped. A
 * token written `&#103;&#104;…` or with `<b></b>` between its characters shows as the token.
 */
function rendered(text) {
    return text
        .replace(/<[^<>]*>/g, '')
        .replace(/&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?/g, (whole, hex, dec) => {
        const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
/** The first secret (known, or by shape) in a text, or undefined when the text is clean. */
function findLeak(text, secrets = (0,_known_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .knownSecrets */ .xU)()) {
    const visible = text.replace(INVISIBLE, '');
    const shown = rendered(visible).replace(INVISIBLE, '');
    const variants = [...new Set([text, visible, shown])];
    for (const t of variants) {
        for (const secret of secrets) {
            const hit = secret.forms.find(f => t.includes(f.text));
            if (hit)
                return { what: describeKnown(secret), form: hit.form === 'as is' ? '' : hit.form };
        }
        const shape = SHAPES.find(s => s.re.test(t));
        if (shape)
            return { what: shape.what, form: 'by its shape' };
    }
    // Letters and digits of what is written and of what shows, each also read backwards.
    const plains = [...new Set([visible, shown])].flatMap(v => {
        const plain = lettersAndDigits(v);
        return [plain, [...plain].reverse().join('')];
    });
    for (const secret of secrets) {
        const pieces = piecesOf(secret);
        for (const plain of plains) {
            if (holdsPiece(plain, pieces.plain) || holdsPiece(plain.toLowerCase(), pieces.hex)) {
                return { what: describeKnown(secret), form: 'in pieces or disguised' };
            }
        }
    }
    return undefined;
}
/**
 * A line of model or person text for the log. The runner masks only the exact forms of a registered
 * secret, and a public repository's log is public: a line holding a secret in any form the guard
 * knows (pieces, spaced out, hex, a token shape) is replaced by a note naming the kind.
 */
function logSafe(line) {
    const leak = findLeak(line);
    return leak ? `(not shown: it holds ${leak.what}${leak.form ? `, ${leak.form}` : ''})` : line;
}
// The runner acts on a log line that starts with `::name::` once leading whitespace is trimmed,
// and on a legacy `##[name]` anywhere in a line. A zero-width space (not whitespace to the runner,
// invisible to a reader) before the `::` and inside the `##[` leaves the text readable and inert.
const ZWSP = '\u200B';
/**
 * One line of model or person text made inert for the log (after `logSafe`): nothing in it can
 * become a workflow command (an annotation, `add-mask`, `save-state`, `stop-commands`...).
 */
function commandFree(line) {
    const safe = logSafe(line).replace(/##\[/g, `#${ZWSP}#[`);
    return /^\s*::/.test(safe) ? `${ZWSP}${safe}` : safe;
}
/**
 * Logs a block of model or person text as it is, between `::stop-commands::` and its resume line
 * with a fresh random token the text cannot know, so that no line of it is a workflow command
 * (GitHub's documented way to print untrusted output). Secrets are withheld as `logSafe` does.
 */
function logUntrusted(text, log = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq) {
    const token = `untrusted-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}`;
    log(`::stop-commands::${token}`);
    log(logSafe(text));
    log(`::${token}::`);
}
/** Every string inside a call's arguments (bodies, titles, comments, label names). */
function stringsIn(value, out = []) {
    if (typeof value === 'string')
        out.push(value);
    else if (Array.isArray(value))
        for (const v of value)
            stringsIn(v, out);
    else if (value !== null && typeof value === 'object') {
        for (const v of Object.values(value))
            stringsIn(v, out);
    }
    return out;
}
// Methods that only read. Every other method is a write and is checked, so a write added to the
// GitHubApi later is guarded without anyone remembering to list it here.
const READS = new Set([
    'getPull',
    'listPullFiles',
    'compare',
    'getFileText',
    'listReviewComments',
    'listReviewThreads',
    'listIssueComments',
    'getIssue',
    'listIssues',
    'listLabels',
    'listTimeline',
    'whoami',
    'getPermission'
]);
/** What a write is, for the message (never its text: it may be the secret). */
function describeWrite(method, args) {
    const n = args[0];
    switch (method) {
        case 'createReview':
            return `the review on #${String(n)}`;
        case 'replyToReviewComment':
            return `a reply to review comment ${String(args[1])} on #${String(n)}`;
        case 'resolveReviewThread':
            return `the resolve of review thread ${String(n)}`;
        case 'createIssueComment':
            return `a comment on #${String(n)}`;
        case 'updateIssueComment':
            return `an update of comment ${String(n)}`;
        case 'createIssue':
            return 'a new issue';
        case 'updateIssue':
            return `an update of issue #${String(n)}`;
        case 'createLabel':
            return 'a new label';
        case 'addLabels':
            return `labels for #${String(n)}`;
        case 'addReaction':
        case 'deleteReaction':
            return `a reaction on comment ${String(n?.id)}`;
        case 'removeLabel':
            return `the removal of a label from #${String(n)}`;
        default:
            return `a write to GitHub (${method})`;
    }
}
/**
 * A token later steps may use as `CLAUDE_CODE_OAUTH_TOKEN`: an access token or setup-token (also
 * the claude_auth input when it is a bare token of that shape); never a refresh token, an API key,
 * a GitHub token or a bundle.
 */
function isLoginToken(secret) {
    if (['access token', 'setup-token', 'OAuth token'].includes(secret.kind))
        return true;
    return secret.kind === 'claude_auth' && /^sk-ant-oat\d{2}-[A-Za-z0-9_-]+$/.test(secret.value);
}
/** The sentence the step fails with. */
function leakMessage(write, leak) {
    const form = leak.form ? ` (${leak.form})` : '';
    return `The outbound guard withheld ${write}, and every later write of this run, because its text holds ${leak.what}${form}; nothing of it was sent to GitHub (a model that writes a secret was likely steered by the text it read).`;
}
/**
 * Checks every write before it leaves. The first hit is kept (`tripped`) so the step fails even
 * when a job treats a failed write as a warning.
 */
class OutboundGuard {
    secrets;
    hit;
    constructor(secrets = _known_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .knownSecrets */ .xU) {
        this.secrets = secrets;
    }
    /** The error of the first withheld write, if any. */
    get tripped() {
        return this.hit;
    }
    /**
     * Throws (and trips) when any text holds a secret, or when an earlier write was withheld.
     * @param write what the write is, as {@link describeWrite} names it.
     */
    check(write, texts) {
        // After a hit nothing more is written: the step fails with the first hit's sentence.
        if (this.hit)
            throw this.hit;
        const secrets = this.secrets();
        for (const text of texts) {
            const leak = findLeak(text, secrets);
            if (leak) {
                this.hit = new _known_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .SecretLeakError */ .q2(leakMessage(write, leak));
                throw this.hit;
            }
        }
    }
    /**
     * For what the runner publishes besides the API (step outputs, the job summary): true when the
     * text may go out. A text holding a secret is withheld, and trips the guard so the step fails;
     * unlike API writes, later clean texts still go (the failure itself must be reported).
     * @param what what the text is, for the message ("the output result").
     */
    allows(what, text) {
        const leak = text === '' ? undefined : findLeak(text, this.secrets());
        if (!leak)
            return true;
        this.hit ??= new _known_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .SecretLeakError */ .q2(leakMessage(what, leak));
        return false;
    }
    /**
     * For the one output meant to carry the login (setup mode's `oauth_token`, for later steps):
     * true when `text` is empty or exactly the access token or setup-token this run knows, and so
     * masks. Anything else (a refresh token, a GitHub token, the bundle, a token with text around
     * it, a value the run never masked) is withheld and trips the guard. Every other output, the
     * summary and every GitHub write are still checked against that token by `allows` and `check`.
     */
    allowsLoginToken(text) {
        if (text === '')
            return true;
        const secret = this.secrets().find(s => s.value === text);
        if (secret && isLoginToken(secret))
            return true;
        this.hit ??= new _known_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .SecretLeakError */ .q2(`The outbound guard withheld the output oauth_token: it may carry only the login's access token or setup-token, and it held ${secret ? describeKnown(secret) : 'a value this run never masked'}.`);
        return false;
    }
    /** The same API, with every write checked before it reaches `api`. */
    wrap(api) {
        return new Proxy(api, {
            get: (target, prop, receiver) => {
                const value = Reflect.get(target, prop, receiver);
                if (typeof prop !== 'string' || READS.has(prop) || typeof value !== 'function') {
                    return value;
                }
                return (...args) => {
                    try {
                        this.check(describeWrite(prop, args), stringsIn(args));
                    }
                    catch (err) {
                        return Promise.reject(err);
                    }
                    return value.apply(target, args);
                };
            }
        });
    }
}


/***/ }),

/***/ 7369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ isOwnComment),
/* harmony export */   c: () => (/* binding */ identityOf)
/* harmony export */ });
/** The login GitHub's default GITHUB_TOKEN writes as. */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * Whether a comment (or issue) carrying one of the action's markers was written by the action: by
 * exactly the login `github_token` writes as. Anyone can paste a marker into a comment, and any
 * App can post as some other `[bot]`; a PR author who could make the action adopt their comment
 * could hide a review, skip a push, or have the action overwrite their text.
 */
function isOwnComment(comment, self) {
    return (comment.author ?? '').toLowerCase() === self.toLowerCase();
}
/**
 * The login a token writes as. A user's token (PAT, OAuth) may read /user; an installation token
 * (the default GITHUB_TOKEN, an App's) may not ("Resource not accessible by integration"), but
 * GraphQL `viewer` answers for both kinds with the login the writes carry (`<app>[bot]`). When
 * neither answers (an old server, a proxy), the default GITHUB_TOKEN's bot is the best guess: the
 * input defaults to that token.
 */
async function identityOf(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch {
        // An installation token: ask GraphQL.
    }
    try {
        const { viewer } = await octokit.graphql('query { viewer { login } }');
        if (viewer.login)
            return viewer.login;
    }
    catch {
        // No GraphQL here: fall back below.
    }
    return ACTIONS_BOT;
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

/***/ 3173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ ensureLabel)
/* harmony export */ });
/** Creates `label` unless the repository has a label of that name (in any case). */
async function ensureLabel(github, label) {
    const labels = await github.listLabels();
    if (labels.some(l => l.name.toLowerCase() === label.name.toLowerCase()))
        return;
    await github.createLabel(label);
}


/***/ }),

/***/ 6123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ym: () => (/* binding */ withFooter),
/* harmony export */   aP: () => (/* binding */ hasFooterMarker),
/* harmony export */   xY: () => (/* binding */ footerMarkers),
/* harmony export */   z0: () => (/* binding */ footerValue)
/* harmony export */ });
/**
 * The action finds its own comments and issues again by hidden markers (`<!-- … -->`). A marker is
 * trusted only in the action's footer: the last lines of a body, each exactly one marker, which
 * the action writes after all model text. Together with the author check (`isOwnComment`) and
 * model text that can carry no HTML comment at all (`cleanUntrusted`), nobody else can make the
 * action adopt a comment, skip a push, or suppress a finding.
 */
const MARKER_LINE = /^<!-- [A-Za-z0-9][\w.:-]* -->$/;
/** The markers of a body's footer, top to bottom: the trailing lines that are each one marker. */
function footerMarkers(body) {
    if (!body)
        return [];
    const lines = body.trimEnd().split(/\r?\n/);
    const found = [];
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i].trim();
        if (!MARKER_LINE.test(line))
            break;
        found.unshift(line);
    }
    return found;
}
/** Whether the footer of a body carries this marker. */
function hasFooterMarker(body, marker) {
    return footerMarkers(body).includes(marker);
}
/** The first footer marker matching a pattern with one capture group, and that group. */
function footerValue(body, pattern) {
    for (const line of footerMarkers(body)) {
        const m = pattern.exec(line);
        if (m?.[1] !== undefined)
            return m[1];
    }
    return undefined;
}
/** Text followed by the footer: each marker on its own line, after everything else. */
function withFooter(text, markers) {
    return `${text.trimEnd()}\n\n${markers.join('\n')}`;
}


/***/ }),

/***/ 1348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ usageLimitResult),
/* harmony export */   w: () => (/* binding */ outcomeResult)
/* harmony export */ });
const SKIP_HINT = 'Set on_usage_limit: skip to skip instead of failing.';
/**
 * The end of a job the subscription's usage limit stopped: skipped or failed, as
 * `on_usage_limit` says (`defer` skips too; the item is deferred where the job's item is known, see
 * `jobs/usage/defer.ts`: the skip carries `usageLimit` for it). `progress` is how far a job over several issues got
 * (`after 5 of 20 issues; 25 left`); the reset time is added when the CLI told it.
 */
function usageLimitResult(ctx, outcome, progress) {
    const resets = outcome.resetsAt
        ? `resets at ${new Date(outcome.resetsAt).toISOString()}`
        : undefined;
    const skip = ctx.inputs.on_usage_limit !== 'fail';
    // Paid extra usage is not a limit a reset lifts: the skip says what it was, and the fix.
    const what = outcome.extraUsage
        ? 'paid extra usage required (never turned on: send less context)'
        : 'usage limit reached';
    // A reset does not lift paid extra usage: such a job is never deferred (it would only fail again).
    const stop = outcome.extraUsage
        ? {}
        : { usageLimit: outcome.resetsAt !== undefined ? { resetsAt: outcome.resetsAt } : {} };
    if (progress === undefined) {
        return skip
            ? { conclusion: 'skipped', reason: `${what}${resets ? `; ${resets}` : ''}`, ...stop }
            : { conclusion: 'failure', message: `${outcome.message} ${SKIP_HINT}` };
    }
    const counts = `${progress}${resets ? ` (${resets})` : ''}`;
    return skip
        ? { conclusion: 'skipped', reason: `${what} ${counts}`, ...stop }
        : {
            conclusion: 'failure',
            message: `The subscription's usage limit was reached ${counts}. ${SKIP_HINT}`
        };
}
/** Turns a CLI outcome into the job's end, honouring on_usage_limit. */
function outcomeResult(ctx, outcome) {
    switch (outcome.kind) {
        case 'success':
            return { conclusion: 'success' };
        case 'usage-limit':
            return usageLimitResult(ctx, outcome);
        case 'auth':
            return { conclusion: 'failure', message: outcome.message, auth: true };
        default:
            return { conclusion: 'failure', message: outcome.message };
    }
}


/***/ }),

/***/ 4660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readPrompt),
/* harmony export */   r: () => (/* binding */ runPromptJob)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _claude_args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6485);
/* harmony import */ var _github_guard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6690);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1348);
/* harmony import */ var _run_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9008);
/** `mode: prompt`: run the workflow author's task with their own CLI arguments. */







/**
 * The workflow author's text: `prompt`, or `prompt_file`'s contents when `prompt` is empty. Main
 * reads it once, before anything else: the task in prompt mode, extra instructions in review and
 * triage.
 * @throws InputError naming the file and why, when `prompt_file` cannot be read or is empty.
 */
async function readPrompt(inputs) {
    if (inputs.prompt.trim() !== '')
        return inputs.prompt;
    if (inputs.prompt_file === '')
        return '';
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(inputs.prompt_file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        const why = code ? `${code}${READ_ERRORS[code] ? `: ${READ_ERRORS[code]}` : ''}` : 'error';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(`prompt_file "${inputs.prompt_file}" cannot be read (${why}): check the path, relative to the workspace.`);
    }
    if (text.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(`prompt_file "${inputs.prompt_file}" is empty: write the task in it, or set prompt.`);
    }
    return text;
}
/** The usual reasons a file cannot be read, in words. */
const READ_ERRORS = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory'
};
/** Runs the prompt and reports the CLI's result as outputs. */
async function runPromptJob(ctx) {
    // Main read prompt_file into `prompt` already (see `readPrompt`).
    const prompt = ctx.inputs.prompt;
    if (prompt.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('mode prompt needs a task: set the prompt input, or prompt_file.');
    }
    const extra = (0,_claude_args_js__WEBPACK_IMPORTED_MODULE_3__/* .splitArgs */ .sG)(ctx.inputs.claude_args);
    const run = await ctx.claude.run({
        kind: 'prompt',
        prompt,
        label: 'Claude Code: prompt',
        ...(ctx.inputs.model ? { model: ctx.inputs.model } : {}),
        ...(ctx.inputs.max_turns !== undefined ? { maxTurns: ctx.inputs.max_turns } : {}),
        timeoutMinutes: ctx.inputs.timeout_minutes,
        extra
    });
    (0,_run_report_js__WEBPACK_IMPORTED_MODULE_5__/* .reportRun */ .G)(ctx, run, 'prompt');
    if (run.outcome.kind === 'success') {
        ctx.outputs.set('result', run.result);
        // A quiet success still shows its answer: whole in the job summary (guarded there) and in the
        // log, not only in an output the workflow may never print. The answer is the model's: in the
        // log its lines must not act as workflow commands.
        ctx.summary.heading('Answer', 3).text(run.result);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Answer:');
        (0,_github_guard_js__WEBPACK_IMPORTED_MODULE_4__/* .logUntrusted */ .ts)(run.result);
        if ((0,_claude_args_js__WEBPACK_IMPORTED_MODULE_3__/* .hasJsonSchema */ .oK)(extra) || run.structured !== undefined) {
            ctx.outputs.set('structured_output', run.structured === undefined ? '' : JSON.stringify(run.structured));
        }
    }
    return (0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .outcomeResult */ .w)(ctx, run.outcome);
}


/***/ }),

/***/ 9008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ sumRuns),
/* harmony export */   G: () => (/* binding */ reportRun)
/* harmony export */ });
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9834);
/* harmony import */ var _claude_usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(209);
/* harmony import */ var _report_usage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2281);
/** What every mode that ran the CLI shows: outputs and a summary table of the run. */



/** Sets the run outputs and adds the run table to the summary. */
function reportRun(ctx, run, mode) {
    ctx.outputs.set('session_id', run.sessionId ?? '');
    ctx.outputs.set('turns', run.turns ?? '');
    ctx.outputs.set('cost_usd', run.costUsd ?? '');
    ctx.outputs.set('duration_ms', run.durationMs);
    (0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .setUsageOutputs */ .cT)(ctx.outputs, run.usage, run.tokens);
    const a = ctx.auth.assessment;
    const now = ctx.now();
    ctx.summary.table([
        ['Mode', mode],
        ['Model', run.model ?? 'default'],
        ['Outcome', run.outcome.kind],
        ['Turns', String(run.turns ?? '?')],
        ['Duration', (0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(run.durationMs)],
        [
            'API-equivalent cost',
            run.costUsd === undefined
                ? 'unknown'
                : `$${run.costUsd.toFixed(4)}: what this run would have cost on pay-per-token pricing, covered by your subscription`
        ],
        ['Tokens', (0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .tokensSentence */ .sI)(run.tokens) ?? 'not reported'],
        ['Subscription usage', (0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .usageSentence */ .bn)(run.usage, now) ?? 'not reported'],
        ['Auth', `${a.kind}, ${a.status}`],
        ['Access token left', a.expiresAt === undefined ? 'n/a' : (0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .timeLeft */ .f$)(a.expiresAt, now)]
    ], ['Claude Code run', '']);
}
/** Several CLI runs' numbers summed into one, for one run report; undefined when there was none. */
function sumRuns(runs) {
    const last = runs[runs.length - 1];
    if (!last)
        return undefined;
    const costs = runs.map(r => r.costUsd).filter((c) => c !== undefined);
    const turns = runs.map(r => r.turns).filter((t) => t !== undefined);
    return {
        ...last,
        turns: turns.length ? turns.reduce((a, b) => a + b, 0) : undefined,
        costUsd: costs.length ? costs.reduce((a, b) => a + b, 0) : undefined,
        durationMs: runs.reduce((a, r) => a + r.durationMs, 0),
        // The allowance is shared: the latest report is the current one.
        usage: runs
            .map(r => r.usage)
            .filter(u => u !== undefined)
            .pop(),
        tokens: (0,_claude_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .sumTokens */ .WT)(runs.map(r => r.tokens))
    };
}


/***/ }),

/***/ 1687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ checkUsageCeiling)
/* harmony export */ });
/* unused harmony export ceilingDecision */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _claude_probe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3280);
/* harmony import */ var _report_usage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2281);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1348);
/**
 * `usage_ceiling`: before an untrusted job (review, triage, command) runs its model call, one probe
 * (the cheapest model, as health's live check) reads the subscription's utilization; at or above
 * the ceiling the job is skipped with the figure, the window and the reset time, writing nothing.
 */




const percent = (f) => `${Math.round(f * 100)} %`;
/** The decision on what the probe reported: pure. No utilization reported: go on, and say so. */
function ceilingDecision(ceiling, usage) {
    const limit = `usage_ceiling ${percent(ceiling)}`;
    if (usage?.utilization === undefined) {
        return { go: `Usage ceiling: the probe reported no utilization; the job runs (${limit}).` };
    }
    const figure = `${(0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .windowName */ .qN)(usage.type)} at ${percent(usage.utilization)} (${limit})`;
    if (usage.utilization < ceiling)
        return { go: `Usage ceiling: ${figure}; the job runs.` };
    const resets = usage.resetsAt !== undefined ? `; resets ${new Date(usage.resetsAt).toISOString()}` : '';
    return { skip: `${figure}${resets}` };
}
/**
 * Runs the probe when `usage_ceiling` is set; a JobResult ends the job before its model call
 * (a skip at or above the ceiling, an auth failure, the usage limit itself), undefined lets it run.
 */
async function checkUsageCeiling(pre, runner, kind) {
    const ceiling = pre.inputs.usage_ceiling;
    if (ceiling === undefined)
        return undefined;
    const run = await (0,_claude_probe_js__WEBPACK_IMPORTED_MODULE_2__/* .probe */ .d)(runner, {
        kind,
        label: 'Claude Code: usage ceiling probe',
        timeoutMinutes: pre.inputs.timeout_minutes
    });
    (0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .setUsageOutputs */ .cT)(pre.outputs, run.usage, run.tokens);
    pre.summary.table([
        ['Probe', run.outcome.kind === 'success' ? 'ok' : run.outcome.kind],
        ['Tokens', (0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .tokensSentence */ .sI)(run.tokens) ?? 'not reported'],
        ['Subscription usage', (0,_report_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .usageSentence */ .bn)(run.usage, Date.now()) ?? 'not reported']
    ], ['Usage ceiling', '']);
    const outcome = run.outcome;
    if (outcome.kind === 'auth')
        return { conclusion: 'failure', message: outcome.message, auth: true };
    if (outcome.kind === 'usage-limit')
        return (0,_outcome_js__WEBPACK_IMPORTED_MODULE_3__/* .usageLimitResult */ .K)(pre, outcome);
    if (outcome.kind !== 'success') {
        // The job's own call will meet the same problem and report it; the probe only measures.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Usage ceiling: the probe failed (${outcome.message}); the job runs.`);
        return undefined;
    }
    const decision = ceilingDecision(ceiling, run.usage);
    if ('skip' in decision) {
        const resetsAt = run.usage?.resetsAt;
        return {
            conclusion: 'skipped',
            reason: decision.skip,
            usageLimit: resetsAt !== undefined ? { resetsAt } : {}
        };
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(decision.go);
    return undefined;
}


/***/ }),

/***/ 3076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ deferOnUsageStop),
/* harmony export */   U: () => (/* binding */ deferItem)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _known_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5688);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9834);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3173);
/* harmony import */ var _deferred_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4773);
/* harmony import */ var _queue_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9491);
/**
 * `on_usage_limit: defer`: a review or triage job, or a command, the subscription's usage stopped
 * (the limit, or a `usage_ceiling` skip) queues its pull request or issue for the first run after
 * the reset: the label `claude-deferred` (created when missing) and one notice by the action
 * (updated in place on a later deferral, its queue added to while the label waits; see queue.ts). The job still ends `skipped`, never a failure. Every write goes through the
 * GitHub seam: the outbound guard checks it, and dry_run only describes it.
 */






/**
 * Defers `item` until `resetsAt` (epoch ms; unknown: the shortest window from now): writes or
 * updates the action's notice, then adds the label (the label is what a later run looks for, so it
 * comes last: a labelled item always has its notice). Returns the due time. `item.queue` says what
 * waits (default: the item's own job). `why` says what stopped the job, in the notice.
 */
async function deferItem(ctx, item, resetsAt, why = 'usage limit reached') {
    const { github } = ctx;
    const now = ctx.now();
    const existing = (0,_deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .ownNotice */ .bg)(await github.listIssueComments(item.number), await github.whoami());
    // Still labelled: the notice's queue waits too, and this deferral adds to it. Unlabelled, the
    // notice is an old one whose queue was taken up (or cancelled): this deferral replaces it.
    const waiting = existing !== undefined &&
        (await github.getIssue(item.number)).labels.some(l => l.toLowerCase() === _deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFERRED_LABEL */ .pX.name);
    const queue = waiting
        ? (0,_queue_js__WEBPACK_IMPORTED_MODULE_4__/* .mergeQueues */ .Vz)((0,_queue_js__WEBPACK_IMPORTED_MODULE_4__/* .queueOf */ .nv)(existing.body), item.queue ?? _queue_js__WEBPACK_IMPORTED_MODULE_4__/* .AUTO */ .Q8)
        : (item.queue ?? _queue_js__WEBPACK_IMPORTED_MODULE_4__/* .AUTO */ .Q8);
    const body = (0,_deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .deferNotice */ .xt)({ ...item, queue }, { why, resetsAt, now });
    if (existing)
        await github.updateIssueComment(existing.id, body);
    else
        await github.createIssueComment(item.number, body);
    await (0,_labels_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureLabel */ .z)(github, _deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFERRED_LABEL */ .pX);
    await github.addLabels(item.number, [_deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFERRED_LABEL */ .pX.name]);
    return (0,_deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .dueTime */ .cp)(resetsAt, now);
}
/**
 * The end of a job with an item: under `on_usage_limit: defer`, a skip at the usage (the limit or
 * the ceiling) defers the item and says so in the skip reason. A deferral that cannot be written
 * is a warning: the job stays skipped.
 */
async function deferOnUsageStop(pre, item, result) {
    if (result.conclusion !== 'skipped' || !result.usageLimit || !item)
        return result;
    if (pre.inputs.on_usage_limit !== 'defer')
        return result;
    try {
        const due = await deferItem(pre, item, result.usageLimit.resetsAt, result.reason);
        const reason = `${result.reason}; deferred to the first run after ${(0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .iso */ .KH)(due)} (label ${_deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFERRED_LABEL */ .pX.name} on #${item.number})`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deferred #${item.number}: ${reason}.`);
        return { ...result, reason, deferred: { until: due, why: result.reason } };
    }
    catch (err) {
        if (err instanceof _known_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .SecretLeakError */ .q2)
            throw err;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not defer #${item.number} (label ${_deferred_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFERRED_LABEL */ .pX.name} and notice): ${err.message}`);
        return result;
    }
}


/***/ }),

/***/ 4773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mq: () => (/* binding */ selectDeferred),
/* harmony export */   RS: () => (/* binding */ noticeDue),
/* harmony export */   bg: () => (/* binding */ ownNotice),
/* harmony export */   cp: () => (/* binding */ dueTime),
/* harmony export */   go: () => (/* binding */ pickUpWanted),
/* harmony export */   pX: () => (/* binding */ DEFERRED_LABEL),
/* harmony export */   q7: () => (/* binding */ labelIsOurs),
/* harmony export */   xt: () => (/* binding */ deferNotice)
/* harmony export */ });
/* unused harmony exports DEFERRED_MARKER, UNKNOWN_RESET_WAIT_MS */
/* harmony import */ var _github_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7369);
/* harmony import */ var _report_usage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2281);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9834);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6123);
/* harmony import */ var _queue_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9491);





/** The label a deferred pull request or issue carries until a run takes it up. */
const DEFERRED_LABEL = {
    name: 'claude-deferred',
    color: 'fbca04',
    description: 'Claude stopped at the usage limit: a run after the reset takes this up'
};
/** Finds the action's notice again (in the comment's footer). */
const DEFERRED_MARKER = '<!-- claude-subscription-action:deferred -->';
const DUE_PREFIX = 'claude-subscription-action:deferred-until:';
const DUE_PATTERN = /^<!-- claude-subscription-action:deferred-until:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z) -->$/;
/** With no reset time reported, an item waits this long: the shortest window (5 hours). */
const UNKNOWN_RESET_WAIT_MS = 5 * 3_600_000;
/** When a deferred item is due: the reported reset, else the shortest window from now. */
function dueTime(resetsAt, now) {
    return resetsAt ?? now + UNKNOWN_RESET_WAIT_MS;
}
/**
 * The notice on the item: what was deferred (its queue: the job, the questions), why, and when it
 * is taken up (ISO and in words). The footer records the due time and the queue.
 */
function deferNotice(item, at) {
    const due = dueTime(at.resetsAt, at.now);
    const queue = item.queue ?? _queue_js__WEBPACK_IMPORTED_MODULE_2__/* .AUTO */ .Q8;
    const words = (0,_queue_js__WEBPACK_IMPORTED_MODULE_2__/* .queueWords */ .nz)(item, queue);
    const when = `${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .iso */ .KH)(due)} (${(0,_report_usage_js__WEBPACK_IMPORTED_MODULE_0__/* .resetTime */ .JC)(due, at.now)}, in ${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSpan */ .QA)(Math.max(0, due - at.now))})`;
    const reset = at.resetsAt !== undefined
        ? `The subscription's usage resets at **${when}**.`
        : `The reset time was not reported: the item waits until **${when}**.`;
    const text = [
        `**Claude deferred ${words.what}**: the subscription's usage stopped it (${at.why}).`,
        '',
        `${reset} The first run of this action after that time ${words.later}, and takes the label \`${DEFERRED_LABEL.name}\` off; take the label off yourself to cancel.`
    ].join('\n');
    // The queue first: the deferral marker and the due time stay the footer's last two lines.
    return (0,_markers_js__WEBPACK_IMPORTED_MODULE_3__/* .withFooter */ .Ym)(text, [
        ...(0,_queue_js__WEBPACK_IMPORTED_MODULE_2__/* .queueMarkers */ .vw)(queue),
        DEFERRED_MARKER,
        `<!-- ${DUE_PREFIX}${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .iso */ .KH)(due)} -->`
    ]);
}
/** The due time a notice records, or undefined when it is not a deferral notice. */
function noticeDue(body) {
    if (!(0,_markers_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFooterMarker */ .aP)(body, DEFERRED_MARKER))
        return undefined;
    const value = (0,_markers_js__WEBPACK_IMPORTED_MODULE_3__/* .footerValue */ .z0)(body, DUE_PATTERN);
    const ms = value !== undefined ? Date.parse(value) : NaN;
    return Number.isFinite(ms) ? ms : undefined;
}
/** The action's own latest deferral notice among an item's comments. */
function ownNotice(comments, self) {
    return [...comments]
        .reverse()
        .find(c => (0,_github_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .isOwnComment */ ._)(c, self) && (0,_markers_js__WEBPACK_IMPORTED_MODULE_3__/* .hasFooterMarker */ .aP)(c.body, DEFERRED_MARKER));
}
/**
 * Whether the deferred label is the action's queue entry: the action added it last, or a person put
 * it on before the due time of the action's notice (GitHub records no event when the action's
 * deferral finds the label already there). A label put on after that time, when the item may have
 * been taken up already (its notice stays), is a person's alone: anyone who may label (triage)
 * could otherwise queue the item again.
 */
function labelIsOurs(events, self, due) {
    const added = events.filter(e => e.event === 'labeled' && e.label?.name?.toLowerCase() === DEFERRED_LABEL.name);
    const last = added[added.length - 1];
    if (!last)
        return false;
    if ((0,_github_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .isOwnComment */ ._)({ author: last.actor?.login }, self))
        return true;
    const at = last.created_at ? Date.parse(last.created_at) : NaN;
    return Number.isFinite(at) && at < due;
}
/** Splits the labelled items: pure, so the rules are tested with plain objects. */
function selectDeferred(items, now, limit) {
    const notOurs = items.filter(i => i.due === undefined).map(i => i.number);
    const dated = items.filter((i) => i.due !== undefined);
    const waiting = dated.filter(i => i.due > now).map(i => ({ number: i.number, due: i.due }));
    const due = dated.filter(i => i.due <= now).sort((a, b) => a.due - b.due || a.number - b.number);
    const item = (i) => ({
        kind: i.isPullRequest ? 'pull' : 'issue',
        number: i.number,
        ...(i.queue ? { queue: i.queue } : {})
    });
    return {
        take: due.slice(0, limit).map(item),
        later: due.slice(limit).map(i => i.number),
        waiting,
        notOurs
    };
}
/**
 * Whether a run looks for deferred items after its own job: not when that job failed or was
 * itself stopped by the usage, not after a command that was not done (the gate's skip: anyone may
 * comment, and must not spend the login on others' work), not without a login to run the CLI
 * with or a GitHub token, not with backfill_limit 0.
 */
function pickUpWanted(inputs, result, mode = inputs.mode) {
    if (result.conclusion === 'failure')
        return false;
    if (result.conclusion === 'skipped' && (result.usageLimit || mode === 'command'))
        return false;
    if (inputs.backfill_limit === 0 || inputs.github_token.trim() === '')
        return false;
    return [inputs.claude_auth, inputs.claude_code_oauth_token, inputs.anthropic_api_key].some(s => s.trim() !== '');
}


/***/ }),

/***/ 9491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N6: () => (/* binding */ isQueueTime),
/* harmony export */   Q8: () => (/* binding */ AUTO),
/* harmony export */   Vz: () => (/* binding */ mergeQueues),
/* harmony export */   nM: () => (/* binding */ queueName),
/* harmony export */   nv: () => (/* binding */ queueOf),
/* harmony export */   nz: () => (/* binding */ queueWords),
/* harmony export */   vw: () => (/* binding */ queueMarkers)
/* harmony export */ });
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8422);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6123);
/**
 * What a deferral notice queues, the pure part: the job (the item's own, or a review a command
 * asked for) and the questions asked on the item, each a footer marker of the action's notice. A
 * question is recorded by its comment (kind, id, `updated_at`), the `command_permission` it was
 * asked under and the length of the trigger phrase: never its text. A later deferral of the same
 * item adds to the queue instead of replacing it, so nothing queued is lost.
 */


const PREFIX = 'claude-subscription-action:deferred';
const JOB_PATTERN = /^<!-- claude-subscription-action:deferred-job:(auto|review|full-review|none) -->$/;
const ATTEMPTS_PATTERN = /^<!-- claude-subscription-action:deferred-attempts:(\d{1,2}) -->$/;
const QUESTION_PATTERN = /^<!-- claude-subscription-action:deferred-question:(issue|review)-(\d{1,15}):(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z):([a-z]+):(\d{1,3}) -->$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
/** Whether a comment's `updated_at` can be recorded in a marker (GitHub's ISO 8601 in UTC). */
function isQueueTime(value) {
    return TIME.test(value);
}
/** The item's own job and nothing else: what a notice without queue markers means. */
const AUTO = { job: 'auto', questions: [] };
/** The queue's footer markers, the job first. */
function queueMarkers(queue) {
    return [
        `<!-- ${PREFIX}-job:${queue.job} -->`,
        ...(queue.attempts ? [`<!-- ${PREFIX}-attempts:${queue.attempts} -->`] : []),
        ...queue.questions.map(q => `<!-- ${PREFIX}-question:${q.kind}-${q.id}:${q.updatedAt}:${q.permission}:${q.trigger} -->`)
    ];
}
/** The queue a notice's footer records (a notice of before the queue markers: `AUTO`). */
function queueOf(body) {
    let job;
    let attempts;
    const questions = [];
    for (const line of (0,_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .footerMarkers */ .xY)(body)) {
        const j = JOB_PATTERN.exec(line);
        if (j)
            job ??= j[1];
        const a = ATTEMPTS_PATTERN.exec(line);
        if (a)
            attempts ??= Number(a[1]);
        const q = QUESTION_PATTERN.exec(line);
        if (q && _inputs_js__WEBPACK_IMPORTED_MODULE_0__.PERMISSIONS.includes(q[4])) {
            questions.push({
                kind: q[1],
                id: Number(q[2]),
                updatedAt: q[3],
                permission: q[4],
                trigger: Number(q[5])
            });
        }
    }
    return {
        job: job ?? (questions.length > 0 ? 'none' : 'auto'),
        questions,
        ...(attempts ? { attempts } : {})
    };
}
// A later deferral keeps the widest job: a full review covers a review, which covers the automatic.
const JOB_RANK = { none: 0, auto: 1, review: 2, 'full-review': 3 };
/** Both queues in one: the wider job, and every question once (the earlier first). */
function mergeQueues(a, b) {
    const job = JOB_RANK[a.job] >= JOB_RANK[b.job] ? a.job : b.job;
    const seen = new Set(a.questions.map(q => `${q.kind}-${q.id}`));
    // A failed attempt is not forgotten by a deferral that adds to the queue.
    const attempts = Math.max(a.attempts ?? 0, b.attempts ?? 0);
    return {
        job,
        questions: [...a.questions, ...b.questions.filter(q => !seen.has(`${q.kind}-${q.id}`))],
        ...(attempts ? { attempts } : {})
    };
}
/** What the queue holds, in words for the notice and the log ("the review of …, 2 questions"). */
function queueWords(item, queue) {
    const parts = [];
    const later = [];
    const pull = item.kind === 'pull';
    if (queue.job === 'auto' || (!pull && queue.job !== 'none')) {
        parts.push(pull ? 'the review of this pull request' : 'the triage of this issue');
        later.push(pull ? "reviews the pull request's head as it is then" : 'triages the issue then');
    }
    else if (queue.job === 'review' || queue.job === 'full-review') {
        const full = queue.job === 'full-review';
        parts.push(`the ${full ? 'full review' : 'review'} of this pull request a command asked for`);
        later.push(`${full ? 'reviews the whole pull request' : 'reviews the pull request'} at its head as it is then`);
    }
    const n = queue.questions.length;
    if (n > 0) {
        parts.push(n === 1 ? 'the answer to a question' : `the answers to ${n} questions`);
        later.push(n === 1
            ? 'answers the question in reply to it (if it is unedited and its author may still command)'
            : 'answers each question in reply to it (if it is unedited and its author may still command)');
    }
    return { what: parts.join(' and '), later: later.join(', and ') };
}
/** A short name for the summary and the log: `review`, `full review`, `triage`, `question`… */
function queueName(item) {
    const queue = item.queue ?? AUTO;
    const job = queue.job === 'none'
        ? []
        : queue.job === 'auto' || item.kind === 'issue'
            ? [item.kind === 'pull' ? 'review' : 'triage']
            : [queue.job === 'full-review' ? 'full review' : 'review'];
    const n = queue.questions.length;
    const asked = n === 0 ? [] : [n === 1 ? 'question' : `${n} questions`];
    return [...job, ...asked].join(' + ');
}


/***/ }),

/***/ 9892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/auth/errors.ts
var errors = __webpack_require__(5439);
// EXTERNAL MODULE: ./src/auth/lifecycle.ts
var auth_lifecycle = __webpack_require__(5558);
// EXTERNAL MODULE: ./src/auth/load.ts
var load = __webpack_require__(9232);
// EXTERNAL MODULE: ./src/auth/refresh.ts
var refresh = __webpack_require__(9893);
// EXTERNAL MODULE: ./src/auth/validate.ts
var validate = __webpack_require__(7218);
;// CONCATENATED MODULE: ./src/auth/entry.ts
/**
 * The one way a step gets its login: decode, mask and assess it, refresh it when it must and may
 * (writing the rotated login back), and report each assessment as it changes. Main calls it once
 * per job; the health check asks for a look without a refresh.
 */







/**
 * Loads the login for `use` at `now`, reporting it as it goes.
 * @throws AuthError when there is no usable login (for `run`: also when it is expired or invalid).
 */
async function enterLogin(inputs, env, opts) {
    const { use, now, report } = opts;
    const loaded = await (0,load.loadAuth)(inputs, {
        now,
        minValidityMs: inputs.min_validity,
        warnWithinMs: inputs.warn_within
    });
    for (const w of loaded.warnings)
        core/* warning */.$e(w);
    for (const n of loaded.assessment.notices)
        core/* notice */.lm(n);
    report.auth(loaded.assessment, now);
    if (use === 'status')
        return { auth: assumedRefreshed(loaded, inputs, now, report) };
    if (use === 'live-check' && !loaded.assessment.needsRefresh)
        return { auth: loaded };
    const ready = await refreshed(loaded, inputs, env, now, report);
    if (use === 'run')
        usableOrThrow(ready.auth.assessment);
    return ready;
}
/** Refreshes (and writes back) when the login needs it and the inputs allow it. */
async function refreshed(auth, inputs, env, now, report) {
    const lifecycle = await (0,auth_lifecycle.refreshIfNeeded)(auth, {
        refresh: inputs.refresh,
        writeBack: (0,auth_lifecycle.writeBackConfig)(inputs, env),
        assess: { now, minValidityMs: inputs.min_validity, warnWithinMs: inputs.warn_within },
        startedAt: (0,state/* load */.Hh)('startedAt') ?? new Date(now).toISOString()
    });
    (0,state/* save */.UN)('generation', String(lifecycle.generation));
    if (lifecycle.rotated) {
        report.rotated(lifecycle.secretUpdated);
        report.auth(lifecycle.auth.assessment, now);
        if (lifecycle.secretUpdated)
            (0,state/* save */.UN)('lastWriteAt', new Date().toISOString());
    }
    if (!lifecycle.writeBackProblem)
        return { auth: lifecycle.auth };
    // The post step tries once more, from the credentials file the run leaves.
    (0,state/* save */.UN)('writeBackPending', 'true');
    return {
        auth: lifecycle.auth,
        unstored: `The new login could not be stored: ${lifecycle.writeBackProblem} The job runs with the new login, but unless the post step stores it, the secret holds a refresh token that no longer works and the next run fails.`
    };
}
/**
 * With no call to make, a short access token the next run that uses the login may refresh is no
 * problem: the login itself is what counts.
 */
function assumedRefreshed(auth, inputs, now, report) {
    if (!auth.assessment.needsRefresh)
        return auth;
    const policy = { refresh: inputs.refresh, canWriteBack: inputs.secrets_token !== '' };
    if (!(0,refresh/* shouldRefresh */.Xl)(auth.assessment, policy).refresh)
        return auth;
    const before = auth.assessment.notices.length;
    const assessment = (0,validate/* assumingRefresh */.n6)(auth.assessment, { now, warnWithinMs: inputs.warn_within });
    report.auth(assessment, now);
    for (const n of assessment.notices.slice(before))
        core/* notice */.lm(n);
    return { ...auth, assessment };
}
/** An expired or invalid login cannot run a job; one that ends soon can, with a warning. */
function usableOrThrow(a) {
    if (a.status === 'expired' || a.status === 'invalid') {
        throw new errors/* AuthError */.l(a.reason ?? `The login is ${a.status}.`, 'expired');
    }
    if (a.status === 'expiring')
        core/* warning */.$e(a.reason ?? 'The login ends soon.');
}

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/auth/messages.ts
var messages = __webpack_require__(7404);
// EXTERNAL MODULE: ./src/claude/cancelled.ts
var cancelled = __webpack_require__(5445);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/auth/paths.ts
/**
 * The `config_dir` rules: `~` and relative paths are taken from HOME, and the login is never
 * restored where the model may read it (the workspace) nor where restoring would move the
 * workspace aside (a folder holding it). The capture tool expands `--config-dir` by the same rule.
 */




/** Expands a leading `~` (alone, or before a path separator) to `home`; other paths stay as given. */
function expandHome(input, home) {
    if (input === '~')
        return home;
    return /^~[/\\]/.test(input) ? external_node_path_default().join(home, input.slice(2)) : input;
}
/**
 * Expands `~` and makes the path absolute. A relative path is taken from `base`: HOME for the
 * action (never the workspace), the working directory for the capture tool.
 */
function resolveConfigDir(input, home = external_node_os_default().homedir(), base = home) {
    return external_node_path_default().resolve(base, expandHome(input, home));
}
const FIX = 'leave config_dir at its default (~/.claude) or set a folder outside the workspace.';
/** True when `child` is `parent` or inside it (both absolute). */
function within(child, parent) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/** The sentence refusing `dir` (from the input `input`) for this workspace, or undefined. */
function configDirProblem(input, dir, workspace) {
    if (!workspace)
        return undefined;
    const ws = external_node_path_default().resolve(workspace);
    if (within(dir, ws)) {
        return `config_dir "${input}" is inside the workspace (GITHUB_WORKSPACE ${ws}), where the model may read the login: ${FIX}`;
    }
    if (within(ws, dir)) {
        return `config_dir "${input}" holds the workspace (GITHUB_WORKSPACE ${ws}), which restoring the login would move aside: ${FIX}`;
    }
    return undefined;
}
/**
 * The absolute config dir for the input, or an InputError when it is refused. Symbolic links
 * are followed on both sides, so a link cannot carry the login into the workspace.
 */
async function configDirFromInput(input, opts) {
    const dir = resolveConfigDir(input, opts.home);
    const workspace = opts.workspace ? external_node_path_default().resolve(opts.home, opts.workspace) : undefined;
    const problem = configDirProblem(input, dir, workspace) ??
        (workspace
            ? configDirProblem(input, await realPath(dir), await realPath(workspace))
            : undefined);
    if (problem)
        throw new src_errors/* InputError */.d(problem);
    return dir;
}
/** The real path of `p`, resolving the links of its deepest existing ancestor. */
async function realPath(p) {
    const rest = [];
    let dir = external_node_path_default().resolve(p);
    for (;;) {
        try {
            return external_node_path_default().join(await external_node_fs_.promises.realpath(dir), ...rest);
        }
        catch {
            const parent = external_node_path_default().dirname(dir);
            if (parent === dir)
                return external_node_path_default().resolve(p);
            rest.unshift(external_node_path_default().basename(dir));
            dir = parent;
        }
    }
}

// EXTERNAL MODULE: ./src/auth/restore.ts
var restore = __webpack_require__(9976);
// EXTERNAL MODULE: ./src/claude/env.ts
var env = __webpack_require__(5709);
;// CONCATENATED MODULE: ./src/claude/sandbox.ts
/**
 * What the CLI may see, per job kind: the one place that builds its environment and the flags that
 * decide which settings load and what the model may read.
 *
 * Trusted jobs (`setup`, `prompt`, the health live check) run what the workflow author wrote:
 * `claude_args` is taken as given, and in `setup` and `prompt` the bundle's settings apply. Untrusted jobs (`review`, `triage`,
 * `command`) read text written by people outside the workflow, so a prompt-injected model must not
 * reach the login or the runner's tokens: no settings from the bundle or the workspace, no MCP
 * servers but the action's, and an action-built settings object that denies reading the config
 * dir, HOME, /proc, RUNNER_TEMP, the event file and every `.git/`, with bypass mode disabled.
 * Measured with CLI 2.1.332: docs/sandbox-measured.md.
 */



const UNTRUSTED = ['review', 'triage', 'command'];
/** True for the jobs whose input comes from people outside the workflow. */
function isUntrusted(kind) {
    return UNTRUSTED.includes(kind);
}
/** A bundle's settings.json / settings.local.json apply only in `setup` and `prompt`. */
function restoresBundleSettings(kind) {
    return kind === 'setup' || kind === 'prompt';
}
/** A rule for an absolute path: the CLI needs two slashes (one slash is relative to the settings). */
const abs = (p) => `/${external_node_path_default().resolve(p)}`;
const denyTree = (p) => [`Read(${abs(p)})`, `Read(${abs(p)}/**)`];
/** True when `child` is `parent` or inside it. */
function isInside(child, parent) {
    const rel = external_node_path_default().relative(external_node_path_default().resolve(parent), external_node_path_default().resolve(child));
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/**
 * The Read deny rules for an untrusted run. `Read(~/**)` would also deny a workspace inside HOME
 * (hosted runners: /home/runner/work/…), so then HOME's dot entries and every entry off the path
 * to the workspace are denied instead.
 */
function denyRules(p) {
    const rules = [...denyTree(p.configDir)];
    if (p.backupDir)
        rules.push(...denyTree(p.backupDir));
    if (p.otherLogin)
        rules.push(...denyTree(p.otherLogin));
    rules.push(...homeRules(p));
    rules.push('Read(//proc/**)');
    if (p.runnerTemp)
        rules.push(...denyTree(p.runnerTemp));
    if (p.eventPath)
        rules.push(`Read(${abs(p.eventPath)})`);
    // actions/checkout may leave the GitHub token in .git/config; any depth (submodules too).
    rules.push('Read(**/.git/**)');
    if (p.workspace)
        rules.push(`Read(${abs(external_node_path_default().join(p.workspace, '.git'))}/**)`);
    return [...new Set(rules)];
}
function homeRules(p) {
    const home = external_node_path_default().resolve(p.home);
    if (!p.workspace || !isInside(p.workspace, home))
        return denyTree(home);
    const rel = external_node_path_default().relative(home, external_node_path_default().resolve(p.workspace));
    const parts = rel === '' ? [] : rel.split((external_node_path_default()).sep);
    // HOME's dot entries (.ssh, .gitconfig, .claude, .claude.json…), unless the workspace is in one.
    const dotsByPattern = !parts[0]?.startsWith('.');
    const rules = dotsByPattern ? [`Read(${abs(home)}/.*)`, `Read(${abs(home)}/.*/**)`] : [];
    // Walk from HOME down to the workspace, denying every entry off that path.
    let dir = home;
    for (const part of parts) {
        for (const entry of p.ancestors?.[dir] ?? []) {
            if (entry === part || (dotsByPattern && dir === home && entry.startsWith('.')))
                continue;
            rules.push(...denyTree(external_node_path_default().join(dir, entry)));
        }
        dir = external_node_path_default().join(dir, part);
    }
    return rules;
}
/** The settings object an untrusted run gets through `--settings`. */
function untrustedSettings(p) {
    return { permissions: { deny: denyRules(p), disableBypassPermissionsMode: 'disable' } };
}
/** The CLI flags for a job kind: none for trusted jobs. */
function sandboxFlags(kind, p) {
    if (!isUntrusted(kind))
        return [];
    return [
        // No user, project or local settings: neither the bundle's nor the workspace's load.
        '--setting-sources',
        '',
        '--strict-mcp-config',
        '--settings',
        JSON.stringify(untrustedSettings(p))
    ];
}
/** The CLI sandbox of this run. */
function cliSandbox(base, auth, p) {
    return { env: (0,env/* cliEnv */.KE)(base, auth), flags: kind => sandboxFlags(kind, p) };
}
/** The sandbox paths of a runner, from its environment; lists HOME's entries when needed. */
async function sandboxPaths(env, configDir, opts) {
    const workspace = env.GITHUB_WORKSPACE ? external_node_path_default().resolve(env.GITHUB_WORKSPACE) : undefined;
    const p = {
        home: external_node_path_default().resolve(opts.home),
        configDir: external_node_path_default().resolve(configDir),
        ...(opts.backupDir ? { backupDir: opts.backupDir } : {}),
        ...(opts.otherLogin ? { otherLogin: external_node_path_default().resolve(opts.otherLogin) } : {}),
        ...(workspace ? { workspace } : {}),
        ...(env.RUNNER_TEMP ? { runnerTemp: external_node_path_default().resolve(env.RUNNER_TEMP) } : {}),
        ...(env.GITHUB_EVENT_PATH ? { eventPath: external_node_path_default().resolve(env.GITHUB_EVENT_PATH) } : {})
    };
    if (workspace && isInside(workspace, p.home)) {
        p.ancestors = await listAncestors(p.home, workspace);
    }
    return p;
}
/** The entries of HOME and of each folder below it down to (not including) the workspace. */
async function listAncestors(home, workspace) {
    const out = {};
    let dir = external_node_path_default().resolve(home);
    for (const part of external_node_path_default().relative(dir, external_node_path_default().resolve(workspace)).split((external_node_path_default()).sep)) {
        out[dir] = await external_node_fs_.promises.readdir(dir).catch(() => []);
        dir = external_node_path_default().join(dir, part);
    }
    return out;
}
/**
 * True when the workspace's `.git/config` holds an `extraheader` (actions/checkout's default
 * persist-credentials leaves the GitHub token there). Never returns the value.
 */
async function checkoutLeftToken(workspace) {
    if (!workspace)
        return false;
    try {
        const text = await external_node_fs_.promises.readFile(external_node_path_default().join(workspace, '.git', 'config'), 'utf8');
        return /^\s*extraheader\s*=/im.test(text);
    }
    catch {
        return false;
    }
}
/** The warning for a checkout that left its token in the workspace. */
const CHECKOUT_TOKEN_WARNING = 'The workspace .git/config holds a GitHub token (an http extraheader left by actions/checkout): ' +
    'the model is denied reading .git/, but set persist-credentials: false on actions/checkout so ' +
    'the token is not on disk while untrusted text is processed.';

;// CONCATENATED MODULE: ./src/claude/prepare.ts
/**
 * The CLI made ready for a job: the login restored into config_dir (where the post step can put
 * things back), the pinned CLI installed, and the runner built over the sandbox for the job's kind.
 * In setup mode, both are left for the workflow's later steps.
 */








/** config_dir, absolute; an InputError when the model could read it there. */
function configDirOf(inputs, env) {
    return configDirFromInput(inputs.config_dir, {
        home: external_node_os_default().homedir(),
        ...(env.GITHUB_WORKSPACE ? { workspace: env.GITHUB_WORKSPACE } : {})
    });
}
/** Restores the login into config_dir and installs the CLI; in setup mode, leaves both for later steps. */
async function prepareClaude(inputs, auth, env, opts) {
    if (isUntrusted(opts.kind) && (await checkoutLeftToken(env.GITHUB_WORKSPACE))) {
        core/* warning */.$e(CHECKOUT_TOKEN_WARNING);
    }
    const plan = await restored(auth, env, { ...opts, asked: inputs.config_dir });
    const configDir = plan.configDir;
    const { installClaude } = await __webpack_require__.e(/* import() */ 993).then(__webpack_require__.bind(__webpack_require__, 2993));
    const installed = await installClaude({
        version: inputs.claude_version,
        ...(inputs.claude_path ? { claudePath: inputs.claude_path } : {}),
        env
    });
    core/* info */.pq(`Claude Code ${installed.version} (${installed.from}): ${installed.path}`);
    if (opts.kind === 'setup')
        exportForLaterSteps(configDir, installed.path, auth);
    const cliAuth = auth.apiKey
        ? { kind: 'api-key', configDir, apiKey: auth.apiKey }
        : auth.login?.kind === 'setup-token'
            ? { kind: 'setup-token', configDir, token: auth.login.token }
            : { kind: 'oauth', configDir };
    const paths = await sandboxPaths(env, configDir, {
        home: external_node_os_default().homedir(),
        ...(plan.hadDir ? { backupDir: plan.backupDir } : {}),
        ...(plan.divertedFrom ? { otherLogin: plan.divertedFrom } : {})
    });
    const { cliRunner } = await Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(406)]).then(__webpack_require__.bind(__webpack_require__, 2406));
    const runner = cliRunner({
        claudePath: installed.path,
        sandbox: cliSandbox(env, cliAuth, paths),
        ...(env.GITHUB_WORKSPACE !== undefined ? { cwd: env.GITHUB_WORKSPACE } : {}),
        ...(cliAuth.kind === 'oauth' ? { wipeCheckDir: configDir } : {})
    });
    return { ...runner, version: installed.version, path: installed.path, configDir };
}
/** The config_dir input's default: the CLI's own folder. */
const DEFAULT_CONFIG_DIR = '~/.claude';
/**
 * True off a GitHub runner (GITHUB_ACTIONS=true and RUNNER_TEMP are not both set: a developer's
 * machine, `@github/local-action`) with config_dir left at its default, where restoring would
 * move the developer's own Claude Code login aside until a post step that may never run.
 */
function keepsOwnLogin(configDirInput, env) {
    const onRunner = env.GITHUB_ACTIONS === 'true' && Boolean(env.RUNNER_TEMP);
    return !onRunner && configDirInput.trim() === DEFAULT_CONFIG_DIR;
}
/** Where to restore: config_dir, or off a runner with the default, a fresh temporary directory. */
function restoreDir(env, opts) {
    if (!keepsOwnLogin(opts.asked, env))
        return opts.configDir;
    // Unguessable, and created 0700 by the restore (which fails on a directory someone else made).
    const dir = external_node_path_default().join(external_node_os_default().tmpdir(), `claude-subscription-action-${(0,external_node_crypto_.randomBytes)(9).toString('hex')}`);
    core/* notice */.lm(`Not on a GitHub runner (GITHUB_ACTIONS=true and RUNNER_TEMP are not both set): the login is restored into ${dir} and your own ~/.claude is left alone; set config_dir to choose another folder (its absolute path to use ~/.claude itself).`);
    return dir;
}
/** Plans the restore (saved for the post step before anything is written) and restores the login. */
async function restored(auth, env, opts) {
    const dir = restoreDir(env, opts);
    const plan = await (0,restore/* planRestore */.q8)(dir, undefined, env.RUNNER_TEMP || external_node_os_default().tmpdir());
    if (plan.divertedFrom) {
        core/* notice */.lm(`${plan.divertedFrom} holds another run's login (a self-hosted runner with a shared HOME): this run restores into ${plan.configDir} instead, and leaves the other one alone.`);
    }
    // Saved before anything is written, so the post step can always put things back.
    (0,state/* save */.UN)('restorePlan', JSON.stringify(plan));
    await (0,restore/* restoreLogin */.g6)(plan, auth.login, { withSettings: restoresBundleSettings(opts.kind) });
    if (auth.login?.kind === 'oauth') {
        // A hash, never the token: the state file is written where tokens must not be.
        (0,state/* save */.UN)('restoredRefreshHash', (0,state/* tokenHash */.Iq)(auth.login.credentials.claudeAiOauth.refreshToken));
    }
    core/* info */.pq(`Restored the ${auth.assessment.kind} login into ${plan.configDir} (files 0600).`);
    return plan;
}
/** Setup mode: later steps find the CLI on PATH and the login where it was restored. */
function exportForLaterSteps(configDir, claudePath, auth) {
    if (!(0,restore/* isDefaultConfigDir */.Lm)(configDir))
        core/* exportVariable */.dN('CLAUDE_CONFIG_DIR', configDir);
    core/* addPath */.fM(external_node_path_default().dirname(claudePath));
    // Later steps need the key itself; it is masked, and only setup mode with an API key does this.
    if (auth.apiKey)
        core/* exportVariable */.dN('ANTHROPIC_API_KEY', auth.apiKey);
}

;// CONCATENATED MODULE: ./src/event.ts
/** The workflow event, read from the runner's environment (never from event data for settings). */

/** Reads the event name, payload and repository the runner describes. */
async function readEvent(env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse(await external_node_fs_.promises.readFile(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    return { name: env.GITHUB_EVENT_NAME ?? '', payload, owner, repo };
}

// EXTERNAL MODULE: ./src/github/api.ts + 6 modules
var github_api = __webpack_require__(5254);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The GitHub client the jobs get: Octokit made on first use, writes only described under dry_run,
 * and the outbound guard around both, so a write holding a secret is neither made nor printed.
 */



/**
 * The client for `owner/repo` with `token`; with `dryRun`, writes are pushed to `writes` instead of
 * made. An empty token gives a client whose every call fails with the sentence naming the fix.
 */
function githubFor(opts) {
    const { token } = opts;
    const api = token
        ? lazyApi(async () => {
            const { createOctokit } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702));
            return (0,github_api/* restApi */.XH)(createOctokit(token, { log: line => core/* info */.pq(line) }), opts.owner, opts.repo);
        })
        : missingTokenApi();
    return opts.guard.wrap(opts.dryRun ? (0,github_api/* dryRunApi */.lQ)(api, opts.writes) : api);
}
/** Every method of `GitHubApi`: the lazy client below needs their names before it exists. */
const API_METHODS = {
    getPull: true,
    listPullFiles: true,
    compare: true,
    getFileText: true,
    listReviewComments: true,
    createReview: true,
    listReviewThreads: true,
    replyToReviewComment: true,
    resolveReviewThread: true,
    listIssueComments: true,
    createIssueComment: true,
    updateIssueComment: true,
    getIssue: true,
    listIssues: true,
    createIssue: true,
    updateIssue: true,
    listLabels: true,
    createLabel: true,
    addLabels: true,
    removeLabel: true,
    listTimeline: true,
    whoami: true,
    getPermission: true,
    addReaction: true,
    deleteReaction: true
};
/** A client made on its first call: a run that never calls GitHub never loads Octokit. */
function lazyApi(make) {
    let api;
    const methods = {};
    for (const name of Object.keys(API_METHODS)) {
        methods[name] = async (...args) => {
            const real = (await (api ??= make()));
            return real[name].apply(real, args);
        };
    }
    return methods;
}
/**
 * Every call fails with the sentence that says what is missing. A plain object of every method, so
 * dry_run's wrapper (which copies the methods) keeps them too.
 */
function missingTokenApi() {
    const missing = () => Promise.reject(new src_errors/* InputError */.d('github_token is empty: leave it at its default (${{ github.token }}) or pass a token that may read and write issues and pull requests.'));
    return Object.fromEntries(Object.keys(API_METHODS).map(name => [name, missing]));
}

// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/github/guard.ts
var github_guard = __webpack_require__(6690);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/auth/credentials.ts
var credentials = __webpack_require__(8168);
// EXTERNAL MODULE: ./src/claude/probe.ts
var probe = __webpack_require__(3280);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/usage.ts
var usage = __webpack_require__(2281);
// EXTERNAL MODULE: ./src/jobs/labels.ts
var labels = __webpack_require__(3173);
// EXTERNAL MODULE: ./src/jobs/markers.ts
var markers = __webpack_require__(6123);
;// CONCATENATED MODULE: ./src/jobs/health.ts
/**
 * `mode: health`: the login's status with no network, optionally one tiny live call, and one
 * tracking issue kept open while action is needed. The verdict itself is pure logic; the live call
 * and the tracking issue are added around it.
 */











/** Runs the health check: the verdict, the live call when asked, the tracking issue when asked. */
async function runHealth(pre, steps) {
    const { inputs, outputs, summary } = pre;
    const now = Date.now();
    let problem;
    let warning;
    let rows;
    let healthy;
    try {
        const { auth, unstored } = await steps.login(inputs.live_check ? 'live-check' : 'status', now);
        healthy = auth.assessment;
        const verdict = healthVerdict(auth, now);
        rows = verdict.rows;
        summary.table(rows, ['Claude login', '']);
        if (!verdict.ok) {
            problem = { message: verdict.message, status: auth.assessment.status, auth: true };
        }
        else {
            if (verdict.level === 'warning')
                warning = verdict.message;
            if (inputs.live_check)
                problem = await liveCheck(pre, auth, steps);
        }
        if (unstored) {
            // The login works today, but the secret now holds a dead refresh token: never "valid".
            outputs.set('auth_status', 'invalid');
            problem = { message: unstored, status: 'invalid', auth: true };
        }
    }
    catch (err) {
        if (!(err instanceof errors/* AuthError */.l))
            throw err;
        outputs.set('auth_status', err.status);
        problem = { message: err.message, status: err.status, auth: true };
        rows = [['Status', err.status]];
        summary.table([...rows, ['Problem', err.message]], ['Claude login', '']);
    }
    if (warning)
        core/* warning */.$e(warning);
    else if (!problem && healthy)
        core/* info */.pq(healthyLine(healthy, now));
    if (inputs.health_issue)
        await reportOnIssue(pre, steps, { problem, warning, rows });
    return problem
        ? { conclusion: 'failure', message: problem.message, auth: problem.auth }
        : { conclusion: 'success' };
}
/** One tiny real call with the cheapest model; undefined when it worked. */
async function liveCheck(pre, auth, steps) {
    const { inputs, outputs, summary } = pre;
    const claude = await steps.claude('health', auth);
    const run = await (0,probe/* probe */.d)(claude, {
        kind: 'health',
        label: 'Claude Code: live check',
        model: inputs.model,
        timeoutMinutes: inputs.timeout_minutes
    });
    summary.table([
        ['Live call', run.outcome.kind === 'success' ? 'ok' : run.outcome.kind],
        ['Duration', `${run.durationMs} ms`],
        ['Tokens', (0,usage/* tokensSentence */.sI)(run.tokens) ?? 'not reported'],
        ['Subscription usage', (0,usage/* usageSentence */.bn)(run.usage, Date.now()) ?? 'not reported']
    ], ['Live check', '']);
    (0,usage/* setUsageOutputs */.cT)(outputs, run.usage, run.tokens);
    if (run.outcome.kind === 'success')
        return undefined;
    if (run.outcome.kind === 'usage-limit') {
        // The login works: the subscription is only out of usage for now.
        core/* warning */.$e(`Live check: ${run.outcome.message}`);
        return undefined;
    }
    const isAuth = run.outcome.kind === 'auth';
    if (isAuth)
        outputs.set('auth_status', 'expired');
    return {
        message: `Live check failed: ${run.outcome.message}`,
        status: isAuth ? 'expired' : 'live check failed',
        auth: isAuth
    };
}
/** Keeps the tracking issue in step with the check; a failure to do so is only a warning. */
async function reportOnIssue(pre, steps, found) {
    const { problem, warning, rows } = found;
    const url = runUrl(steps.env);
    try {
        const did = await syncTrackingIssue(pre.github, {
            needsAction: problem !== undefined || warning !== undefined,
            status: problem?.status ?? pre.outputs.values.auth_status ?? 'unknown',
            message: problem?.message ?? warning ?? '',
            rows,
            reauth: (0,messages/* reauthBlock */.PS)(steps.reauth, steps.env),
            ...(url !== undefined ? { runUrl: url } : {})
        });
        core/* info */.pq(`Health tracking issue: ${did}.`);
        pre.summary.text(`Tracking issue: ${did}.`);
    }
    catch (err) {
        core/* warning */.$e(`Could not update the health tracking issue: ${err.message}`);
    }
}
/** This workflow run's page, for the tracking issue. */
function runUrl(env) {
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return undefined;
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
/**
 * The one log line of a healthy check: "Login valid; access token expires in 5h 57m; the login
 * ends in 19d 23h (ISO)." (a quiet success still says what it found).
 */
function healthyLine(a, now) {
    if (a.kind === 'api-key')
        return 'API key set: no expiry to check.';
    const ends = a.loginExpiresAt === undefined
        ? ''
        : `; the login ends in ${(0,time/* formatSpan */.QA)(a.loginExpiresAt - now)} (${(0,time/* iso */.KH)(a.loginExpiresAt)})`;
    if (a.kind === 'setup-token') {
        return a.expiresAt === undefined
            ? 'Login valid: a setup-token whose expiry is not recorded.'
            : `Login valid: a setup-token that expires in ${(0,time/* formatSpan */.QA)(a.expiresAt - now)} (${(0,time/* iso */.KH)(a.expiresAt)}).`;
    }
    const token = a.expiresAt === undefined
        ? ''
        : a.expiresAt > now
            ? `; access token expires in ${(0,time/* formatSpan */.QA)(a.expiresAt - now)}`
            : `; access token expired ${(0,time/* formatSpan */.QA)(now - a.expiresAt)} ago (the next run that uses the login refreshes it)`;
    return `Login valid${token}${ends}.`;
}
/** Judges a loaded login at `now`. */
function healthVerdict(auth, now) {
    const a = auth.assessment;
    const token = (0,credentials/* primaryToken */.CD)(auth);
    const when = (ms) => ms === undefined
        ? 'unknown'
        : `${(0,time/* iso */.KH)(ms)} (${ms > now ? 'in ' : ''}${(0,time/* formatSpan */.QA)(Math.abs(ms - now))}${ms > now ? '' : ' ago'})`;
    const rows = [
        ['Auth kind', a.kind],
        ['Status', a.status],
        ['Access token expires', a.kind === 'api-key' ? 'n/a (API key)' : when(a.expiresAt)],
        ['Login ends', a.kind === 'api-key' ? 'n/a (API key)' : when(a.loginExpiresAt)],
        ['Time left', a.expiresAt === undefined ? 'unknown' : (0,time/* timeLeft */.f$)(a.expiresAt, now)],
        ['Token fingerprint', token ? `…${(0,credentials/* fingerprint */.Rj)(token)} (last 4 of SHA-256)` : 'none']
    ];
    if (auth.login?.generation !== undefined && auth.login.origin === 'bundle') {
        rows.push(['Bundle generation', String(auth.login.generation)]);
    }
    if (a.status === 'valid') {
        return { ok: true, level: 'ok', message: a.notices.join(' '), rows };
    }
    if (a.status === 'expiring') {
        return { ok: true, level: 'warning', message: a.reason ?? 'The login ends soon.', rows };
    }
    const fix = a.needsRefresh
        ? ` A refresh could renew it, but this run may not refresh it (no secrets_token, or refresh: never). ${messages/* SECRETS_TOKEN_FIX */.CA}`
        : '';
    return {
        ok: false,
        level: 'error',
        message: `${a.reason ?? `The login is ${a.status}.`}${fix}`,
        rows
    };
}
/** Finds the tracking issue again among open issues with the label (in the body's footer). */
const HEALTH_MARKER = '<!-- claude-subscription-action:health -->';
/** The label every tracking issue carries (created when missing). */
const HEALTH_LABEL = 'claude-auth-health';
/**
 * Keeps one tracking issue: opened or updated while action is needed, closed with a comment when
 * the login is healthy again. Returns what it did, for the log.
 */
async function syncTrackingIssue(github, state) {
    const open = await github.listIssues({ state: 'open', labels: HEALTH_LABEL, limit: 50 });
    const marked = open.filter(i => (0,markers/* hasFooterMarker */.aP)(i.body, HEALTH_MARKER));
    // Only an issue the action opened: anyone who may label an issue could otherwise have the
    // action rewrite (and later close) theirs.
    const self = marked.length > 0 ? await github.whoami() : '';
    const existing = marked.find(i => (0,github_api/* isOwnComment */._M)(i, self));
    if (!state.needsAction) {
        if (!existing)
            return 'no tracking issue open: nothing to do';
        await github.createIssueComment(existing.number, `The Claude login is healthy again (status ${state.status}). Closing.${state.runUrl ? `\n\nChecked by ${state.runUrl}` : ''}`);
        await github.updateIssue(existing.number, { state: 'closed' });
        return `closed tracking issue #${existing.number}`;
    }
    const text = [
        `**The Claude login used by this repository's workflows needs attention: ${state.status}.**`,
        '',
        state.message,
        '',
        (0,markdown/* markdownTable */.Q)(['', ''], state.rows),
        '',
        state.reauth,
        '',
        `_Updated by the scheduled health check${state.runUrl ? ` (${state.runUrl})` : ''}; closed automatically once the login is healthy again._`
    ].join('\n');
    const body = (0,markers/* withFooter */.Ym)(text, [HEALTH_MARKER]);
    const title = `Claude login needs attention: ${state.status}`;
    if (existing) {
        await github.updateIssue(existing.number, { title, body });
        return `updated tracking issue #${existing.number}`;
    }
    await (0,labels/* ensureLabel */.z)(github, {
        name: HEALTH_LABEL,
        color: 'd93f0b',
        description: 'The Claude login of the workflows needs attention'
    });
    const created = await github.createIssue({ title, body, labels: [HEALTH_LABEL] });
    return `opened tracking issue #${created.number}`;
}

// EXTERNAL MODULE: ./src/jobs/prompt.ts
var jobs_prompt = __webpack_require__(4660);
;// CONCATENATED MODULE: ./src/jobs/setup.ts

/**
 * The token a later step may use as `CLAUDE_CODE_OAUTH_TOKEN`: the access token after any refresh
 * (an oauth login), or the setup-token; empty for an API key, which has none.
 */
function loginTokenOf(auth) {
    const login = auth.login;
    if (!login)
        return '';
    return login.kind === 'setup-token' ? login.token : login.credentials.claudeAiOauth.accessToken;
}
/**
 * Says what later steps find (the CLI and the login were exported while preparing them), and sets
 * `oauth_token` for steps that take a token instead (claude-code-action).
 */
async function runSetup(ctx) {
    const a = ctx.auth.assessment;
    const { claude } = ctx;
    ctx.outputs.loginToken(loginTokenOf(ctx.auth));
    ctx.summary.table([
        ['Mode', 'setup'],
        ['Claude Code', `${claude.version} at ${claude.path}`],
        ['Auth', `${a.kind}, ${a.status}`],
        [
            'Access token left',
            a.expiresAt === undefined ? 'n/a' : (0,time/* formatSpan */.QA)(a.expiresAt - ctx.now())
        ],
        ['Config dir', claude.configDir]
    ], ['Ready for later steps', '']);
    return { conclusion: 'success' };
}

// EXTERNAL MODULE: ./src/jobs/usage/ceiling.ts
var ceiling = __webpack_require__(1687);
// EXTERNAL MODULE: ./src/jobs/usage/defer.ts
var defer = __webpack_require__(3076);
// EXTERNAL MODULE: ./src/jobs/usage/deferred.ts
var deferred = __webpack_require__(4773);
// EXTERNAL MODULE: ./src/known-secrets.ts
var known_secrets = __webpack_require__(5688);
;// CONCATENATED MODULE: ./src/mode.ts
/**
 * pull_request* → review, issues → triage, issue_comment / pull_request_review_comment → command,
 * schedule → health, else prompt when a prompt is given, else setup.
 */
function resolveMode(mode, eventName, hasPrompt) {
    if (mode !== 'auto')
        return mode;
    if (eventName === 'pull_request' || eventName === 'pull_request_target')
        return 'review';
    if (eventName === 'issues')
        return 'triage';
    if (eventName === 'issue_comment' || eventName === 'pull_request_review_comment')
        return 'command';
    if (eventName === 'schedule')
        return 'health';
    return hasPrompt ? 'prompt' : 'setup';
}

// EXTERNAL MODULE: ./src/report/outputs.ts
var report_outputs = __webpack_require__(5468);
;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summary: one builder shared by every mode, written once at the end. Nothing secret goes
 * in: callers pass fingerprints, never tokens.
 */


/**
 * Collects summary parts in order; `write` is a no-op outside a runner. The job summary is published
 * with the run (to anyone who can see it): with a `check`, a part holding a secret (model text in a
 * table, say) is replaced by a note.
 */
class Summary {
    check;
    parts = [];
    constructor(check) {
        this.check = check;
    }
    heading(text, level = 2) {
        return this.push(`${'#'.repeat(level)} ${text}\n`);
    }
    table(rows, header = ['', '']) {
        return this.push(`${(0,markdown/* markdownTable */.Q)(header, rows)}\n`);
    }
    text(markdown) {
        return markdown.trim() === '' ? this : this.push(`${markdown.trim()}\n`);
    }
    details(title, markdown) {
        if (markdown.trim() === '')
            return this;
        return this.push(`<details><summary>${title}</summary>\n\n${markdown.trim()}\n\n</details>\n`);
    }
    push(part) {
        const ok = !this.check || this.check.allows('a part of the job summary', part);
        this.parts.push(ok ? part : '_(A part of this summary was withheld: it held a secret.)_\n');
        return this;
    }
    toString() {
        return this.parts.join('\n');
    }
    /** Appends to the step summary file when the runner provides one. */
    async write() {
        if (!process.env.GITHUB_STEP_SUMMARY || this.parts.length === 0)
            return;
        try {
            await core/* summary */.z.addRaw(this.toString(), true).write();
        }
        catch (err) {
            core/* warning */.$e(`Could not write the job summary: ${err.message}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The main step: inputs → the job of the mode (skip decisions, then the login, the CLI, the run) →
 * report. The only place that fails the step. A job's code, the installer and the GitHub client are
 * loaded when used (`import()`, their own chunks of dist/): a health check loads none of them.
 */
























/**
 * The jobs by mode. Review and triage decide their skips before the login is even decoded (a draft
 * or a bot's PR, whose workflows get no secrets, is a skip, never an auth failure), and their code
 * is loaded only when their mode runs.
 */
const JOBS = {
    setup: (pre, steps) => withClaude('setup', { run: runSetup }, pre, steps),
    prompt: (pre, steps) => withClaude('prompt', { run: jobs_prompt/* runPromptJob */.r }, pre, steps),
    review: async (pre, steps) => {
        const { prepareReview } = await Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(6), __webpack_require__.e(79), __webpack_require__.e(453)]).then(__webpack_require__.bind(__webpack_require__, 2453));
        return withClaude('review', await prepareReview(pre), pre, steps);
    },
    triage: async (pre, steps) => {
        const { prepareTriage } = await Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(6), __webpack_require__.e(661), __webpack_require__.e(491)]).then(__webpack_require__.bind(__webpack_require__, 4110));
        return withClaude('triage', await prepareTriage(pre), pre, steps);
    },
    health: runHealth,
    command: async (pre, steps) => {
        const { runCommand } = await Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(6), __webpack_require__.e(79), __webpack_require__.e(453), __webpack_require__.e(661), __webpack_require__.e(991), __webpack_require__.e(338)]).then(__webpack_require__.bind(__webpack_require__, 338));
        return runCommand(pre, prepared => withClaude('command', prepared, pre, steps));
    }
};
/** Runs the main step. Never throws: every failure ends in `core.setFailed` with one message. */
async function run(env = process.env) {
    (0,state/* save */.UN)('isPost', 'true');
    (0,state/* save */.UN)('startedAt', new Date().toISOString());
    // Outputs and the job summary are published too: the guard checks them as it checks writes.
    const guard = new github_guard/* OutboundGuard */.wc();
    const outputs = new report_outputs/* Outputs */.t(guard);
    const summary = new Summary(guard);
    let reauth = {
        repo: env.GITHUB_REPOSITORY ?? 'OWNER/REPO',
        secretName: 'CLAUDE_AUTH'
    };
    let mode;
    /** Set when this run rotated the login and could not store it: the sentence saying why. */
    let unstored;
    outputs.set('rotated', false);
    outputs.set('secret_updated', false);
    try {
        const given = (0,src_inputs.getInputs)();
        reauth = reauthContext(given, env);
        const event = await readEvent(env);
        // Read once, here: a prompt_file that cannot be read fails the step before anything is decided.
        const inputs = { ...given, prompt: await (0,jobs_prompt/* readPrompt */.$)(given) };
        mode = resolveMode(inputs.mode, event.name, inputs.prompt.trim() !== '');
        summary.heading(`Claude subscription action: ${mode}`);
        const dryRunWrites = [];
        const github = githubFor({
            token: inputs.github_token,
            dryRun: inputs.dry_run,
            owner: event.owner,
            repo: event.repo,
            writes: dryRunWrites,
            guard
        });
        const pre = { inputs, event, github, dryRunWrites, summary, outputs, now: Date.now };
        const steps = runSteps(inputs, env, reauth, outputs, u => (unstored = u));
        try {
            const result = await JOBS[mode](pre, steps);
            if (!guard.tripped)
                await pickUpAfter(pre, steps, result, mode);
            // A withheld write fails the step even when the job took the failed write as a warning.
            if (guard.tripped)
                throw guard.tripped;
            finish(withUnstoredLogin(result, unstored), outputs, summary, reauth);
        }
        finally {
            reportDryRun(inputs, dryRunWrites, summary);
        }
    }
    catch (err) {
        fail(guard.tripped ?? err, { outputs, summary, reauth, mode, unstored });
    }
    finally {
        await summary.write();
    }
}
/** A job that needs the CLI: skip early, else check config_dir, enter the login, prepare, run. */
async function withClaude(kind, prepared, pre, steps) {
    if ('skip' in prepared)
        return { conclusion: 'skipped', reason: prepared.skip };
    // Before the login is even decoded: a config_dir the model could read is refused.
    const configDir = await configDirOf(pre.inputs, steps.env);
    const { auth } = await steps.login('run', Date.now());
    const claude = await steps.claude(kind, auth, configDir);
    // usage_ceiling: after the skips and the login, before the job's own model call.
    const stop = isUntrusted(kind) ? await (0,ceiling/* checkUsageCeiling */.f)(pre, claude, kind) : undefined;
    const result = stop ?? (await prepared.run({ ...pre, auth, claude }));
    return (0,defer/* deferOnUsageStop */.F)(pre, 'item' in prepared ? prepared.item : undefined, result);
}
/**
 * The login and the CLI for this run, each made once (a second restore would clobber the first,
 * and a second refresh would spend a refresh token the first one already rotated).
 */
function runSteps(inputs, env, reauth, outputs, onUnstored) {
    let entered;
    let prepared;
    return {
        env,
        reauth,
        login: async (use, now) => {
            // A look (`status`) is no login to run with; a refreshed one serves every later use.
            if (entered && (entered.use !== 'status' || use === 'status'))
                return entered.ready;
            const ready = await enterLogin(inputs, env, { use, now, report: loginReport(outputs) });
            onUnstored(ready.unstored);
            entered = { use, ready };
            return ready;
        },
        claude: (kind, auth, dir) => (prepared ??= (async () => {
            const configDir = dir ?? (await configDirOf(inputs, env));
            return prepareClaude(inputs, auth, env, { kind, configDir });
        })())
    };
}
/** After the job, deferred items of earlier runs are taken up (see `jobs/usage/pickup.ts`). */
async function pickUpAfter(pre, steps, result, mode) {
    if (!(0,deferred/* pickUpWanted */.go)(pre.inputs, result, mode))
        return;
    const { pickUpDeferred } = await Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(6), __webpack_require__.e(79), __webpack_require__.e(453), __webpack_require__.e(661), __webpack_require__.e(991), __webpack_require__.e(243)]).then(__webpack_require__.bind(__webpack_require__, 3243));
    const ready = async (kind) => {
        const { auth } = await steps.login('run', Date.now());
        return { auth, claude: await steps.claude(kind, auth) };
    };
    await pickUpDeferred(pre, ready, mode);
}
/** The step's outputs, as the login entry reports to them. */
function loginReport(outputs) {
    return {
        auth: (a, now) => outputs.auth(a, now),
        rotated: stored => {
            outputs.set('rotated', true);
            outputs.set('secret_updated', stored);
        }
    };
}
/** A rotated login that could not be stored fails the step; the job's own result stays in the log. */
function withUnstoredLogin(result, unstored) {
    if (!unstored)
        return result;
    if (result.conclusion === 'failure') {
        if (result.message.includes(unstored))
            return result;
        return { ...result, message: `${unstored} The job failed too: ${result.message}`, auth: true };
    }
    core/* info */.pq(`The job itself: ${result.conclusion}${result.conclusion === 'skipped' ? ` (${result.reason})` : ''}.`);
    return { conclusion: 'failure', message: unstored, auth: true };
}
function reportDryRun(inputs, writes, summary) {
    if (!inputs.dry_run)
        return;
    if (writes.length === 0) {
        core/* info */.pq('Dry run: nothing would be written to GitHub.');
        return;
    }
    core/* startGroup */.Oh(`Dry run: ${writes.length} write(s) to GitHub were not made`);
    // The texts are the model's and people's: inert in the log (see logUntrusted).
    for (const w of writes) {
        core/* info */.pq((0,github_guard/* commandFree */.iG)(`Would ${w.action}:`));
        (0,github_guard/* logUntrusted */.ts)(`${w.detail}\n`);
    }
    core/* endGroup */.N4();
    summary.details(`Dry run: ${writes.length} write(s) to GitHub were not made`, writes.map(w => `**Would ${w.action}**\n\n${w.detail}`).join('\n\n---\n\n'));
}
/** Ends the step with the job's result. */
function finish(result, outputs, summary, reauth) {
    if (result.conclusion === 'success') {
        outputs.conclusion('success');
        return;
    }
    if (result.conclusion === 'skipped') {
        outputs.conclusion('skipped', result.reason);
        core/* notice */.lm(`Skipped: ${result.reason}`);
        summary.text(`Skipped: ${result.reason}`);
        return;
    }
    outputs.conclusion('failure');
    const message = result.auth ? (0,messages/* authFailure */.Tu)(result.message, reauth) : result.message;
    summary.text(`**Failed:** ${message.replace(/\n/g, '  \n')}`);
    core/* setFailed */.C1(message);
}
/** Ends the step with what was thrown, in one message (no stack). */
function fail(err, at) {
    const { outputs, summary, reauth, mode, unstored } = at;
    outputs.conclusion('failure');
    let message;
    if (err instanceof errors/* AuthError */.l) {
        outputs.set('auth_status', err.status);
        message = (0,messages/* authFailure */.Tu)(err.message, reauth);
    }
    else if (err instanceof src_errors/* InputError */.d ||
        err instanceof cancelled/* CancelledError */.c ||
        err instanceof known_secrets/* SecretLeakError */.q2) {
        message = err.message;
    }
    else if ((0,github_errors/* isRequestError */.eK)(err)) {
        message = (0,github_errors/* githubFailure */.eQ)(err);
    }
    else {
        // Unexpected: one line, no stack (a stack could carry data the masks have not seen).
        message = `Unexpected error${mode ? ` in mode ${mode}` : ''}: ${err?.message ?? String(err)}`;
    }
    // A refreshed login that could not be stored must not go unmentioned behind another failure.
    if (unstored) {
        const more = err instanceof errors/* AuthError */.l ? unstored : (0,messages/* authFailure */.Tu)(unstored, reauth);
        message = `${message}\n\n${more}`;
    }
    summary.text(`**Failed:** ${message.replace(/\n/g, '  \n')}`);
    core/* setFailed */.C1(message);
}
function reauthContext(inputs, env) {
    return {
        repo: env.GITHUB_REPOSITORY ?? 'OWNER/REPO',
        secretName: inputs.auth_secret_name,
        ...(inputs.auth_secret_environment ? { environment: inputs.auth_secret_environment } : {}),
        ...(inputs.auth_secret_org ? { org: inputs.auth_secret_org } : {})
    };
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ markdownTable),
/* harmony export */   x: () => (/* binding */ tableCell)
/* harmony export */ });
/**
 * Markdown for the job summary, comments and issues. Values come from people and models (label
 * names, reasons, titles): a cell must stay one cell, so table and inline syntax is escaped.
 */
/** One table cell: one line, markdown and HTML syntax escaped, at most `max` characters. */
function tableCell(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    const cut = flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat;
    return cut
        .replace(/[\\`*_[\]|#~]/g, c => `\\${c}`)
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
/** A two-or-more column table; every cell escaped with {@link tableCell}. */
function markdownTable(header, rows) {
    const line = (cells) => `| ${cells.map(c => tableCell(c)).join(' | ')} |`;
    return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ Outputs)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9834);
/**
 * The action's outputs, set in one place so every path (success, skip, failure) reports the same
 * names, and so `conclusion` is always set.
 */


/**
 * Collects outputs as they become known and sets each one as an action output. Outputs carry model
 * text (`result`, `structured_output`) to later steps, which may post it anywhere: with a `check`,
 * an output holding a secret is set empty instead.
 */
class Outputs {
    check;
    values = {};
    constructor(check) {
        this.check = check;
    }
    /**
     * Where `usage` and `tokens` are summed and set (`setUsageOutputs`): these outputs themselves,
     * or the step's when these are kept back (a deferred item's run spends the step's allowance).
     */
    usageSink() {
        return this;
    }
    set(name, value) {
        let text = value === undefined ? '' : String(value);
        if (this.check && !this.check.allows(`the output ${name}`, text))
            text = '';
        this.values[name] = text;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, text);
    }
    /**
     * `oauth_token` (setup mode): the login's access token or setup-token for later steps, for
     * example claude-code-action's `claude_code_oauth_token`. The only output that may carry a
     * token, and only that one: it is masked again here, and `set` cannot write this name.
     */
    loginToken(token) {
        let text = token.trim();
        if (text !== '')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(text);
        if (this.check && !this.check.allowsLoginToken(text))
            text = '';
        this.values.oauth_token = text;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('oauth_token', text);
    }
    /** The auth outputs from an assessment. */
    auth(a, now = Date.now()) {
        this.set('auth_kind', a.kind);
        this.set('auth_status', a.status);
        this.set('expires_at', a.expiresAt !== undefined ? (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .iso */ .KH)(a.expiresAt) : '');
        this.set('login_expires_at', a.loginExpiresAt !== undefined ? (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .iso */ .KH)(a.loginExpiresAt) : '');
        this.set('expires_in_hours', (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursUntil */ .qs)(a.expiresAt, now));
    }
    conclusion(c, skipReason) {
        this.set('conclusion', c);
        if (skipReason !== undefined)
            this.set('skip_reason', skipReason);
    }
}


/***/ }),

/***/ 2281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ resetTime),
/* harmony export */   bn: () => (/* binding */ usageSentence),
/* harmony export */   cT: () => (/* binding */ setUsageOutputs),
/* harmony export */   qN: () => (/* binding */ windowName),
/* harmony export */   sI: () => (/* binding */ tokensSentence)
/* harmony export */ });
/* unused harmony exports usageJson, tokensJson */
/* harmony import */ var _claude_usage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(209);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9834);
/**
 * The subscription's usage in the outputs (`usage`, `tokens`) and in words for the job summary:
 * "5-hour window: 73 % used, resets 14:00 UTC".
 */


const WINDOWS = {
    five_hour: '5-hour window',
    seven_day: 'weekly window',
    seven_day_opus: 'weekly Opus window',
    seven_day_sonnet: 'weekly Sonnet window',
    overage: 'extra usage'
};
const DAY_MS = 86_400_000;
/**
 * Whether the CLI reported a figure. Without any rate-limit header it still emits
 * `{status:"allowed", isUsingOverage:false}` (measured): that is no report of the allowance.
 */
function reported(u) {
    return (u !== undefined &&
        (u.type !== undefined || u.utilization !== undefined || u.resetsAt !== undefined));
}
/** The `usage` output: empty when the CLI reported nothing. */
function usageJson(u) {
    if (!reported(u))
        return '';
    return JSON.stringify({
        status: u.status ?? null,
        type: u.type ?? null,
        utilization: u.utilization ?? null,
        resets_at: u.resetsAt !== undefined ? (0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .iso */ .KH)(u.resetsAt) : null,
        overage: u.overage ?? null
    });
}
/** The `tokens` output: empty when the CLI reported none. */
function tokensJson(t) {
    return t ? JSON.stringify(t) : '';
}
/** What the step has spent and seen so far, per Outputs (one per step). */
const seen = new WeakMap();
/**
 * Sets the `usage` and `tokens` outputs after a run. Every run of the step is spent from the same
 * allowance (the usage_ceiling probe, the job, deferred items taken up), so `tokens` is their sum
 * and `usage` the latest report: outputs kept back pass them on to their `usageSink`.
 */
function setUsageOutputs(given, u, t) {
    const outputs = given.usageSink();
    const before = seen.get(outputs) ?? {};
    const tokens = (0,_claude_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .sumTokens */ .WT)([before.tokens, t]);
    const usage = reported(u) ? u : before.usage;
    seen.set(outputs, { ...(tokens ? { tokens } : {}), ...(usage ? { usage } : {}) });
    outputs.set('usage', usageJson(usage));
    outputs.set('tokens', tokensJson(tokens));
}
/** A `rateLimitType` in words: "5-hour window", "weekly window"; "usage" when none was named. */
function windowName(type) {
    return type !== undefined ? (WINDOWS[type] ?? `${type} window`) : 'usage';
}
/** The usage in words; undefined when the CLI reported nothing. */
function usageSentence(u, now) {
    if (!reported(u))
        return undefined;
    const window = windowName(u.type);
    const parts = [];
    if (u.utilization !== undefined)
        parts.push(`${Math.round(u.utilization * 100)} % used`);
    if (u.status === 'rejected')
        parts.push('limit reached');
    else if (u.status === 'allowed_warning')
        parts.push('nearing its limit');
    else if (u.utilization === undefined && u.status !== undefined)
        parts.push(u.status);
    if (u.resetsAt !== undefined)
        parts.push(`resets ${resetTime(u.resetsAt, now)}`);
    if (u.overage)
        parts.push('using extra usage');
    const capital = window.charAt(0).toUpperCase() + window.slice(1);
    return `${capital}: ${parts.join(', ')}`;
}
/** "14:00 UTC" within a day, "Dec 5, 14:00 UTC" further away. */
function resetTime(at, now) {
    const d = new Date(at);
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
    if (at - now < DAY_MS)
        return time;
    const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    return `${month} ${d.getUTCDate()}, ${time}`;
}
const pad = (n) => String(n).padStart(2, '0');
/** A token count in words: "1,234 in, 56 out, 7,890 cache read, 0 cache write". */
function tokensSentence(t) {
    if (!t)
        return undefined;
    const n = (v) => v.toLocaleString('en-US');
    return `${n(t.input)} in, ${n(t.output)} out, ${n(t.cache_read)} cache read, ${n(t.cache_creation)} cache write`;
}


/***/ })

};
