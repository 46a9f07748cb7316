export const id = 84;
export const ids = [84];
export const modules = {

/***/ 6084:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  issuesCommand: () => (/* binding */ issuesCommand)
});

// EXTERNAL MODULE: ./build/core/errors.js
var core_errors = __webpack_require__(2807);
;// CONCATENATED MODULE: ./build/core/json-fields.js
/** Reading untrusted JSON (event payloads, API answers) field by field, every type checked. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringField(record, name) {
    const value = record[name];
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./build/core/issues/issue-keys.js

/*
 * Jira issue keys are PROJECT-NUMBER: the project key is a letter then letters, digits or "_"
 * (Jira's default project key pattern), the number has no leading zero (Jira counts from 1).
 *
 * Word boundaries are ASCII on purpose: a key may sit next to "-", "/", punctuation, emoji or
 * non-Latin text ("修复ABC-12问题") and still be found, but not inside an identifier ("xABC-12",
 * "ABC-12x", "_ABC-1"). Explicit look-arounds rather than \b keep that rule visible.
 *
 * Each pattern starts with a look-behind that fails inside a word, so at most one start position
 * per word does real work, and every quantifier is followed by a character it cannot match:
 * matching is linear in the input (no catastrophic backtracking).
 */
const UPPER_KEY = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]*-[1-9][0-9]*(?![A-Za-z0-9_])/g;
const ANY_CASE_KEY = /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*(?![A-Za-z0-9_])/g;
const WHOLE_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/;
const WHOLE_PROJECT = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Separators of explicit lists: commas, spaces and new lines (any mix, repeated). */
const LIST_SEPARATOR = /[\s,]+/;
const MAX_TOKEN_SHOWN = 40;
const MAX_TOKENS_SHOWN = 5;
/** Issue keys in `text`, upper-cased, deduplicated, in order of first appearance. */
function extractIssueKeys(text, opts) {
    const pattern = opts.caseInsensitive ? ANY_CASE_KEY : UPPER_KEY;
    const seen = new Set();
    // matchAll clones the regex, so the shared global pattern keeps no lastIndex state.
    for (const match of text.matchAll(pattern))
        seen.add(match[0].toUpperCase());
    return [...seen];
}
/** Whether `text` is exactly one issue key (any case). */
function isIssueKey(text) {
    return WHOLE_KEY.test(text);
}
/**
 * Explicit issue keys given by the user, separated by commas, spaces or new lines. Any case is
 * accepted (the user means it) and returned upper-case. A token that is not a key is an error
 * rather than skipped: a typo would otherwise silently transition nothing.
 */
function parseIssueList(text, inputName) {
    const tokens = splitList(text);
    const bad = tokens.filter((token) => !WHOLE_KEY.test(token));
    if (bad.length > 0) {
        throw new core_errors/* ConfigError */.xL(`${inputName} has ${bad.length === 1 ? 'a value that is' : 'values that are'} not a Jira issue key: ${showTokens(bad)}.`, `List issue keys (project key, "-", issue number) separated by commas, spaces or new lines, for example: ABC-123, DEF-45`);
    }
    return dedupeUpper(tokens);
}
/** Project keys given by the user (e.g. to limit which issues are touched), upper-cased. */
function parseProjectList(text, inputName) {
    const tokens = splitList(text);
    const bad = tokens.filter((token) => !WHOLE_PROJECT.test(token));
    if (bad.length > 0) {
        const looksLikeIssue = bad.some((token) => WHOLE_KEY.test(token));
        throw new core_errors/* ConfigError */.xL(`${inputName} has ${bad.length === 1 ? 'a value that is' : 'values that are'} not a Jira project key: ${showTokens(bad)}.`, `List project keys (a letter, then letters, digits or "_") separated by commas, spaces or new lines, for example: ABC, DEF` +
            (looksLikeIssue ? '. Give the project part only: ABC, not ABC-123.' : ''));
    }
    return dedupeUpper(tokens);
}
/**
 * Keeps the keys whose project is in `projects` (compared without case). An empty project list
 * means no restriction, so an unset input keeps every key.
 */
function filterByProjects(keys, projects) {
    if (projects.length === 0)
        return [...keys];
    const wanted = new Set(projects.map((project) => project.toUpperCase()));
    return keys.filter((key) => {
        const dash = key.lastIndexOf('-');
        return dash > 0 && wanted.has(key.slice(0, dash).toUpperCase());
    });
}
function splitList(text) {
    return text.split(LIST_SEPARATOR).filter((token) => token.length > 0);
}
function dedupeUpper(tokens) {
    return [...new Set(tokens.map((token) => token.toUpperCase()))];
}
/** Bad tokens quoted for a message: long ones cut, and only the first few listed. */
function showTokens(tokens) {
    const unique = [...new Set(tokens)];
    const shown = unique.slice(0, MAX_TOKENS_SHOWN).map((token) => {
        const cut = Array.from(token).length > MAX_TOKEN_SHOWN ? `${Array.from(token).slice(0, MAX_TOKEN_SHOWN).join('')}…` : token;
        return JSON.stringify(cut);
    });
    const more = unique.length - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

;// CONCATENATED MODULE: ./build/core/issues/event-sources.js



const KEY_SOURCES = ['commits', 'branch', 'title', 'body'];
/** The sources named in an input such as "commits, branch"; empty means all of them. */
function parseFromInput(text, inputName) {
    const tokens = text
        .split(/[\s,]+/)
        .filter((token) => token.length > 0)
        .map((token) => token.toLowerCase());
    if (tokens.length === 0)
        return new Set(KEY_SOURCES);
    const unknown = [...new Set(tokens.filter((token) => !isKeySource(token)))];
    if (unknown.length > 0) {
        throw new core_errors/* ConfigError */.xL(`${inputName} names unknown source${unknown.length === 1 ? '' : 's'}: ${unknown.map((token) => JSON.stringify(token.slice(0, 40))).join(', ')}.`, `Use any of ${KEY_SOURCES.join(', ')}, separated by commas or spaces (for example: commits, branch), or leave it empty for all.`);
    }
    return new Set(tokens.filter(isKeySource));
}
function isKeySource(token) {
    return KEY_SOURCES.includes(token);
}
/** GitHub lists at most this many commits in a push webhook payload. */
const PUSH_PAYLOAD_COMMIT_LIMIT = 20;
const ZERO_SHA = /^0+$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
async function discoverIssueKeys(input) {
    const found = new KeyCollector();
    const notices = [];
    const warnings = [];
    const { eventName } = input;
    const searched = { commits: 0 };
    const { rangeMessages } = input;
    if (rangeMessages && input.from.has('commits')) {
        for (const message of rangeMessages)
            found.add(message, 'commits', false);
        searched.commits = rangeMessages.length;
    }
    // The event's own commits only when no range was read for it (and `since` is not none).
    const eventCommits = !rangeMessages && !input.noCommits && input.from.has('commits');
    if (eventName === 'push') {
        await fromPush(input, eventCommits, found, notices, warnings, searched);
    }
    else if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        await fromPullRequest(input, eventCommits, found, warnings, searched);
    }
    else if (!rangeMessages && !input.noCommits) {
        notices.push(`No commits to search in a "${eventName}" event: keys are found in the commits of push, pull_request, ` +
            'release and deploy events (deployment, workflow_dispatch, workflow_run, schedule, repository_dispatch). ' +
            'Pass the issue keys in `issues`, a JQL query in `jql`, or where the commits start in `since`.');
    }
    return { keys: found.keys, notices, warnings, ...searched };
}
async function fromPush(input, searchCommits, found, notices, warnings, searched) {
    const payload = isRecord(input.payload) ? input.payload : {};
    const before = stringField(payload, 'before');
    const after = stringField(payload, 'after');
    if (payload.deleted === true || (after !== undefined && ZERO_SHA.test(after))) {
        notices.push('The push deleted its branch or tag: there are no commits to search for issue keys.');
        return;
    }
    if (searchCommits) {
        const listed = Array.isArray(payload.commits) ? payload.commits : [];
        let messages = listed.flatMap((commit) => {
            const message = isRecord(commit) ? commit.message : undefined;
            return typeof message === 'string' ? [message] : [];
        });
        const size = typeof payload.size === 'number' && Number.isFinite(payload.size) ? payload.size : undefined;
        // The webhook lists 20 commits at most; with 20 listed we cannot tell whether more were cut.
        const truncated = listed.length >= PUSH_PAYLOAD_COMMIT_LIMIT || (size !== undefined && size > listed.length);
        if (truncated) {
            const payloadOnly = `searched only the ${messages.length} commits listed in the push event (GitHub lists at most ${PUSH_PAYLOAD_COMMIT_LIMIT})`;
            if (before === undefined || ZERO_SHA.test(before)) {
                warnings.push(`The push created its branch, so there is no earlier commit to compare with: ${payloadOnly}.`);
            }
            else if (!SHA.test(before) || after === undefined || !SHA.test(after)) {
                warnings.push(`The push event has no valid "before"/"after" commit ids: ${payloadOnly}.`);
            }
            else {
                const repo = splitRepository(input.repository);
                if (!repo) {
                    warnings.push(`The repository ${JSON.stringify(input.repository)} is not "owner/repo": ${payloadOnly}.`);
                }
                else if (!input.github) {
                    warnings.push(`No GitHub API access (token) to list all commits of the push: ${payloadOnly}.`);
                }
                else {
                    try {
                        messages = await input.github.compareCommitMessages(repo.owner, repo.repo, before, after);
                    }
                    catch (error) {
                        warnings.push(`Listing the commits of the push through the GitHub API failed (${errorMessage(error)}): ${payloadOnly}.`);
                    }
                }
            }
        }
        for (const message of messages)
            found.add(message, 'commits', false);
        searched.commits = messages.length;
        if (before && after && SHA.test(before) && !ZERO_SHA.test(before) && SHA.test(after))
            searched.range = `${before}...${after}`;
    }
    if (input.from.has('branch')) {
        const ref = stringField(payload, 'ref');
        // Tags (refs/tags/...) have no branch name to search.
        if (ref?.startsWith('refs/heads/'))
            found.add(ref.slice('refs/heads/'.length), 'branch', true);
    }
}
async function fromPullRequest(input, searchCommits, found, warnings, searched) {
    const payload = isRecord(input.payload) ? input.payload : {};
    const pr = isRecord(payload.pull_request) ? payload.pull_request : undefined;
    if (!pr) {
        warnings.push(`The ${input.eventName} event has no pull_request object: nothing to search for issue keys.`);
        return;
    }
    if (input.from.has('title')) {
        const title = stringField(pr, 'title');
        if (title !== undefined)
            found.add(title, 'title', false);
    }
    if (input.from.has('branch')) {
        const head = isRecord(pr.head) ? stringField(pr.head, 'ref') : undefined;
        if (head !== undefined)
            found.add(head, 'branch', true);
    }
    if (input.from.has('body')) {
        // null when the description is empty.
        const body = stringField(pr, 'body');
        if (body !== undefined)
            found.add(body, 'body', false);
    }
    if (searchCommits) {
        // The pull request event carries no commit messages: they come from the API or not at all.
        const number = pullNumber(pr.number) ?? pullNumber(payload.number);
        const repo = splitRepository(input.repository);
        const skipped = 'commit messages of the pull request were not searched';
        if (number === undefined) {
            warnings.push(`The ${input.eventName} event has no pull request number: ${skipped}.`);
        }
        else if (!repo) {
            warnings.push(`The repository ${JSON.stringify(input.repository)} is not "owner/repo": ${skipped}.`);
        }
        else if (!input.github) {
            warnings.push(`No GitHub API access (token) to list the pull request's commits: ${skipped}.`);
        }
        else {
            try {
                const messages = await input.github.listPullRequestCommitMessages(repo.owner, repo.repo, number);
                for (const message of messages)
                    found.add(message, 'commits', false);
                searched.commits = messages.length;
                const base = isRecord(pr.base) ? stringField(pr.base, 'sha') : undefined;
                const head = isRecord(pr.head) ? stringField(pr.head, 'sha') : undefined;
                if (base && head && SHA.test(base) && SHA.test(head))
                    searched.range = `${base}...${head}`;
            }
            catch (error) {
                warnings.push(`Listing the pull request's commits through the GitHub API failed (${errorMessage(error)}): ${skipped}.`);
            }
        }
    }
}
/** Keys in order of discovery; a key seen again keeps its first source. */
class KeyCollector {
    keys = [];
    seen = new Set();
    add(text, source, caseInsensitive) {
        for (const key of extractIssueKeys(text, { caseInsensitive })) {
            if (this.seen.has(key))
                continue;
            this.seen.add(key);
            this.keys.push({ key, source });
        }
    }
}
function pullNumber(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
/** GitHub owner and repository names: letters, digits, "-", "_" and ".". */
function splitRepository(repository) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : undefined;
}
/** An API error's message for a warning: not secret, but cut to one short line. */
function errorMessage(error) {
    const text = error instanceof Error ? error.message : String(error);
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 300 ? `${line.slice(0, 300)}…` : line || 'unknown error';
}

;// CONCATENATED MODULE: ./build/core/issues/template.js


/*
 * Templates for Jira comments and remote-link titles: Jira wiki markup written by the user
 * (trusted), with {{name}} placeholders filled from the run (untrusted: branch names, actors,
 * workflow names come from whoever can push). Values are inserted as plain text, so a branch
 * called "[~admin]" or "{html}<script>" shows up as those characters and does nothing else.
 */
const TEMPLATE_VARIABLES = [
    'issue',
    'run-url',
    'run-number',
    'run-attempt',
    'workflow',
    'job',
    'repository',
    'repository-url',
    'sha',
    'short-sha',
    'ref',
    'ref-name',
    'actor',
    'event',
    'pull-request-url',
    'status',
];
/** Values we build ourselves from the server URL; inserted raw so Jira can link them. */
const URL_VARIABLES = new Set([
    'run-url',
    'repository-url',
    'pull-request-url',
]);
const KNOWN = new Set(TEMPLATE_VARIABLES);
function isTemplateVariable(name) {
    return KNOWN.has(name);
}
/*
 * A placeholder is {{name}} with optional whitespace inside the braces, where the name looks like
 * an identifier. Other {{...}} (with spaces or punctuation inside) is left alone: in Jira markup
 * that is monospace text, e.g. {{mvn verify}}. A name that looks like an identifier but is not a
 * known variable is an error, so that typos ({{run_url}}) fail the configuration instead of
 * rendering as monospace. A placeholder after an odd number of backslashes is escaped and kept as
 * text; that rule also guarantees a value never follows a lone backslash, which would cancel the
 * escaping of its first character.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]*)\s*\}\}/g;
function tokenize(template) {
    const tokens = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
        const start = match.index;
        let backslashes = 0;
        while (start - backslashes - 1 >= 0 && template[start - backslashes - 1] === '\\')
            backslashes++;
        if (backslashes % 2 === 1)
            continue;
        if (start > last)
            tokens.push({ kind: 'text', text: template.slice(last, start) });
        tokens.push({ kind: 'placeholder', name: match[1] ?? '', raw: match[0] });
        last = start + match[0].length;
    }
    if (last < template.length)
        tokens.push({ kind: 'text', text: template.slice(last) });
    return tokens;
}
/**
 * Checks a template before any request: every placeholder must be a known variable and every
 * "{{" must be closed (a lone "{{" is almost always a broken placeholder).
 */
function validateTemplate(template, inputName) {
    const tokens = tokenize(template);
    const unknown = [
        ...new Set(tokens.flatMap((token) => (token.kind === 'placeholder' && !isTemplateVariable(token.name) ? [token.name] : []))),
    ];
    if (unknown.length > 0) {
        const suggestions = unknown.flatMap((name) => {
            const guess = suggest(name);
            return guess ? [`{{${name}}} → {{${guess}}}`] : [];
        });
        throw new core_errors/* ConfigError */.xL(`${inputName} uses unknown placeholder${unknown.length === 1 ? '' : 's'}: ${unknown.map((name) => `{{${name}}}`).join(', ')}.`, (suggestions.length > 0 ? `Did you mean ${suggestions.join(', ')}? ` : '') +
            `Valid placeholders: ${TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')}.`);
    }
    // Count "{{" and "}}" in the literal text only; a placeholder's own braces are already paired.
    let open = 0;
    let firstUnclosed = -1;
    let offset = 0;
    for (const token of tokens) {
        if (token.kind === 'text') {
            for (const brace of token.text.matchAll(/\{\{|\}\}/g)) {
                if (brace[0] === '{{') {
                    if (open === 0)
                        firstUnclosed = offset + brace.index;
                    open++;
                }
                else if (open > 0) {
                    open--;
                }
            }
            offset += token.text.length;
        }
        else {
            offset += token.raw.length;
        }
    }
    if (open > 0) {
        const snippet = template.slice(firstUnclosed, firstUnclosed + 30);
        throw new core_errors/* ConfigError */.xL(`${inputName} has a "{{" that is not closed, at ${JSON.stringify(snippet)}.`, `Write placeholders as {{name}}, for example {{issue}} or {{ run-url }}.`);
    }
}
/** A close known name for a typo: other case, "_" or "." for "-". */
function suggest(name) {
    const normalized = name.toLowerCase().replace(/[_.]/g, '-');
    return TEMPLATE_VARIABLES.find((candidate) => candidate === normalized);
}
/**
 * Fills the placeholders in one pass: a value is never searched for placeholders again, so a
 * branch named "{{issue}}" renders as that text. Missing values render as "". Unknown placeholders
 * are kept as written (validateTemplate reports them before we get here).
 */
function renderTemplate(template, values) {
    let out = '';
    for (const token of tokenize(template)) {
        if (token.kind === 'text') {
            out += token.text;
        }
        else if (!isTemplateVariable(token.name)) {
            out += token.raw;
        }
        else {
            const value = values[token.name] ?? '';
            if (URL_VARIABLES.has(token.name))
                out += renderUrl(value);
            // A well-formed key ([A-Z0-9_-] only) stays raw so Jira still links it; "ABC\-1" would not be.
            else if (token.name === 'issue' && isIssueKey(value))
                out += value;
            else
                out += escapeJiraWiki(value);
        }
    }
    return out;
}
/*
 * Every character Jira wiki markup gives a meaning to somewhere: links and mentions [ ] | ~,
 * macros { }, images !, phrase formatting * _ + ^ ~ - ?? and lists/headings # * -, and the
 * escape character itself. Escaping all of them everywhere is simpler and safer than knowing
 * where each one is active; Jira renders "\X" as "X".
 */
const WIKI_SPECIAL = /[\\{}[\]|!*_+^~#?-]/g;
/** Line breaks would let a value start a line with "h1." or "bq."; other controls are noise. */
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]+/g;
/** `value` as literal text in Jira wiki markup, on one line. */
function escapeJiraWiki(value) {
    return value.replace(LINE_BREAKS_AND_CONTROLS, ' ').replace(WIKI_SPECIAL, '\\$&');
}
/** Characters that are plain in a URL and plain in Jira markup; the rest is percent-encoded. */
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#@$&()+,;=%]/g;
/**
 * URL values are built by us, but from a server URL and repository name we did not choose. Only
 * an http(s) URL is inserted raw (so Jira links it), with any character that could close a link
 * ("]", "|") or start markup percent-encoded. Anything else is shown as escaped text, unlinked.
 */
function renderUrl(value) {
    if (value === '')
        return '';
    // new URL() would silently drop tabs and new lines and trim spaces; refuse them instead.
    if (!/^[\x21-\x7e\u00a0-\uffff]+$/.test(value))
        return escapeJiraWiki(value);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return escapeJiraWiki(value);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return escapeJiraWiki(value);
    // href is ASCII (punycode host, percent-encoded path), so each remaining char is one byte.
    return url.href.replace(URL_SAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/** The run's page, stable across re-runs (no attempt number), or undefined when unknown. */
function runUrlOf(ctx) {
    if (ctx.runUrl)
        return ctx.runUrl;
    const serverUrl = ctx.serverUrl?.replace(/\/+$/, '');
    if (!serverUrl || !ctx.repository || ctx.runId === undefined || String(ctx.runId) === '')
        return undefined;
    return `${serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}`;
}
/** Template values for one issue. Unknown facts are left out and render as "". */
function buildTemplateValues(ctx, issueKey, status) {
    const values = { issue: issueKey };
    const set = (name, value) => {
        if (value === undefined)
            return;
        const text = String(value);
        if (text !== '')
            values[name] = text;
    };
    const serverUrl = ctx.serverUrl?.replace(/\/+$/, '');
    const repositoryUrl = serverUrl && ctx.repository ? `${serverUrl}/${ctx.repository}` : undefined;
    set('repository-url', repositoryUrl);
    set('run-url', runUrlOf(ctx));
    const pr = ctx.pullRequestNumber === undefined ? '' : String(ctx.pullRequestNumber);
    if (repositoryUrl && /^[1-9][0-9]*$/.test(pr))
        set('pull-request-url', `${repositoryUrl}/pull/${pr}`);
    set('run-number', ctx.runNumber);
    set('run-attempt', ctx.runAttempt);
    set('workflow', ctx.workflow);
    set('job', ctx.job);
    set('repository', ctx.repository);
    set('sha', ctx.sha);
    set('short-sha', ctx.sha?.slice(0, 7));
    set('ref', ctx.ref);
    set('ref-name', refName(ctx.ref, ctx.headRef));
    set('actor', ctx.actor);
    set('event', ctx.eventName);
    set('status', status);
    return values;
}
/** Short name of a ref, like GITHUB_REF_NAME, but the head branch for a pull request when known. */
function refName(ref, headRef) {
    const pull = ref === undefined ? null : /^refs\/pull\/([^/]+)\/(?:merge|head)$/.exec(ref);
    if (headRef && (ref === undefined || ref === '' || pull))
        return headRef;
    if (ref === undefined)
        return undefined;
    if (pull)
        return `${pull[1]}/merge`;
    for (const prefix of ['refs/heads/', 'refs/tags/']) {
        if (ref.startsWith(prefix))
            return ref.slice(prefix.length);
    }
    return ref;
}

;// CONCATENATED MODULE: ./build/core/range/since-input.js

// git check-ref-format's rules, the parts that matter: no spaces/control characters, no "..",
// no leading "-" (it would read as an option to git), none of ~^:?*[\.
const BAD_REF = /[\s\x00-\x1f\x7f~^:?*[\\]|\.\.|^-|^\/|\/$|\.lock$|@\{/;
function parseSince(text, label) {
    const value = text.trim();
    if (value === '' || value.toLowerCase() === 'auto')
        return { kind: 'auto' };
    if (value.toLowerCase() === 'none')
        return { kind: 'none' };
    if (value.length > 250 || BAD_REF.test(value)) {
        throw new core_errors/* ConfigError */.xL(`${label} is not a git ref: ${JSON.stringify(value.slice(0, 60))}.`, 'Use auto (the default), none, a tag (v1.2.4), a branch or a commit SHA.');
    }
    return { kind: 'ref', ref: value };
}

;// CONCATENATED MODULE: ./build/commands/issues/config.js





const DEFAULT_LINK_TITLE = '{{workflow}} #{{run-number}}';
function readTransitionFields(inputs) {
    const text = inputs.optional('transition-fields');
    if (text === undefined)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new core_errors/* ConfigError */.xL(`${inputs.label('transition-fields')} is not valid JSON (${error.message}).`, `Give a JSON object of fields, e.g. {"resolution": {"name": "Fixed"}}.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new core_errors/* ConfigError */.xL(`${inputs.label('transition-fields')} must be a JSON object of fields.`, 'For example {"resolution": {"name": "Fixed"}}.');
    }
    return parsed;
}
/** GitHub environment names: at most 255 characters, no control characters. */
function readEnvironment(inputs) {
    const name = inputs.optional('environment');
    if (name === undefined)
        return undefined;
    if (name.length > 255 || /[\x00-\x1f\x7f]/.test(name))
        throw new core_errors/* ConfigError */.xL(`${inputs.label('environment')} is not a deployment environment name.`, 'Give the environment as GitHub names it, e.g. production (at most 255 characters, one line).');
    return name;
}
function readIssuesConfig(inputs) {
    const issuesText = inputs.optional('issues');
    const transitionName = inputs.optional('transition');
    const transitionFields = readTransitionFields(inputs);
    if (transitionFields && !transitionName) {
        throw new core_errors/* ConfigError */.xL(`${inputs.label('transition-fields')} is set but ${inputs.label('transition')} is not.`, `Set ${inputs.label('transition')} to the transition (or target status) these fields belong to.`);
    }
    const comment = inputs.raw('comment');
    if (comment !== undefined)
        validateTemplate(comment, inputs.label('comment'));
    const linkTitle = inputs.optional('link-title') ?? DEFAULT_LINK_TITLE;
    validateTemplate(linkTitle, inputs.label('link-title'));
    return {
        explicitKeys: issuesText === undefined ? undefined : parseIssueList(issuesText, inputs.label('issues')),
        jql: inputs.optional('jql'),
        from: parseFromInput(inputs.optional('from') ?? '', inputs.label('from')),
        projects: parseProjectList(inputs.optional('projects') ?? '', inputs.label('projects')),
        since: parseSince(inputs.optional('since') ?? '', inputs.label('since')),
        environment: readEnvironment(inputs),
        transition: transitionName ? { name: transitionName, fields: transitionFields } : undefined,
        comment,
        link: inputs.boolean('link', false),
        linkTitle,
        dryRun: inputs.boolean('dry-run', false),
        concurrency: inputs.integer('concurrency', 4, 1, 16),
        failOnError: inputs.boolean('fail-on-error', true),
    };
}

// EXTERNAL MODULE: ./build/jira/expect.js
var expect = __webpack_require__(6564);
;// CONCATENATED MODULE: ./build/commands/issues/jira-api.js

const issuePath = (key) => `/rest/api/2/issue/${encodeURIComponent(key)}`;
function snapshot(raw, fallbackKey) {
    return { key: raw.key ?? fallbackKey, summary: raw.fields?.summary ?? '', status: raw.fields?.status?.name ?? '' };
}
/** Thin typed calls over the client: one function per REST endpoint the command uses. */
class IssuesApi {
    client;
    constructor(client) {
        this.client = client;
    }
    /** The issue, or undefined when Jira answers 404 (missing, or not visible to the user). */
    async getIssue(key) {
        const response = await this.client.request({
            method: 'GET',
            path: issuePath(key),
            query: [['fields', 'summary,status']],
        });
        if (response.status === 404)
            return undefined;
        return snapshot((0,expect/* expectJson */.sI)(response, `Reading ${key}`), key);
    }
    async getTransitions(key) {
        const response = await this.client.request({
            method: 'GET',
            path: `${issuePath(key)}/transitions`,
            query: [['expand', 'transitions.fields']],
        });
        return (0,expect/* expectJson */.sI)(response, `Reading the transitions of ${key}`).transitions ?? [];
    }
    /** Returns the raw response: the caller explains a 400 with the transition's field metadata. */
    transition(key, transitionId, fields) {
        return this.client.request({
            method: 'POST',
            path: `${issuePath(key)}/transitions`,
            json: { transition: { id: transitionId }, ...(fields ? { fields } : {}) },
        });
    }
    /** Every comment, all pages (Jira DC pages at 50 by default). */
    async listComments(key) {
        const comments = [];
        for (let startAt = 0;;) {
            const response = await this.client.request({
                method: 'GET',
                path: `${issuePath(key)}/comment`,
                query: [
                    ['startAt', String(startAt)],
                    ['maxResults', '100'],
                ],
            });
            const page = (0,expect/* expectJson */.sI)(response, `Reading the comments of ${key}`);
            const items = page.comments ?? [];
            comments.push(...items);
            startAt += items.length;
            if (items.length === 0 || startAt >= (page.total ?? 0))
                return comments;
        }
    }
    /** POST is not retried where Jira may have acted; the caller re-reads on an ambiguous failure. */
    addComment(key, body) {
        return this.client.request({ method: 'POST', path: `${issuePath(key)}/comment`, json: { body } });
    }
    async updateComment(key, id, body) {
        const response = await this.client.request({
            method: 'PUT',
            path: `${issuePath(key)}/comment/${encodeURIComponent(id)}`,
            json: { body },
        });
        (0,expect/* expectJson */.sI)(response, `Updating comment ${id} on ${key}`);
    }
    async findRemoteLink(key, globalId) {
        const response = await this.client.request({
            method: 'GET',
            path: `${issuePath(key)}/remotelink`,
            query: [['globalId', globalId]],
        });
        if (response.status === 404)
            return false;
        const body = (0,expect/* expectJson */.sI)(response, `Reading the remote links of ${key}`);
        return Array.isArray(body)
            ? body.length > 0
            : body !== null && typeof body === 'object' && Object.keys(body).length > 0;
    }
    /** Jira upserts by globalId, so repeating this is safe: it may be retried like a read. */
    async upsertRemoteLink(key, link) {
        const response = await this.client.request({
            method: 'POST',
            path: `${issuePath(key)}/remotelink`,
            json: link,
            idempotent: true,
        });
        (0,expect/* expectJson */.sI)(response, `Linking the run on ${key}`);
    }
    /** All issues a JQL query returns; POST keeps the JQL in the (unsigned) JSON body. */
    async search(jql) {
        const issues = [];
        for (let startAt = 0;;) {
            const response = await this.client.request({
                method: 'POST',
                path: '/rest/api/2/search',
                json: { jql, startAt, maxResults: 100, fields: ['summary', 'status'] },
                idempotent: true,
            });
            if (response.status === 400)
                throw (0,expect/* httpFailure */.tG)(response, 'The JQL query in `jql` was refused');
            const page = (0,expect/* expectJson */.sI)(response, 'Searching with `jql`');
            const items = page.issues ?? [];
            issues.push(...items.map((raw) => snapshot(raw, raw.key ?? '')));
            startAt += items.length;
            if (items.length === 0 || startAt >= (page.total ?? 0))
                return issues;
        }
    }
    async myself() {
        return (0,expect/* expectJson */.sI)(await this.client.request({ method: 'GET', path: '/rest/api/2/myself' }), 'Reading the current user');
    }
}

;// CONCATENATED MODULE: ./build/commands/issues/report-lines.js
/** How each outcome reads in logs and tables, shared by the adapters. */
const STEP_LABELS = {
    transitioned: 'transitioned',
    'already-in-status': 'already there',
    'would-transition': 'would transition',
    created: 'added',
    updated: 'updated',
    unchanged: 'unchanged',
    'would-create': 'would add',
    'would-update': 'would update',
    failed: 'failed',
    'not-requested': '—',
};
/** One log line per issue ("ABC-1 [To Do -> Done] transition: ..."), then its notes indented. */
function issueResultLines(r) {
    const parts = [
        `transition: ${STEP_LABELS[r.transition]}`,
        `comment: ${STEP_LABELS[r.comment]}`,
        `link: ${STEP_LABELS[r.link]}`,
    ];
    return [
        `${r.key} [${r.statusBefore || '?'} -> ${r.statusAfter || '?'}] ${parts.join(', ')}${r.ok ? '' : ' FAILED'}`,
        ...r.notes.map((note) => `  ${note}`),
    ];
}
const ISSUES_FAILED_HINT = 'Each failure is annotated above with what to do; the other issues were processed.';
/** "2 of 5 Jira issues failed: ABC-1, ABC-2.", or undefined when none failed. */
function issuesFailureMessage(result) {
    if (result.failed.length === 0)
        return undefined;
    return `${result.failed.length} of ${result.results.length} Jira issues failed: ${result.failed.join(', ')}.`;
}

;// CONCATENATED MODULE: ./build/commands/issues/release-notes.js
/*
 * Output `release-notes`: a Markdown list of the run's issues, ready for a GitHub release body or
 * a Slack message. Summaries and statuses come from Jira (anyone who can edit an issue writes
 * them), so they are flattened to one line and their Markdown and HTML characters escaped: a
 * summary can neither add a link, an image, a heading or a list item, nor @-mention anyone.
 */
/** "- [ABC-1](https://jira.example.com/browse/ABC-1) Fix the login (Released)", one line per issue. */
function releaseNotes(results) {
    return results
        .map((r) => {
        const summary = r.summary ? ` ${markdownText(r.summary)}` : '';
        const status = r.statusAfter ? ` (${markdownText(r.statusAfter)})` : r.ok ? '' : ' (failed)';
        return `- [${markdownText(r.key)}](${linkTarget(r.url)})${summary}${status}`;
    })
        .join('\n');
}
/**
 * Plain text inside a Markdown line that starts with "- [KEY](url)": one line, and every character
 * that is syntax inside a line escaped (line-start syntax such as # or 1. cannot arise there). An
 * @ gets a zero-width space after it, so it mentions no one.
 */
function markdownText(text) {
    return text
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .trim()
        .replace(/[\\`*_[\]<>~|&]/g, (c) => `\\${c}`)
        .replace(/@/g, '@\u200b');
}
/** A link target cannot hold a space or a parenthesis that would end it. */
function linkTarget(url) {
    return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./build/core/semaphore.js
var semaphore = __webpack_require__(4288);
// EXTERNAL MODULE: ./build/jira/errors.js
var jira_errors = __webpack_require__(3326);
;// CONCATENATED MODULE: ./build/commands/issues/comment-marker.js

/**
 * The marker that finds this step's comment again on a re-run. The run attempt is left out, so a
 * re-run updates; the template is in, so two steps or matrix legs with different text keep
 * their own comments. `{anchor:…}` is Jira wiki markup for an invisible HTML anchor.
 */
function commentMarker(identity) {
    const digest = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([identity.repository, identity.runId, identity.job, identity.step, identity.template]))
        .digest('hex')
        .slice(0, 20);
    return `{anchor:jira-oauth-action-${digest}}`;
}
function withMarker(body, marker) {
    return `${body.trimEnd()}\n${marker}`;
}

;// CONCATENATED MODULE: ./build/commands/issues/ambiguity.js


/**
 * A non-idempotent request that failed this way may still have been carried out by Jira
 * (a timeout, a proxy's 502/504, a connection broken after sending): re-read before reporting.
 */
function mayHaveActed(failure) {
    if (failure instanceof jira_errors/* JiraConnectionError */.jZ)
        return failure.mayHaveActed;
    const status = failure?.status;
    return typeof status === 'number' && (status === 500 || status === 502 || status === 504);
}
async function attempt(send) {
    try {
        return await send();
    }
    catch (failure) {
        return { ok: false, failure };
    }
}
/**
 * Sends a change at most twice and never twice in effect: after a failure Jira may have acted on,
 * `check` re-reads the issue ('done': it acted; 'not-done': it certainly did not, so sending once
 * more is safe; 'unknown': give up with the first failure). Returns a note when it had to recover.
 */
async function sendWithoutDuplicates(what, send, check) {
    const first = await attempt(send);
    if (first.ok)
        return undefined;
    if (!mayHaveActed(first.failure))
        throw first.failure;
    const why = (0,core_errors/* describeError */.Uc)(first.failure).split('\n')[0];
    const state = await check();
    if (state === 'done')
        return `The ${what} request failed (${why}) but Jira had carried it out.`;
    if (state === 'unknown')
        throw first.failure;
    const second = await attempt(send);
    if (!second.ok)
        throw second.failure;
    return `The first ${what} request failed (${why}); Jira had not carried it out, so it was sent again.`;
}

;// CONCATENATED MODULE: ./build/commands/issues/comment-step.js


function writtenBy(comment, me) {
    if (!me || !comment.author)
        return true;
    const a = comment.author;
    return ((me.accountId !== undefined && a.accountId === me.accountId) ||
        (me.key !== undefined && a.key === me.key) ||
        (me.name !== undefined && a.name === me.name));
}
async function findOwn(api, key, marker, me) {
    return (await api.listComments(key)).find((c) => typeof c.body === 'string' && c.body.includes(marker) && writtenBy(c, me));
}
/** Posts the step's comment, or updates the copy an earlier attempt posted: never a duplicate. */
async function commentStep(api, key, body, marker, me, dryRun) {
    const existing = await findOwn(api, key, marker, me);
    if (existing) {
        if (existing.body.trim() === body.trim())
            return { outcome: 'unchanged', notes: [] };
        if (dryRun)
            return { outcome: 'would-update', notes: [] };
        await api.updateComment(key, existing.id, body);
        return { outcome: 'updated', notes: [] };
    }
    if (dryRun)
        return { outcome: 'would-create', notes: [] };
    // Jira may store the comment and still fail the answer: the marker tells, without a blind second POST.
    const note = await sendWithoutDuplicates('comment', async () => {
        const response = await api.addComment(key, body);
        return (0,expect/* isSuccess */.oJ)(response) ? { ok: true } : { ok: false, failure: (0,expect/* httpFailure */.tG)(response, `Commenting on ${key}`) };
    }, async () => ((await findOwn(api, key, marker, me)) ? 'done' : 'not-done'));
    return { outcome: 'created', notes: note ? [note] : [] };
}

;// CONCATENATED MODULE: ./build/core/range/version-order.js
/*
 * Tags as versions: a prefix (`v`, `api-v`, `release-`), a dotted numeric core and an optional
 * semver pre-release. Only tags with the same prefix are comparable, so `v1.3.0` follows `v1.2.4`
 * and never `api-v9`.
 */
// The prefix ends before the first digit; build metadata (+...) is ignored, as semver says.
const VERSION_TAG = /^([^\d]*)(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseTagVersion(tag) {
    const match = VERSION_TAG.exec(tag);
    if (!match)
        return undefined;
    const [, prefix = '', digits = '', prerelease] = match;
    const numbers = digits.split('.').map(Number);
    if (!numbers.every(Number.isSafeInteger))
        return undefined;
    return { tag, prefix, numbers, prerelease: prerelease ? prerelease.split('.') : [] };
}
/** Negative when a < b, semver precedence (missing numeric parts count as 0). */
function compareVersions(a, b) {
    const length = Math.max(a.numbers.length, b.numbers.length);
    for (let i = 0; i < length; i++) {
        const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
        if (diff !== 0)
            return Math.sign(diff);
    }
    // A release ranks above its pre-releases.
    if (a.prerelease.length === 0 || b.prerelease.length === 0) {
        return Math.sign(b.prerelease.length - a.prerelease.length);
    }
    for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
        const diff = compareIdentifier(a.prerelease[i] ?? '', b.prerelease[i] ?? '');
        if (diff !== 0)
            return diff;
    }
    return Math.sign(a.prerelease.length - b.prerelease.length);
}
function compareIdentifier(a, b) {
    const numeric = /^\d+$/;
    if (numeric.test(a) && numeric.test(b))
        return Math.sign(Number(a) - Number(b));
    // Numeric identifiers rank below alphanumeric ones.
    if (numeric.test(a) !== numeric.test(b))
        return numeric.test(a) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./build/core/range/previous-base.js

/*
 * Where a deploy's commit range starts, chosen from lists the GitHub API returned. Pure: the
 * caller fetches, these functions only choose, so every rule is unit-tested without a server.
 */
/** Above this many commits a range is refused: it is almost surely not one deploy. */
const MAX_RANGE_COMMITS = 1000;
/**
 * The highest version below `current` with the same prefix. Pre-releases are skipped unless the
 * current tag is one, so `v1.3.0` covers everything since `v1.2.4`, not since `v1.3.0-rc.1`.
 */
function previousTag(current, tags) {
    const version = parseTagVersion(current);
    if (!version)
        return { kind: 'not-a-version' };
    let best;
    for (const tag of tags) {
        const candidate = parseTagVersion(tag);
        if (candidate?.prefix !== version.prefix)
            continue;
        if (candidate.prerelease.length > 0 && version.prerelease.length === 0)
            continue;
        if (compareVersions(candidate, version) >= 0)
            continue;
        if (!best || compareVersions(candidate, best) > 0)
            best = candidate;
    }
    return best ? { kind: 'tag', tag: best.tag } : { kind: 'first' };
}
/**
 * The newest non-draft release published before `current` (GitHub's list order is undocumented, so
 * we sort by published_at). A pre-release counts only when the current release is one too.
 */
function previousRelease(current, releases) {
    const currentTime = timeOf(current.publishedAt) ?? Number.POSITIVE_INFINITY;
    let best;
    for (const release of releases) {
        if (release.draft || release.tagName === current.tagName)
            continue;
        if (release.prerelease && !current.prerelease)
            continue;
        const time = timeOf(release.publishedAt);
        if (time === undefined || time >= currentTime)
            continue;
        if (!best || time > best.time)
            best = { tag: release.tagName, time };
    }
    return best?.tag;
}
/** The newest deployment (other than the current one) whose newest status is `success`. */
function lastSuccessfulDeployment(deployments, currentId) {
    return newestFirst(deployments).find((d) => d.id !== currentId && d.latestState === 'success');
}
/** The deployments to check, newest first, the current one left out: their statuses are read in this order until a success. */
function deploymentsToCheck(deployments, currentId) {
    return newestFirst(deployments).filter((d) => d.id !== currentId);
}
/** GitHub lists statuses newest first, but that order is not documented: sort. */
function latestStatusState(statuses) {
    return newestFirst(statuses)[0]?.state;
}
/** The newest completed, successful run on `branch`, never the current run. */
function lastSuccessfulRun(runs, branch, currentRunId) {
    return newestFirst(runs).find((run) => run.id !== currentRunId &&
        run.headBranch === branch &&
        run.status === 'completed' &&
        run.conclusion === 'success');
}
/** `owner/repo/.github/workflows/deploy.yml@refs/heads/main` -> deploy.yml (the Actions API accepts the file name). */
function workflowFileOf(workflowRef) {
    const path = workflowRef.split('@')[0] ?? '';
    const match = /\/\.github\/workflows\/([^/]+\.ya?ml)$/.exec(path);
    return match?.[1];
}
/** One log line saying what was searched: `v1.2.4...v1.3.0, 37 commits`. */
function describeRange(base, head, commits) {
    return `${base}...${head}, ${commits} commit${commits === 1 ? '' : 's'}`;
}
function newestFirst(items) {
    return [...items].sort((a, b) => (timeOf(b.createdAt) ?? 0) - (timeOf(a.createdAt) ?? 0) || b.id - a.id);
}
function timeOf(date) {
    if (date === null)
        return undefined;
    const time = Date.parse(date);
    return Number.isFinite(time) ? time : undefined;
}

;// CONCATENATED MODULE: ./build/core/range/range-plan.js


/** Events that deploy without a tag or release of their own: their base is a deployment or a run. */
const DEPLOY_EVENTS = [
    'deployment',
    'deployment_status',
    'workflow_dispatch',
    'workflow_run',
    'schedule',
    'repository_dispatch',
];
function planRange(input) {
    const { eventName, since } = input;
    if (since.kind === 'none')
        return { kind: 'none' };
    const payload = isRecord(input.payload) ? input.payload : {};
    const head = headOf(eventName, payload, input.sha);
    if (since.kind === 'ref') {
        return head
            ? { kind: 'ref', base: since.ref, head }
            : { kind: 'unknown', reason: `the commit being deployed is not known (GITHUB_SHA is not set)` };
    }
    if (eventName === 'push') {
        const ref = stringField(payload, 'ref') ?? input.ref ?? '';
        if (!ref.startsWith('refs/tags/') || payload.deleted === true)
            return { kind: 'event' };
        const tag = ref.slice('refs/tags/'.length);
        return { kind: 'tag', tag, head: tag };
    }
    if (eventName === 'release') {
        const release = isRecord(payload.release) ? payload.release : {};
        const tagName = stringField(release, 'tag_name');
        if (!tagName)
            return { kind: 'unknown', reason: 'the release event has no release.tag_name' };
        return {
            kind: 'release',
            release: {
                tagName,
                draft: release.draft === true,
                prerelease: release.prerelease === true,
                publishedAt: stringField(release, 'published_at') ?? null,
            },
            head: tagName,
        };
    }
    if (!DEPLOY_EVENTS.includes(eventName))
        return { kind: 'event' };
    if (!head)
        return { kind: 'unknown', reason: 'the commit being deployed is not known (GITHUB_SHA is not set)' };
    const deployment = isRecord(payload.deployment) ? payload.deployment : undefined;
    const environment = input.environment ?? (deployment && stringField(deployment, 'environment'));
    if (environment) {
        const id = deployment?.id;
        return {
            kind: 'deployment',
            environment,
            head,
            ...(typeof id === 'number' && Number.isSafeInteger(id) ? { currentId: id } : {}),
        };
    }
    const workflowFile = input.workflowRef ? workflowFileOf(input.workflowRef) : undefined;
    if (!workflowFile)
        return {
            kind: 'unknown',
            reason: 'the workflow file is not known (GITHUB_WORKFLOW_REF is not set), so its last successful run cannot be found',
        };
    const branch = range_plan_refName(input.ref);
    if (!branch)
        return { kind: 'unknown', reason: 'the branch is not known (GITHUB_REF is not set)' };
    const runId = Number(input.runId);
    return {
        kind: 'run',
        workflowFile,
        branch,
        head,
        ...(Number.isSafeInteger(runId) && runId > 0 ? { currentRunId: runId } : {}),
    };
}
/** The commit being deployed: the deployment's or upstream run's commit, else GITHUB_SHA, else the push's. */
function headOf(eventName, payload, sha) {
    const fromObject = (name, field) => {
        const object = payload[name];
        return isRecord(object) ? stringField(object, field) : undefined;
    };
    const candidates = eventName === 'deployment' || eventName === 'deployment_status'
        ? [fromObject('deployment', 'sha'), sha]
        : eventName === 'workflow_run'
            ? [fromObject('workflow_run', 'head_sha'), sha]
            : eventName === 'pull_request' || eventName === 'pull_request_target'
                ? [isRecord(payload.pull_request) ? headShaOfPull(payload.pull_request) : undefined, sha]
                : [sha, fromObject('head_commit', 'id')];
    return candidates.find((c) => typeof c === 'string' && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(c));
}
function headShaOfPull(pull) {
    return isRecord(pull.head) ? stringField(pull.head, 'sha') : undefined;
}
/** refs/heads/main -> main, refs/tags/v1 -> v1 (a tag run's head_branch is the tag name). */
function range_plan_refName(ref) {
    const match = /^refs\/(?:heads|tags)\/(.+)$/.exec(ref ?? '');
    return match?.[1];
}

;// CONCATENATED MODULE: ./build/commands/issues/deploy-range.js




/** How many deployments' statuses are read (one request each) before giving up. */
const MAX_DEPLOYMENTS_CHECKED = 50;
/** The token permission each lookup needs, for the 403 GitHub answers without it. */
const PERMISSION = {
    deployment: 'deployments: read',
    run: 'actions: read',
};
/** Finds the base of a deploy plan through the GitHub API and reads BASE...HEAD (every page). */
async function readDeployRange(plan, repository, github, eventMessages) {
    if (plan.kind === 'event')
        return { notices: [], warnings: [] };
    if (plan.kind === 'none')
        return { noCommits: true, why: 'since: none', notices: [], warnings: [] };
    const fallback = (why, say) => ({
        messages: eventMessages,
        why: `the event's own commits: ${why}`,
        notices: say.notice ? [say.notice] : [],
        warnings: say.warning ? [say.warning] : [],
    });
    const own = "searched only the event's own commits";
    if (plan.kind === 'unknown')
        return fallback(plan.reason, {
            notice: `Where this deploy starts cannot be found: ${plan.reason}; ${own}. Set \`since\` to a tag, branch or commit SHA.`,
        });
    const repo = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    if (!repo?.[1] || !repo[2])
        return fallback('no repository', {
            warning: `The repository ${JSON.stringify(repository)} is not "owner/repo"; ${own}.`,
        });
    if (!github)
        return fallback('no GitHub token', {
            warning: `No GitHub API access (github-token) to read the deploy's commits; ${own}.`,
        });
    const ctx = { owner: repo[1], repo: repo[2], github };
    let base;
    try {
        base = await findBase(plan, ctx);
    }
    catch (error) {
        const permission = PERMISSION[plan.kind] ?? 'contents: read';
        const hint = statusOf(error) === 403 ? ` (the token needs \`permissions: ${permission}\`)` : '';
        return fallback('the lookup failed', {
            warning: `Looking up where this deploy starts through the GitHub API failed: ${errorMessage(error)}${hint}; ${own}.`,
        });
    }
    if ('first' in base)
        return fallback(base.first, { notice: `First deploy: ${base.first}; ${own} (never the whole history).` });
    let read;
    try {
        read = await github.compareRange(ctx.owner, ctx.repo, base.base, plan.head, MAX_RANGE_COMMITS);
    }
    catch (error) {
        if (plan.kind === 'ref' && statusOf(error) === 404)
            throw new core_errors/* UserFacingError */.Ui(`\`since\` is ${JSON.stringify(plan.base)}, and GitHub cannot compare it with ${plan.head} in ${repository} (404: no such ref, or no common history).`, 'Give a tag, branch or commit SHA of this repository, or `auto`.');
        return fallback('the compare failed', {
            warning: `Reading the commits of ${base.base}...${plan.head} through the GitHub API failed: ${errorMessage(error)}; ${own}.`,
        });
    }
    return rangeRead(base.base, plan.head, read, base.why);
}
/** `since: REF` outside GitHub: REF..HEAD from the local clone. */
async function readLocalRange(base, git) {
    const read = await git.range(base, MAX_RANGE_COMMITS);
    return rangeRead(base, read.head, read, `since: ${base}, from the local git checkout`);
}
/** A range read (or refused above the limit), with its log line. */
function rangeRead(base, head, read, why) {
    const range = `${base}...${head}`;
    if (read.total > MAX_RANGE_COMMITS) {
        return {
            messages: [],
            range,
            line: `none: ${range} holds ${read.total} commits, more than ${MAX_RANGE_COMMITS} (${why})`,
            notices: [],
            warnings: [
                `The range ${range} holds ${read.total} commits, more than ${MAX_RANGE_COMMITS}: that is not one deploy, so no commit was searched. Set \`since\` to a nearer tag or commit SHA, or pass \`issues\` or \`jql\`.`,
            ],
        };
    }
    return {
        messages: read.messages,
        range,
        line: `${describeRange(base, head, read.messages.length)} (${why})`,
        notices: [],
        warnings: [],
    };
}
async function findBase(plan, ctx) {
    const { github, owner, repo } = ctx;
    switch (plan.kind) {
        case 'ref':
            return { base: plan.base, why: `since: ${plan.base}` };
        case 'tag': {
            const choice = previousTag(plan.tag, await github.listTagNames(owner, repo));
            if (choice.kind === 'tag')
                return { base: choice.tag, why: 'since the previous tag' };
            if (choice.kind === 'first')
                return { first: `no tag with the same prefix is older than ${plan.tag}` };
            return releaseBase({ tagName: plan.tag, draft: false, prerelease: false, publishedAt: null }, ctx);
        }
        case 'release':
            return releaseBase(plan.release, ctx);
        case 'deployment':
            return deploymentBase(plan.environment, plan.currentId, ctx);
        case 'run': {
            const runs = await github.listSuccessfulRuns(owner, repo, plan.workflowFile, plan.branch);
            const run = lastSuccessfulRun(runs, plan.branch, plan.currentRunId);
            return run
                ? { base: run.headSha, why: `since the last successful run of ${plan.workflowFile} on ${plan.branch}` }
                : { first: `no earlier successful run of ${plan.workflowFile} on ${plan.branch}` };
        }
    }
}
async function releaseBase(current, { github, owner, repo }) {
    const previous = previousRelease(current, await github.listReleases(owner, repo));
    if (previous)
        return { base: previous, why: 'since the previous release' };
    const kind = current.prerelease ? 'release or pre-release' : 'release (pre-releases and drafts do not count)';
    return { first: `no earlier ${kind} than ${current.tagName}` };
}
async function deploymentBase(environment, currentId, { github, owner, repo }) {
    const candidates = deploymentsToCheck(await github.listDeployments(owner, repo, environment), currentId);
    for (const deployment of candidates.slice(0, MAX_DEPLOYMENTS_CHECKED)) {
        const checked = {
            ...deployment,
            latestState: latestStatusState(await github.listDeploymentStatuses(owner, repo, deployment.id)),
        };
        if (checked.latestState === 'success')
            return { base: checked.sha, why: `since the last successful deployment to ${environment}` };
    }
    const checked = candidates.length > MAX_DEPLOYMENTS_CHECKED ? ` (of the latest ${MAX_DEPLOYMENTS_CHECKED})` : '';
    return { first: `no earlier deployment to ${environment} has a successful status${checked}` };
}
/** The event's own commit messages where the payload has them outside a push (discoverIssueKeys reads a push's). */
function eventOwnMessages(eventName, payload) {
    if (eventName === 'push')
        return undefined;
    const record = isRecord(payload) ? payload : {};
    const run = isRecord(record.workflow_run) ? record.workflow_run : {};
    const commit = [record.head_commit, run.head_commit].find(isRecord);
    const message = commit ? stringField(commit, 'message') : undefined;
    return message === undefined ? [] : [message];
}
function statusOf(error) {
    const status = isRecord(error) ? error.status : undefined;
    return typeof status === 'number' ? status : undefined;
}

;// CONCATENATED MODULE: ./build/commands/issues/find-issues.js




const searchedNone = (why) => ({
    range: '',
    commits: 0,
    line: `Commits searched: none (${why}).`,
});
/** `issues`, else `jql`, else the keys in the triggering event; then the `projects` filter. */
async function findCandidates(config, api, env) {
    const notices = [];
    const warnings = [];
    const keep = (keys) => new Set(filterByProjects(keys, config.projects));
    if (config.explicitKeys) {
        if (config.jql)
            warnings.push('Both `issues` and `jql` are set; `issues` takes precedence and `jql` is ignored.');
        const kept = keep(config.explicitKeys);
        return {
            candidates: config.explicitKeys.filter((k) => kept.has(k)).map((key) => ({ key, origin: 'explicit' })),
            notices,
            warnings,
            searched: searchedNone('`issues` names the issues'),
        };
    }
    if (config.jql) {
        const found = await api.search(config.jql);
        const kept = keep(found.map((i) => i.key));
        return {
            candidates: found.filter((i) => kept.has(i.key)).map((issue) => ({ key: issue.key, origin: 'jql', issue })),
            notices,
            warnings,
            searched: searchedNone('`jql` finds the issues'),
        };
    }
    const { event } = env;
    const repository = env.run.repository ?? '';
    let deploy;
    if (config.since.kind === 'ref' && env.git) {
        deploy = await readLocalRange(config.since.ref, env.git);
    }
    else if (!event) {
        notices.push('No triggering event to search: pass `issues` or `jql`.');
        return { candidates: [], notices, warnings, searched: searchedNone('no triggering event') };
    }
    else {
        const plan = planRange({
            eventName: event.name,
            payload: event.payload,
            since: config.since,
            environment: config.environment,
            sha: env.run.sha,
            ref: env.run.ref,
            workflowRef: env.workflowRef,
            runId: env.run.runId,
        });
        deploy = await readDeployRange(plan, repository, env.github, eventOwnMessages(event.name, event.payload));
    }
    notices.push(...deploy.notices);
    warnings.push(...deploy.warnings);
    const discovered = await discoverIssueKeys({
        eventName: event?.name ?? '',
        payload: event?.payload,
        repository,
        from: new Set(config.from),
        github: env.github,
        ...(deploy.messages ? { rangeMessages: deploy.messages } : {}),
        ...(deploy.noCommits ? { noCommits: true } : {}),
    });
    notices.push(...discovered.notices);
    warnings.push(...discovered.warnings);
    const range = deploy.range ?? discovered.range ?? '';
    const what = deploy.line ??
        describeEventCommits(range, discovered.commits, deploy.why ?? `the ${event?.name ?? ''} event's own commits`);
    const searched = { range, commits: discovered.commits, line: `Commits searched: ${what}.` };
    const keys = discovered.keys.map((k) => k.key);
    if (keys.length === 0)
        notices.push(`No issue keys found; commits searched: ${what}.`);
    const kept = keep(keys);
    const dropped = keys.filter((k) => !kept.has(k));
    if (dropped.length)
        notices.push(`Ignored keys outside projects (${config.projects.join(', ')}): ${dropped.join(', ')}.`);
    return {
        candidates: keys.filter((k) => kept.has(k)).map((key) => ({ key, origin: 'discovered' })),
        notices,
        warnings,
        searched,
    };
}
function describeEventCommits(range, commits, why) {
    if (range)
        return `${range}, ${commits} commit${commits === 1 ? '' : 's'} (${why})`;
    return `${commits === 0 ? 'none' : `${commits} commit${commits === 1 ? '' : 's'}`} (${why})`;
}

;// CONCATENATED MODULE: ./build/commands/issues/link-step.js

const GLOBAL_ID_LIMIT = 255;
/** A globalId per workflow run: Jira upserts by it, so every attempt of the run updates one link. */
function runGlobalId(runUrl) {
    const id = `jira-oauth-action:${runUrl}`;
    if (id.length <= GLOBAL_ID_LIMIT)
        return id;
    return `jira-oauth-action:sha256:${(0,external_node_crypto_.createHash)('sha256').update(runUrl).digest('hex')}`;
}
function runRemoteLink(runUrl, title) {
    return {
        globalId: runGlobalId(runUrl),
        application: { type: 'com.github.actions', name: 'GitHub Actions' },
        relationship: 'workflow run',
        object: {
            url: runUrl,
            title: title.slice(0, 255),
            icon: { url16x16: 'https://github.githubassets.com/favicons/favicon.png', title: 'GitHub Actions' },
        },
    };
}
/** Adds (or refreshes) the remote link to the workflow run on one issue. */
async function linkStep(api, key, link, dryRun) {
    // Jira DC answers 200 whether it created or updated, so look first to report which.
    const exists = await api.findRemoteLink(key, link.globalId);
    if (dryRun)
        return exists ? 'would-update' : 'would-create';
    await api.upsertRemoteLink(key, link);
    return exists ? 'updated' : 'created';
}

;// CONCATENATED MODULE: ./build/commands/issues/outcome.js
/** A step's failure, carrying the words for the results and the annotation. */
class StepError extends Error {
}

;// CONCATENATED MODULE: ./build/commands/issues/transition-step.js




const same = (a, b) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
function listTransitions(transitions) {
    return transitions.map((t) => `"${t.name}" (-> ${t.to.name})`).join(', ');
}
/**
 * A transition's name and its target status usually share a stem ("Deploy" -> "Deployed",
 * "Resolve" -> "Resolved", "Done" -> "Done"); used only when the named transition is not offered.
 */
function looksLikeTargetOf(status, transitionName) {
    const stem = transitionName.trim().toLowerCase().replace(/e$/, '');
    return stem.length >= 3 && status.trim().toLowerCase().startsWith(stem);
}
/** By transition name first, then by target status name: both are what people call "Deploy". */
function findTransition(transitions, name) {
    return transitions.find((t) => same(t.name, name)) ?? transitions.find((t) => same(t.to.name, name));
}
function exampleValue(field) {
    const allowed = field.allowedValues?.[0];
    if (allowed?.name)
        return `{"name": "${allowed.name}"}`;
    if (allowed?.value)
        return `{"value": "${allowed.value}"}`;
    if (allowed?.id)
        return `{"id": "${allowed.id}"}`;
    return '"..."';
}
function missingFieldsError(key, transition, missing) {
    const fields = transition.fields ?? {};
    const names = missing.map((id) => `${fields[id]?.name ?? id} (${id})`).join(', ');
    const example = `{${missing.map((id) => `"${id}": ${exampleValue(fields[id] ?? {})}`).join(', ')}}`;
    const allowed = missing.flatMap((id) => {
        const values = fields[id]?.allowedValues;
        return values?.length ? [`${id}: ${values.map((v) => v.name ?? v.value ?? v.id).join(', ')}`] : [];
    });
    return new StepError(`Transition "${transition.name}" on ${key} requires ${names}, which transition-fields does not set. ` +
        `Pass it, e.g. transition-fields: '${example}'${allowed.length ? ` (allowed: ${allowed.join('; ')})` : ''}.`);
}
/** Moves one issue to the requested status unless it is there already. */
async function transitionStep(api, issue, request, dryRun) {
    if (same(issue.status, request.name))
        return { outcome: 'already-in-status', statusAfter: issue.status, notes: [] };
    const transitions = await api.getTransitions(issue.key);
    const transition = findTransition(transitions, request.name);
    if (!transition && looksLikeTargetOf(issue.status, request.name)) {
        // A re-run after "Deploy" moved the issue to "Deployed": the transition is gone from here.
        return {
            outcome: 'already-in-status',
            statusAfter: issue.status,
            notes: [
                `No "${request.name}" transition is available from "${issue.status}", which looks like its target; left alone. Set transition to the status name ("${issue.status}") to make this exact.`,
            ],
        };
    }
    if (!transition) {
        throw new StepError(transitions.length === 0
            ? `No transition is available on ${issue.key} (status "${issue.status}"): the Jira user lacks the Transition Issues permission, or the workflow has no way out of this status.`
            : `No transition "${request.name}" is available on ${issue.key} (status "${issue.status}"). Available: ${listTransitions(transitions)}. Set transition to one of those names or target statuses; a target status name also lets re-runs recognise issues already there.`);
    }
    if (same(transition.to.name, issue.status))
        return { outcome: 'already-in-status', statusAfter: issue.status, notes: [] };
    const screen = transition.fields ?? {};
    const given = request.fields ?? {};
    const notes = [];
    // Jira refuses fields that are not on the transition screen, so send only those that are.
    const dropped = Object.keys(given).filter((id) => !(id in screen));
    if (dropped.length)
        notes.push(`transition-fields ${dropped.join(', ')} not on the "${transition.name}" screen of ${issue.key}; not sent.`);
    const fields = Object.fromEntries(Object.entries(given).filter(([id]) => id in screen));
    const missing = Object.entries(screen)
        .filter(([id, f]) => f.required && !f.hasDefaultValue && !(id in fields))
        .map(([id]) => id);
    if (missing.length)
        throw missingFieldsError(issue.key, transition, missing);
    if (dryRun)
        return { outcome: 'would-transition', statusAfter: transition.to.name, notes };
    const sendFields = Object.keys(fields).length ? fields : undefined;
    // Jira may move the issue and still fail the answer: its status tells, without a blind second POST.
    const note = await sendWithoutDuplicates('transition', async () => {
        const response = await api.transition(issue.key, transition.id, sendFields);
        if ((0,expect/* isSuccess */.oJ)(response))
            return { ok: true };
        const fieldErrors = (0,jira_errors/* jiraFieldErrors */.uY)(response.body);
        if (response.status === 400 && Object.keys(fieldErrors).length) {
            throw new StepError(`Jira refused transition "${transition.name}" on ${issue.key}: ${Object.entries(fieldErrors)
                .map(([f, m]) => `${f}: ${m}`)
                .join('; ')}. Fix transition-fields (the screen's fields: ${Object.keys(screen).join(', ') || 'none'}).`);
        }
        return { ok: false, failure: (0,expect/* httpFailure */.tG)(response, `Transition "${transition.name}" on ${issue.key}`) };
    }, async () => {
        const now = await api.getIssue(issue.key);
        if (now && same(now.status, transition.to.name))
            return 'done';
        return now && same(now.status, issue.status) ? 'not-done' : 'unknown';
    });
    return { outcome: 'transitioned', statusAfter: transition.to.name, notes: note ? [...notes, note] : notes };
}

;// CONCATENATED MODULE: ./build/commands/issues/run-issues.js










/** One issue, every requested operation, each failure caught: its result always comes back. */
async function processIssue(api, plan, issue) {
    const { config, env } = plan;
    let statusAfter = issue.status;
    const outcomes = {
        transition: 'not-requested',
        comment: 'not-requested',
        link: 'not-requested',
    };
    const notes = [];
    const errors = [];
    const step = async (name, body) => {
        try {
            outcomes[name] = await body();
        }
        catch (error) {
            if (error instanceof jira_errors/* JiraOAuthError */.mP)
                throw error;
            outcomes[name] = 'failed';
            errors.push((0,core_errors/* describeError */.Uc)(error));
        }
    };
    if (config.transition) {
        const request = config.transition;
        await step('transition', async () => {
            const result = await transitionStep(api, issue, request, config.dryRun);
            statusAfter = result.statusAfter;
            notes.push(...result.notes);
            return result.outcome;
        });
    }
    if (config.comment !== undefined && plan.marker) {
        const template = config.comment;
        const marker = plan.marker;
        await step('comment', async () => {
            const body = withMarker(renderTemplate(template, buildTemplateValues(env.run, issue.key, statusAfter)), marker);
            const result = await commentStep(api, issue.key, body, marker, plan.me, config.dryRun);
            notes.push(...result.notes);
            return result.outcome;
        });
    }
    const url = runUrlOf(env.run);
    if (config.link && url) {
        await step('link', () => linkStep(api, issue.key, runRemoteLink(url, renderTemplate(config.linkTitle, buildTemplateValues(env.run, issue.key, statusAfter))), config.dryRun));
    }
    return {
        key: issue.key,
        summary: issue.summary,
        url: plan.browseUrl(issue.key),
        statusBefore: issue.status,
        statusAfter,
        ...outcomes,
        ok: errors.length === 0,
        ...(errors.length ? { error: errors.join('\n') } : {}),
        notes,
    };
}
function failedResult(plan, key, error) {
    return {
        key,
        summary: '',
        url: plan.browseUrl(key),
        statusBefore: '',
        statusAfter: '',
        transition: 'failed',
        comment: 'failed',
        link: 'failed',
        ok: false,
        error,
        notes: [],
    };
}
/**
 * The `issues` command: find the issues, then transition, comment and link each one, `concurrency`
 * at a time. One issue's failure never stops the others; credential problems (OAuth) stop all.
 */
async function runIssues(config, api, env) {
    const url = runUrlOf(env.run);
    if (config.link && !url)
        throw new core_errors/* ConfigError */.xL('`link` needs the URL of the CI run, and none is known: GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID (GitHub Actions), CI_PIPELINE_URL (GitLab CI) or BUILD_URL (Jenkins) are not set.', 'Run it inside one of those CI systems, or set those variables.');
    const notices = [];
    // Without a run id every run would share one marker, and a later run's comment would be taken
    // for an earlier one's: then each run gets a marker of its own (no de-duplication across re-runs).
    let runIdentity = String(env.run.runId ?? '');
    if (runIdentity === '' && config.comment !== undefined) {
        runIdentity = `unidentified:${(0,external_node_crypto_.randomUUID)()}`;
        notices.push('No CI run id (GITHUB_RUN_ID, GitLab CI_PIPELINE_ID or Jenkins BUILD_TAG): each run posts its own comment; re-runs cannot be recognised.');
    }
    // One cheap call that proves the credentials before any issue is touched; also the comment author.
    const me = await api.myself();
    const plan = {
        config,
        env,
        me,
        marker: config.comment === undefined
            ? undefined
            : commentMarker({
                repository: env.run.repository ?? '',
                runId: runIdentity,
                job: env.run.job ?? '',
                step: env.stepId,
                template: config.comment,
            }),
        browseUrl: (key) => `${api.client.config.baseUrl}/browse/${encodeURIComponent(key)}`,
    };
    const found = await findCandidates(config, api, env);
    notices.push(...found.notices);
    const pool = new semaphore/* Semaphore */.j(config.concurrency);
    // Credentials Jira refuses for one issue are refused for all: stop starting new issues, but let
    // those in flight finish, and report every issue (the ones not started included).
    let fatal;
    const outcomes = await Promise.all(found.candidates.map((candidate) => pool.run(async () => {
        if (fatal)
            return { candidate, result: failedResult(plan, candidate.key, `Not attempted: ${fatal.message}`) };
        try {
            const issue = candidate.issue ?? (await api.getIssue(candidate.key));
            if (!issue) {
                if (candidate.origin === 'discovered') {
                    notices.push(`${candidate.key} looks like an issue key but Jira has no such issue (or the user cannot see it); skipped.`);
                    return { candidate };
                }
                return {
                    candidate,
                    result: failedResult(plan, candidate.key, `${candidate.key} does not exist, or the Jira user who authorized the token cannot see it (Jira answers 404 for both). Check the key and the project permissions.`),
                };
            }
            return { candidate, issue, result: await processIssue(api, plan, issue) };
        }
        catch (error) {
            if (error instanceof jira_errors/* JiraOAuthError */.mP)
                fatal ??= error;
            return { candidate, result: failedResult(plan, candidate.key, (0,core_errors/* describeError */.Uc)(error)) };
        }
    })));
    const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
    return {
        issues: outcomes.flatMap((o) => (o.issue ? [o.issue.key] : [])),
        results,
        failed: results.filter((r) => !r.ok).map((r) => r.key),
        notices,
        warnings: found.warnings,
        searched: found.searched,
        ...(fatal ? { fatal } : {}),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/config/run-context.js
/**
 * The CI run, from the environment: GitHub Actions first (the action, and the CLI inside a
 * workflow), then GitLab CI and Jenkins for the CLI elsewhere. The run id identifies the run
 * across re-runs; the comment marker and the remote link's globalId are built from it.
 */
function runContextFromEnv(env, payload) {
    if (env.GITHUB_RUN_ID)
        return gitHubContext(env, payload);
    if (env.GITLAB_CI && env.CI_PIPELINE_ID) {
        return {
            repository: env.CI_PROJECT_PATH,
            runId: `gitlab:${env.CI_PIPELINE_ID}`,
            runUrl: env.CI_PIPELINE_URL,
            runNumber: env.CI_PIPELINE_IID,
            job: env.CI_JOB_NAME,
            sha: env.CI_COMMIT_SHA,
            ref: env.CI_COMMIT_REF_NAME,
            actor: env.GITLAB_USER_LOGIN,
            eventName: env.CI_PIPELINE_SOURCE,
        };
    }
    if (env.JENKINS_URL && env.BUILD_TAG) {
        return {
            runId: `jenkins:${env.BUILD_TAG}`,
            runUrl: env.BUILD_URL,
            runNumber: env.BUILD_NUMBER,
            job: env.JOB_NAME,
            workflow: env.JOB_NAME,
            sha: env.GIT_COMMIT,
            ref: env.GIT_BRANCH,
        };
    }
    return gitHubContext(env, payload);
}
function gitHubContext(env, payload) {
    const pull = payload?.pull_request;
    return {
        serverUrl: env.GITHUB_SERVER_URL,
        repository: env.GITHUB_REPOSITORY,
        runId: env.GITHUB_RUN_ID,
        runNumber: env.GITHUB_RUN_NUMBER,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        headRef: env.GITHUB_HEAD_REF || undefined,
        actor: env.GITHUB_ACTOR,
        eventName: env.GITHUB_EVENT_NAME,
        pullRequestNumber: typeof pull?.number === 'number' ? pull.number : undefined,
    };
}

;// CONCATENATED MODULE: ./build/config/issues-environment.js


/** The triggering event from GITHUB_EVENT_NAME / GITHUB_EVENT_PATH; an unreadable file counts as an empty payload. */
function readEvent(env) {
    if (!env.GITHUB_EVENT_NAME || !env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        return { name: env.GITHUB_EVENT_NAME, payload: JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8')) };
    }
    catch {
        return { name: env.GITHUB_EVENT_NAME, payload: {} };
    }
}
/**
 * What `issues` knows of the run, from the GitHub Actions variables (the CLI reads them too); a
 * token enables the API through `commitsPort` (lazyOctokitCommitsPort in both adapters; tests may pass another).
 */
function issuesEnvironmentFromEnv(env, githubToken, commitsPort) {
    const event = readEvent(env);
    return {
        run: runContextFromEnv(env, event?.payload),
        stepId: env.GITHUB_ACTION ?? '',
        event,
        github: githubToken ? commitsPort(githubToken) : undefined,
        workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
    };
}

;// CONCATENATED MODULE: ./build/github/lazy-commits-port.js
/**
 * octokitCommitsPort, loaded on first use: importing @actions/github reads (and may print about)
 * GITHUB_EVENT_PATH at load time, which a run that never calls GitHub must not pay for (nor its start-up time).
 */
function lazyOctokitCommitsPort(token) {
    let port;
    const load = () => (port ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(157), __webpack_require__.e(992)]).then(__webpack_require__.bind(__webpack_require__, 992)).then((m) => m.octokitCommitsPort(token)));
    return {
        listPullRequestCommitMessages: async (...args) => (await load()).listPullRequestCommitMessages(...args),
        compareCommitMessages: async (...args) => (await load()).compareCommitMessages(...args),
        compareRange: async (...args) => (await load()).compareRange(...args),
        listTagNames: async (...args) => (await load()).listTagNames(...args),
        listReleases: async (...args) => (await load()).listReleases(...args),
        listDeployments: async (...args) => (await load()).listDeployments(...args),
        listDeploymentStatuses: async (...args) => (await load()).listDeploymentStatuses(...args),
        listSuccessfulRuns: async (...args) => (await load()).listSuccessfulRuns(...args),
    };
}

// EXTERNAL MODULE: ./build/action/report.js
var report = __webpack_require__(5773);
;// CONCATENATED MODULE: ./build/action/issues-command.js









function summaryRows(results) {
    const header = ['Issue', 'Summary', 'Status before', 'Status after', 'Transition', 'Comment', 'Link', 'Result'].map((data) => ({ data, header: true }));
    return [
        header,
        ...results.map((r) => [
            `<a href="${(0,report/* escapeHtml */.ZD)(r.url)}">${(0,report/* escapeHtml */.ZD)(r.key)}</a>`,
            (0,report/* escapeHtml */.ZD)(r.summary),
            (0,report/* escapeHtml */.ZD)(r.statusBefore),
            (0,report/* escapeHtml */.ZD)(r.statusAfter),
            STEP_LABELS[r.transition],
            STEP_LABELS[r.comment],
            STEP_LABELS[r.link],
            r.ok ? 'ok' : `failed: ${(0,report/* escapeHtml */.ZD)(r.error ?? '')}`,
        ]),
    ];
}
function setOutputs(ctx, result) {
    ctx.core.setOutput('issues', JSON.stringify(result.issues));
    ctx.core.setOutput('results', JSON.stringify(result.results));
    ctx.core.setOutput('failed', JSON.stringify(result.failed));
    ctx.core.setOutput('range', result.searched.range);
    ctx.core.setOutput('commits', String(result.searched.commits));
    ctx.core.setOutput('release-notes', releaseNotes(result.results));
}
/** `issues`: find the run's issues, transition / comment / link each, report every one. */
async function issuesCommand(ctx) {
    const { inputs, client, core, env } = ctx;
    const config = readIssuesConfig(inputs);
    const result = await runIssues(config, new IssuesApi(client), issuesEnvironmentFromEnv(env, inputs.optional('github-token'), lazyOctokitCommitsPort));
    core.info(result.searched.line);
    for (const notice of result.notices)
        core.notice(notice);
    for (const warning of result.warnings)
        core.warning(warning);
    for (const r of result.results) {
        for (const line of issueResultLines(r))
            core.info(line);
        if (!r.ok)
            core.error(r.error ?? 'failed', { title: `Jira ${r.key}` });
    }
    setOutputs(ctx, result);
    await (0,report/* writeSummary */.Sy)(core, env, (s) => {
        s.addHeading(`Jira issues${config.dryRun ? ' (dry run: nothing changed)' : ''}`, 3);
        if (result.results.length === 0)
            s.addRaw('<p>No Jira issues found.</p>', true);
        else
            s.addTable(summaryRows(result.results));
        for (const line of [result.searched.line, ...result.notices, ...result.warnings])
            s.addRaw(`<p>${(0,report/* escapeHtml */.ZD)(line)}</p>`, true);
    });
    // Refused credentials fail the run with Jira's diagnosis, after every issue was reported.
    if (result.fatal)
        throw result.fatal;
    const message = issuesFailureMessage(result);
    if (message) {
        if (config.failOnError)
            throw new core_errors/* UserFacingError */.Ui(message, ISSUES_FAILED_HINT);
        core.warning(`${message} (fail-on-error is false, so the step goes on.)`);
    }
}


/***/ })

};
