export const id = 66;
export const ids = [66];
export const modules = {

/***/ 8066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  issuesCommand: () => (/* binding */ issuesCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/core/errors.js
var core_errors = __webpack_require__(2807);
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
            ci: 'gitlab-ci',
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
            ci: 'jenkins',
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
        // Without GITHUB_RUN_ID this is a run outside CI (or of a CI not told apart): its facts, if any, are GitHub's names.
        ci: env.GITHUB_RUN_ID || env.GITHUB_ACTIONS === 'true' ? 'github-actions' : 'other',
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

// EXTERNAL MODULE: ./build/core/input-label.js
var input_label = __webpack_require__(9541);
;// CONCATENATED MODULE: ./build/config/issues-environment.js





function eventSourceFromEnv(env) {
    return {
        path: env.GITHUB_EVENT_PATH || undefined,
        pathLabel: 'GITHUB_EVENT_PATH',
        name: env.GITHUB_EVENT_NAME || undefined,
        nameLabel: 'GITHUB_EVENT_NAME',
    };
}
/**
 * The triggering event. A named event file that cannot be read or is not JSON, or one without its
 * event name, is an error in words before any request: taken as an empty event, a run would find no
 * issues and end green having done nothing.
 */
function readEvent(source, label = input_label/* plainLabel */.p) {
    const { path, name } = source;
    if (!path)
        return undefined;
    if (!name)
        throw new core_errors/* ConfigError */.xL(`${source.pathLabel} names an event file but ${source.nameLabel} is not set.`, `Set ${source.nameLabel} to the name of the event in that file (push, pull_request, release, ...).`);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw eventFileError(source, name, `cannot be read (${describeFsError(error)})`, label);
    }
    try {
        return { name, payload: JSON.parse(text) };
    }
    catch (error) {
        throw eventFileError(source, name, `is not JSON (${error.message})`, label);
    }
}
function describeFsError(error) {
    const code = error.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    if (code === 'EISDIR')
        return 'it is a folder';
    return code ?? String(error);
}
function eventFileError(source, name, problem, label) {
    return new core_errors/* ConfigError */.xL(`The event file ${source.path ?? ''}, from ${source.pathLabel}, for the ${name} event, ${problem}.`, `Point ${source.pathLabel} at the JSON payload of the event, or leave it unset and name the issues with ${label('issues')} or ${label('jql')}.`);
}
/**
 * What `issues` knows of the run, from the CI variables (the CLI reads them too); a GitHub token
 * enables the API (octokit, loaded on first use) for commits beyond the event payload.
 */
function issuesEnvironmentFromEnv(env, githubToken, label, source = eventSourceFromEnv(env)) {
    const event = readEvent(source, label);
    return {
        run: runContextFromEnv(env, event?.payload),
        stepId: env.GITHUB_ACTION ?? '',
        event,
        github: githubToken ? lazyOctokitCommitsPort(githubToken) : undefined,
        workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
    };
}

;// CONCATENATED MODULE: ./build/core/json-fields.js
/** Reading untrusted JSON (event payloads, API answers) field by field, every type checked. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringField(record, name) {
    const value = record[name];
    return typeof value === 'string' ? value : undefined;
}

// EXTERNAL MODULE: ./build/core/inner-blanks.js
var inner_blanks = __webpack_require__(6316);
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
    // An invisible character would not show in the list of bad values: name it and where it is.
    tokens.forEach((token, index) => {
        (0,inner_blanks/* refuseInnerBlanks */.g)(token, `${inputName}, value ${index + 1},`, 'Remove it: issue keys are letters, "-" and digits.');
    });
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

;// CONCATENATED MODULE: ./build/core/commit-sha.js
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** A full git commit id: 40 hex digits (SHA-1), or 64 in a SHA-256 repository. */
function isCommitSha(value) {
    return FULL_SHA.test(value);
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
async function discoverIssueKeys(input) {
    const found = new KeyCollector();
    const notices = [];
    const warnings = [];
    const { eventName } = input;
    const label = input.label ?? input_label/* plainLabel */.p;
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
            `Pass the issue keys in ${label('issues')}, a JQL query in ${label('jql')}, or where the commits start in ${label('since')}.`);
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
            else if (!isCommitSha(before) || after === undefined || !isCommitSha(after)) {
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
        if (before && after && isCommitSha(before) && !ZERO_SHA.test(before) && isCommitSha(after))
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
                if (base && head && isCommitSha(base) && isCommitSha(head))
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

;// CONCATENATED MODULE: ./build/core/issues/labels.js

/** Jira refuses a label with whitespace ("contains spaces which is invalid") and, in the UI, over 255 characters. */
const LABEL_MAX = 255;
/**
 * The `labels` input: labels separated by commas or new lines, trimmed, duplicates dropped.
 * A label with whitespace inside is refused here, before any request, naming the input.
 */
function parseLabels(text, inputName) {
    const labels = [
        ...new Set(text
            .split(/[,\r\n]+/)
            .map((label) => label.trim())
            .filter(Boolean)),
    ];
    const spaced = labels.filter((label) => /\s/.test(label));
    if (spaced.length > 0)
        throw new core_errors/* ConfigError */.xL(`${inputName} has ${spaced.length === 1 ? 'a label' : 'labels'} with spaces: ${spaced.map((l) => JSON.stringify(l)).join(', ')}. Jira labels cannot contain spaces.`, `Separate labels with commas or new lines, and join words with "-" or "_" (e.g. ${JSON.stringify((spaced[0] ?? '').replace(/\s+/g, '-'))}).`);
    const long = labels.find((label) => label.length > LABEL_MAX);
    if (long)
        throw new core_errors/* ConfigError */.xL(`${inputName} has a label of ${long.length} characters; Jira allows at most ${LABEL_MAX}.`, 'Shorten the label.');
    return labels;
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
/** The known placeholders a template uses, each once, in order (escaped ones are text). */
function placeholdersIn(template) {
    const names = tokenize(template).flatMap((token) => token.kind === 'placeholder' && isTemplateVariable(token.name) ? [token.name] : []);
    return [...new Set(names)];
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
/**
 * Fills the placeholders for text Jira shows as plain text (a remote link's title, a version
 * name): values go in as given, on one line, with no wiki escaping that would show as backslashes.
 */
function renderPlainTemplate(template, values) {
    let out = '';
    for (const token of tokenize(template)) {
        // A backslash before a placeholder escapes it; in plain text the backslash itself goes.
        if (token.kind === 'text')
            out += token.text.replace(/\\(\{\{)/g, '$1');
        else if (!isTemplateVariable(token.name))
            out += token.raw;
        else
            out += values[token.name] ?? '';
    }
    return out.replace(LINE_BREAKS_AND_CONTROLS, ' ');
}
/** Whether the template uses a placeholder (e.g. {{status}}, which waits for the transition). */
function usesVariable(template, name) {
    return tokenize(template).some((token) => token.kind === 'placeholder' && token.name === name);
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
    // The input table gives link-title its default.
    const linkTitle = inputs.optional('link-title') ?? '';
    validateTemplate(linkTitle, inputs.label('link-title'));
    const fixVersion = inputs.optional('fix-version');
    if (fixVersion !== undefined)
        validateTemplate(fixVersion, inputs.label('fix-version'));
    const releaseVersion = inputs.boolean('release-version', false);
    if (releaseVersion && fixVersion === undefined)
        throw new core_errors/* ConfigError */.xL(`${inputs.label('release-version')} is true but ${inputs.label('fix-version')} is not set.`, `Set ${inputs.label('fix-version')} to the version to release (e.g. {{ref-name}}).`);
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
        ...(fixVersion === undefined ? {} : { fixVersion, versionDescription: inputs.optional('version-description') }),
        releaseVersion,
        labels: parseLabels(inputs.optional('labels') ?? '', inputs.label('labels')),
        dryRun: inputs.boolean('dry-run', false),
        concurrency: inputs.integer('concurrency', 4, 1, 16),
        failOnError: inputs.boolean('fail-on-error', true),
        label: inputs.label,
    };
}

// EXTERNAL MODULE: ./build/jira/expect.js
var expect = __webpack_require__(6564);
;// CONCATENATED MODULE: ./build/commands/issues/jira-api.js

const BASIC_FIELDS = { fields: ['summary', 'status', 'project'], expand: [] };
const issuePath = (key) => `/rest/api/2/issue/${encodeURIComponent(key)}`;
/** What Jira answered, and nothing it did not: an absent field stays undefined, never "empty". */
function snapshotOf(raw, fallbackKey) {
    const key = raw.key ?? fallbackKey;
    const f = raw.fields ?? {};
    const comment = f.comment;
    const items = comment?.comments;
    // Transitions without `fields` cannot show a required field or the screen: read them again.
    const transitions = raw.transitions?.every((t) => t.fields !== undefined) ? raw.transitions : undefined;
    return {
        key,
        summary: f.summary ?? '',
        status: f.status?.name ?? '',
        project: f.project?.key ?? key.replace(/-\d+$/, ''),
        ...(items ? { comments: { items, complete: (comment.total ?? items.length) <= items.length } } : {}),
        ...(transitions ? { transitions } : {}),
        ...(f.fixVersions ? { fixVersions: f.fixVersions.flatMap((v) => (v.name === undefined ? [] : [v.name])) } : {}),
        ...(f.labels ? { labels: f.labels } : {}),
    };
}
/** Thin typed calls over the client: one function per REST endpoint the command uses. */
class IssuesApi {
    client;
    constructor(client) {
        this.client = client;
    }
    /** The issue, or undefined when Jira answers 404 (missing, or not visible to the user). */
    async getIssue(key, want = BASIC_FIELDS) {
        const response = await this.client.request({
            method: 'GET',
            path: issuePath(key),
            query: [
                ['fields', want.fields.join(',')],
                ...(want.expand.length ? [['expand', want.expand.join(',')]] : []),
            ],
        });
        if (response.status === 404)
            return undefined;
        return snapshotOf((0,expect/* expectJson */.sI)(response, `Reading ${key}`), key);
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
    /** Jira answers 404 for a comment already gone (another run removed it): that is done too. */
    async deleteComment(key, id) {
        const response = await this.client.request({
            method: 'DELETE',
            path: `${issuePath(key)}/comment/${encodeURIComponent(id)}`,
            idempotent: true,
        });
        if (response.status !== 404)
            (0,expect/* expectJson */.sI)(response, `Removing duplicate comment ${id} on ${key}`);
    }
    async updateComment(key, id, body) {
        const response = await this.client.request({
            method: 'PUT',
            path: `${issuePath(key)}/comment/${encodeURIComponent(id)}`,
            json: { body },
        });
        (0,expect/* expectJson */.sI)(response, `Updating comment ${id} on ${key}`);
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
    /**
     * Every issue a JQL query returns, all pages. POST keeps the JQL in the (unsigned) JSON body.
     * `validateQuery: false` makes Jira drop values that name nothing (an unknown key) instead of
     * failing the whole search; a 400 is then a syntax error, or a Jira that does not know the option.
     */
    async search(jql, want = BASIC_FIELDS, options = {}) {
        const what = options.what ?? `Searching with ${this.client.label('jql')}`;
        const issues = [];
        for (let startAt = 0;;) {
            const response = await this.client.request({
                method: 'POST',
                path: '/rest/api/2/search',
                json: {
                    jql,
                    startAt,
                    maxResults: 100,
                    fields: want.fields,
                    ...(want.expand.length ? { expand: want.expand } : {}),
                    ...(options.validateQuery === false ? { validateQuery: false } : {}),
                },
                idempotent: true,
            });
            if (response.status === 400)
                throw (0,expect/* httpFailure */.tG)(response, `${what}: Jira refused the query`);
            const page = (0,expect/* expectJson */.sI)(response, what);
            const items = page.issues ?? [];
            issues.push(...items.map((raw) => snapshotOf(raw, raw.key ?? '')));
            startAt += items.length;
            if (items.length === 0 || startAt >= (page.total ?? 0))
                return issues;
        }
    }
    async myself() {
        return (0,expect/* expectJson */.sI)(await this.client.request({ method: 'GET', path: '/rest/api/2/myself' }), 'Reading the current user');
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/core/run/run-context.js
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

;// CONCATENATED MODULE: ./build/core/issues/run-facts.js




const NO_RUN = 'GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID (GitHub Actions), CI_PIPELINE_URL (GitLab CI) or BUILD_URL (Jenkins) are not set.';
/** The placeholders of `template` that would render empty for this run (every issue has `issue` and `status`). */
function placeholdersWithoutValue(template, ctx) {
    const values = buildTemplateValues(ctx, 'ISSUE-1', 'status');
    return placeholdersIn(template).filter((name) => values[name] === undefined);
}
/**
 * Outside a CI run (no run URL known), refuses what has no value there, before any request: `link`
 * (and so its title), and placeholders in the comment that would render empty. Inside CI a placeholder
 * with no value for this event (say {{pull-request-url}} on a push) still renders empty.
 */
function requireRunFacts(request, ctx, label = input_label/* plainLabel */.p) {
    if (runUrlOf(ctx) !== undefined)
        return;
    if (request.link)
        throw new core_errors/* ConfigError */.xL(`${label('link')} needs the URL of the CI run, and none is known: ${NO_RUN}`, 'Run it inside one of those CI systems, or set those variables.');
    const missing = request.comment === undefined ? [] : placeholdersWithoutValue(request.comment, ctx);
    if (missing.length > 0) {
        const list = missing.map((p) => `{{${p}}}`).join(', ');
        throw new core_errors/* ConfigError */.xL(`${label('comment')} uses ${list}, which ${missing.length === 1 ? 'has' : 'have'} no value outside a CI run: ${NO_RUN}`, `Run it inside one of those CI systems, set those variables, or write the text instead of ${list}.`);
    }
}

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

// EXTERNAL MODULE: ./build/jira/may-have-acted.js
var may_have_acted = __webpack_require__(6627);
;// CONCATENATED MODULE: ./build/commands/issues/ambiguity.js


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
    if (!(0,may_have_acted/* mayHaveActed */.LR)(first.failure))
        throw first.failure;
    const why = (0,core_errors/* describeError */.Uc)(first.failure).split('\n')[0];
    const state = await check();
    if (state === 'done')
        return `The ${what} request failed (${why}) but Jira had carried it out.`;
    if (state === 'unknown')
        throw first.failure;
    const second = await attempt(send);
    if (!second.ok) {
        // Say what happened: the request was sent twice, not "not retried" as a lone failure would say.
        const again = second.failure instanceof core_errors/* UserFacingError */.Ui ? second.failure.message : (0,core_errors/* describeError */.Uc)(second.failure);
        throw new core_errors/* UserFacingError */.Ui(`The ${what} request failed (${why}); Jira had not carried it out, so it was sent once more, and that failed too: ${again}`, (0,may_have_acted/* mayHaveActed */.LR)(second.failure)
            ? 'Jira may have acted on the second attempt: check the issue before re-running the step (a re-run finds its comment and does not repeat it).'
            : 'Jira acted on neither attempt; re-running the step is safe.');
    }
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
/** Oldest first: by creation time, then by id (Jira's ids grow). */
const oldestFirst = (a, b) => (a.created ?? '').localeCompare(b.created ?? '') || Number(a.id) - Number(b.id);
/** Our copies of this step's comment (our marker, our user), oldest first. */
function ownCopies(comments, marker, me) {
    return comments
        .filter((c) => typeof c.body === 'string' && c.body.includes(marker) && writtenBy(c, me))
        .sort(oldestFirst);
}
/** Every comment: from the batched read when Jira gave them all, else every page of the comment endpoint. */
async function allComments(api, issue) {
    return issue.comments?.complete ? issue.comments.items : api.listComments(issue.key);
}
/**
 * Keeps the oldest copy and removes the others: two runs that posted at the same time (a re-run
 * racing the original, matrix legs) converge on one comment, whichever of them gets here.
 */
async function removeDuplicates(api, key, copies) {
    const extra = copies.slice(1);
    if (extra.length === 0)
        return [];
    for (const copy of extra)
        await api.deleteComment(key, copy.id);
    return [
        `Removed ${extra.length} duplicate of this step's comment (${extra.map((c) => c.id).join(', ')}), posted by a run at the same time; kept comment ${copies[0]?.id ?? ''}.`,
    ];
}
/** Posts the step's comment, or updates the copy an earlier attempt posted: never a duplicate. */
async function commentStep(api, issue, body, marker, me, dryRun) {
    const key = issue.key;
    const copies = ownCopies(await allComments(api, issue), marker, me);
    const existing = copies[0];
    if (existing) {
        const notes = dryRun ? [] : await removeDuplicates(api, key, copies);
        if (existing.body.trim() === body.trim())
            return { outcome: 'unchanged', notes };
        if (dryRun)
            return { outcome: 'would-update', notes };
        await api.updateComment(key, existing.id, body);
        return { outcome: 'updated', notes };
    }
    if (dryRun)
        return { outcome: 'would-create', notes: [] };
    let postedId;
    // Jira may store the comment and still fail the answer: the marker tells, without a blind second POST.
    const sent = await sendWithoutDuplicates('comment', async () => {
        const response = await api.addComment(key, body);
        if (!(0,expect/* isSuccess */.oJ)(response))
            return { ok: false, failure: (0,expect/* httpFailure */.tG)(response, `Commenting on ${key}`) };
        postedId = idOf(response.body);
        return { ok: true };
    }, async () => (ownCopies(await api.listComments(key), marker, me).length > 0 ? 'done' : 'not-done'));
    return { outcome: 'created', notes: sent ? [sent] : [], ...(postedId ? { postedId } : {}) };
}
function idOf(body) {
    try {
        const id = JSON.parse(body)?.id;
        return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * After the writes: the issue as read back by one batched search. Jira's search index may lag
 * behind a comment just posted, so the read-back counts only when it shows our own new comment
 * (then it also shows every comment posted before ours); otherwise the comment endpoint, which
 * reads the database, decides. Returns what was done, for the issue's notes.
 */
async function convergeComments(api, readBack, key, postedId, marker, me) {
    const items = readBack?.comments?.complete ? readBack.comments.items : undefined;
    const comments = items?.some((c) => c.id === postedId) ? items : await api.listComments(key);
    const copies = ownCopies(comments, marker, me);
    if (!copies.some((c) => c.id === postedId) && copies.length > 0)
        return [
            `A run at the same time posted this step's comment too; its copy (${copies[0]?.id ?? ''}) was kept and ours removed.`,
        ];
    return removeDuplicates(api, key, copies);
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
    return candidates.find((c) => typeof c === 'string' && isCommitSha(c));
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
async function readDeployRange(plan, repository, github, eventMessages, label = input_label/* plainLabel */.p) {
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
            notice: `Where this deploy starts cannot be found: ${plan.reason}; ${own}. Set ${label('since')} to a tag, branch or commit SHA.`,
        });
    const repo = splitRepository(repository);
    if (!repo)
        return fallback('no repository', {
            warning: `The repository ${JSON.stringify(repository)} is not "owner/repo"; ${own}. GitHub Actions sets GITHUB_REPOSITORY; elsewhere, set it to owner/repo.`,
        });
    if (!github)
        return fallback('no GitHub token', {
            warning: `No GitHub API access (github-token) to read the deploy's commits; ${own}.`,
        });
    const ctx = { ...repo, github };
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
            throw new core_errors/* UserFacingError */.Ui(`${label('since')} is ${JSON.stringify(plan.base)}, and GitHub cannot compare it with ${plan.head} in ${repository} (404: no such ref, or no common history).`, 'Give a tag, branch or commit SHA of this repository, or `auto`.');
        return fallback('the compare failed', {
            warning: `Reading the commits of ${base.base}...${plan.head} through the GitHub API failed: ${errorMessage(error)}; ${own}.`,
        });
    }
    return rangeRead(base.base, plan.head, read, base.why, label);
}
/** `since: REF` outside GitHub: REF..HEAD from the local clone. */
async function readLocalRange(base, git, label = input_label/* plainLabel */.p) {
    const read = await git.range(base, MAX_RANGE_COMMITS);
    return rangeRead(base, read.head, read, `since: ${base}, from the local git checkout`, label);
}
/** A range read (or refused above the limit), with its log line. */
function rangeRead(base, head, read, why, label) {
    const range = `${base}...${head}`;
    if (read.total > MAX_RANGE_COMMITS) {
        return {
            messages: [],
            range,
            line: `none: ${range} holds ${read.total} commits, more than ${MAX_RANGE_COMMITS} (${why})`,
            notices: [],
            warnings: [
                `The range ${range} holds ${read.total} commits, more than ${MAX_RANGE_COMMITS}: that is not one deploy, so no commit was searched. Set ${label('since')} to a nearer tag or commit SHA, or pass ${label('issues')} or ${label('jql')}.`,
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
        const statuses = await github.listDeploymentStatuses(owner, repo, deployment.id);
        if (latestStatusState(statuses) === 'success')
            return { base: deployment.sha, why: `since the last successful deployment to ${environment}` };
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
async function findCandidates(config, api, env, 
/** What the later steps read of each issue: a JQL search asks for it at once. */
want) {
    const notices = [];
    const warnings = [];
    const keep = (keys) => new Set(filterByProjects(keys, config.projects));
    if (config.explicitKeys) {
        if (config.jql) {
            const [issues, jql] = [config.label('issues'), config.label('jql')];
            warnings.push(`Both ${issues} and ${jql} are set; ${issues} takes precedence and ${jql} is ignored.`);
        }
        const kept = keep(config.explicitKeys);
        return {
            candidates: config.explicitKeys.filter((k) => kept.has(k)).map((key) => ({ key, origin: 'explicit' })),
            notices,
            warnings,
            searched: searchedNone(`${config.label('issues')} names the issues`),
        };
    }
    if (config.jql) {
        const found = await api.search(config.jql, want);
        const kept = keep(found.map((i) => i.key));
        return {
            candidates: found.filter((i) => kept.has(i.key)).map((issue) => ({ key: issue.key, origin: 'jql', issue })),
            notices,
            warnings,
            searched: searchedNone(`${config.label('jql')} finds the issues`),
        };
    }
    const { event } = env;
    const repository = env.run.repository ?? '';
    let deploy;
    const since = config.since ?? { kind: 'auto' };
    if (since.kind === 'ref' && env.git) {
        deploy = await readLocalRange(since.ref, env.git, config.label);
    }
    else if (!event) {
        notices.push(`No triggering event to search: pass ${config.label('issues')} or ${config.label('jql')}.`);
        return { candidates: [], notices, warnings, searched: searchedNone('no triggering event') };
    }
    else {
        const plan = planRange({
            eventName: event.name,
            payload: event.payload,
            since,
            environment: config.environment,
            sha: env.run.sha,
            ref: env.run.ref,
            workflowRef: env.workflowRef,
            runId: env.run.runId,
        });
        deploy = await readDeployRange(plan, repository, env.github, eventOwnMessages(event.name, event.payload), config.label);
    }
    notices.push(...deploy.notices);
    warnings.push(...deploy.warnings);
    const discovered = await discoverIssueKeys({
        eventName: event?.name ?? '',
        payload: event?.payload,
        repository,
        from: new Set(config.from),
        label: config.label,
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

;// CONCATENATED MODULE: ./build/core/run/ci-application.js
const APPLICATIONS = {
    'github-actions': {
        type: 'com.github.actions',
        name: 'GitHub Actions',
        relationship: 'workflow run',
        iconUrl: 'https://github.githubassets.com/favicons/favicon.png',
    },
    'gitlab-ci': {
        type: 'com.gitlab.ci',
        name: 'GitLab CI',
        relationship: 'pipeline',
        iconUrl: 'https://gitlab.com/favicon.ico',
    },
    jenkins: {
        type: 'io.jenkins',
        name: 'Jenkins',
        relationship: 'build',
        iconUrl: 'https://www.jenkins.io/favicon.ico',
    },
    other: { type: 'jira-oauth-action.ci', name: 'CI', relationship: 'CI run' },
};
/** The application a run's remote link is branded with: its own CI system, never GitHub's by default. */
function ciApplication(ci) {
    return APPLICATIONS[ci ?? 'other'];
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
function runRemoteLink(runUrl, title, ci) {
    const app = ciApplication(ci);
    return {
        globalId: runGlobalId(runUrl),
        application: { type: app.type, name: app.name },
        relationship: app.relationship,
        object: {
            url: runUrl,
            title: title.slice(0, 255),
            ...(app.iconUrl ? { icon: { url16x16: app.iconUrl, title: app.name } } : {}),
        },
    };
}
/**
 * Adds (or refreshes) the remote link to the workflow run on one issue. No read first: a POST
 * with the same globalId is an upsert in Jira, and Jira answers alike for a new and a renewed link.
 */
async function linkStep(api, key, link, dryRun) {
    if (dryRun)
        return 'would-link';
    await api.upsertRemoteLink(key, link);
    return 'linked';
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
function missingFieldsError(key, transition, missing, label) {
    const fields = transition.fields ?? {};
    const names = missing.map((id) => `${fields[id]?.name ?? id} (${id})`).join(', ');
    const example = `{${missing.map((id) => `"${id}": ${exampleValue(fields[id] ?? {})}`).join(', ')}}`;
    const allowed = missing.flatMap((id) => {
        const values = fields[id]?.allowedValues;
        return values?.length ? [`${id}: ${values.map((v) => v.name ?? v.value ?? v.id).join(', ')}`] : [];
    });
    return new StepError(`Transition "${transition.name}" on ${key} requires ${names}, which ${label('transition-fields')} does not set. ` +
        `Pass it in ${label('transition-fields')}, e.g. '${example}'${allowed.length ? ` (allowed: ${allowed.join('; ')})` : ''}.`);
}
/** Whether the issue needs its transitions read: not when it already has the requested status. */
const needsTransitions = (issue, request) => !same(issue.status, request.name);
/**
 * Where the requested transition leads, as Jira reported it for the issues of one project in this
 * run: the evidence that lets an issue without that transition count as already there.
 */
function reportedTargets(request, transitionsOf) {
    const targets = new Set();
    for (const transitions of transitionsOf)
        for (const t of transitions)
            if (same(t.name, request.name))
                targets.add(t.to.name.toLowerCase());
    return targets;
}
/**
 * Moves one issue to the requested status unless it is there already. "Already there" needs
 * evidence: the status is the requested one, or the target Jira reported for the requested
 * transition (on this issue or another of its project in this run); a similar name is not.
 */
async function transitionStep(api, issue, request, dryRun, transitions, knownTargets, 
/** False when judging again after the re-read below: the issue is read at most once more. */
recheck = true) {
    if (same(issue.status, request.name))
        return { outcome: 'already-in-status', statusAfter: issue.status, notes: [] };
    const label = api.client.label;
    const transition = findTransition(transitions, request.name);
    if (recheck && !transition && !knownTargets.has(issue.status.toLowerCase())) {
        // Jira's search index may lag behind the issue (a run a moment ago moved it): before calling
        // this a failure, read the issue itself, and judge again if its status differs.
        const now = await api.getIssue(issue.key, { ...BASIC_FIELDS, expand: ['transitions.fields'] });
        if (now && !same(now.status, issue.status)) {
            const fresh = { ...issue, status: now.status, transitions: undefined };
            const live = now.transitions ?? (await api.getTransitions(issue.key));
            return transitionStep(api, fresh, request, dryRun, live, knownTargets, false);
        }
    }
    if (!transition && knownTargets.has(issue.status.toLowerCase())) {
        // A re-run after "Deploy" moved the issue to "Deployed": the transition is gone from here.
        return {
            outcome: 'already-in-status',
            statusAfter: issue.status,
            notes: [
                `"${issue.status}" is where "${request.name}" leads (Jira offers it on other issues of ${issue.project}); left alone.`,
            ],
        };
    }
    if (!transition) {
        throw new StepError(transitions.length === 0
            ? `No transition is available on ${issue.key} (status "${issue.status}"): the Jira user lacks the Transition Issues permission, or the workflow has no way out of this status.`
            : `No transition "${request.name}" is available on ${issue.key} (status "${issue.status}"). Available: ${listTransitions(transitions)}. Set ${label('transition')} to one of those names or target statuses. If "${issue.status}" is where "${request.name}" leads, set ${label('transition')} to the status name ("${issue.status}"): an issue already in that status is then left alone.`);
    }
    if (same(transition.to.name, issue.status))
        return { outcome: 'already-in-status', statusAfter: issue.status, notes: [] };
    const screen = transition.fields ?? {};
    const given = request.fields ?? {};
    const notes = [];
    // Jira refuses fields that are not on the transition screen, so send only those that are.
    const dropped = Object.keys(given).filter((id) => !(id in screen));
    if (dropped.length)
        notes.push(`${label('transition-fields')}: ${dropped.join(', ')} not on the "${transition.name}" screen of ${issue.key}; not sent.`);
    const fields = Object.fromEntries(Object.entries(given).filter(([id]) => id in screen));
    const missing = Object.entries(screen)
        .filter(([id, f]) => f.required && !f.hasDefaultValue && !(id in fields))
        .map(([id]) => id);
    if (missing.length)
        throw missingFieldsError(issue.key, transition, missing, label);
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
                .join('; ')}. Fix ${label('transition-fields')} (the screen's fields: ${Object.keys(screen).join(', ') || 'none'}).`);
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

;// CONCATENATED MODULE: ./build/commands/issues/update-step.js


const FIELD_NAMES = { fixVersions: 'Fix Version/s', labels: 'Labels' };
const update_step_issuePath = (key) => `/rest/api/2/issue/${encodeURIComponent(key)}`;
/**
 * Adds the fix version and labels to one issue in a single PUT with `update` "add" operations,
 * so what the issue already has stays. An issue that has them all is left alone (no PUT).
 */
async function updateStep(client, issue, request, dryRun) {
    const key = issue.key;
    // The batched read asked for fixVersions and labels; a field Jira did not return counts as empty.
    const hasVersion = (issue.fixVersions ?? []).some((name) => name === request.fixVersion);
    const missingLabels = request.labels.filter((label) => !(issue.labels ?? []).includes(label));
    const addVersion = request.fixVersion !== undefined && !hasVersion;
    const outcome = (requested, needed) => !requested ? 'not-requested' : !needed ? 'unchanged' : dryRun ? 'would-create' : 'created';
    const result = {
        fixVersion: outcome(request.fixVersion !== undefined, addVersion),
        labels: outcome(request.labels.length > 0, missingLabels.length > 0),
    };
    if (dryRun || (!addVersion && missingLabels.length === 0))
        return result;
    const update = {};
    if (addVersion)
        update.fixVersions = [{ add: { name: request.fixVersion } }];
    if (missingLabels.length > 0)
        update.labels = missingLabels.map((label) => ({ add: label }));
    const response = await client.request({ method: 'PUT', path: update_step_issuePath(key), json: { update } });
    if ((0,expect/* isSuccess */.oJ)(response))
        return result;
    const failure = (0,expect/* httpFailure */.tG)(response, `Setting the fix version and labels of ${key}`);
    const offScreen = Object.entries((0,jira_errors/* jiraFieldErrors */.uY)(response.body)).filter(([, message]) => /cannot be set/i.test(message));
    if (offScreen.length > 0)
        throw new jira_errors/* JiraHttpError */.rD(failure.message, `Jira cannot set ${offScreen.map(([field]) => FIELD_NAMES[field] ?? field).join(' and ')} on ${key}: the field is not on the issue type's edit screen, or the Jira user lacks Edit Issues (Jira answers the same for both). Add the field to the project's edit screen (Project settings → Screens), or grant Edit Issues.`, response.status, response.body);
    throw failure;
}

;// CONCATENATED MODULE: ./build/commands/issues/process-issue.js









/**
 * One issue, every requested change, each failure caught: its result always comes back. The
 * writes that do not depend on each other go out together: fix version and labels first (a
 * transition may move the issue to a status where it can no longer be edited), the comment and
 * link after the transition only when their text uses {{status}}.
 */
async function processIssue(api, plan, issue) {
    const { config, env } = plan;
    let statusAfter = issue.status;
    let postedCommentId;
    const outcomes = {
        transition: 'not-requested',
        comment: 'not-requested',
        link: 'not-requested',
        fixVersion: 'not-requested',
        labels: 'not-requested',
    };
    const notes = [];
    const errors = [];
    const fail = (names, error) => {
        if (error instanceof jira_errors/* JiraAuthError */.pN)
            throw error;
        for (const name of names)
            outcomes[name] = 'failed';
        errors.push((0,core_errors/* describeError */.Uc)(error));
    };
    const values = () => buildTemplateValues(env.run, issue.key, statusAfter);
    const update = (async () => {
        if (config.fixVersion === undefined && config.labels.length === 0)
            return;
        let fixVersion;
        try {
            fixVersion = plan.versions ? await plan.versions.nameIn(issue.project) : undefined;
        }
        catch (error) {
            // The project's version failed (its own error); the labels still go on.
            fail(['fixVersion'], error);
            if (config.labels.length === 0)
                return;
        }
        try {
            const result = await updateStep(api.client, issue, { fixVersion, labels: config.labels }, config.dryRun);
            if (outcomes.fixVersion !== 'failed')
                outcomes.fixVersion = result.fixVersion;
            outcomes.labels = result.labels;
        }
        catch (error) {
            fail(fixVersion === undefined ? ['labels'] : ['fixVersion', 'labels'], error);
        }
    })();
    const transition = (async () => {
        await update;
        const request = config.transition;
        if (!request)
            return;
        try {
            const result = await transitionStep(api, issue, request, config.dryRun, plan.transitionsOf(issue.key), plan.knownTargets(issue.project));
            statusAfter = result.statusAfter;
            notes.push(...result.notes);
            outcomes.transition = result.outcome;
        }
        catch (error) {
            fail(['transition'], error);
        }
    })();
    const comment = (async () => {
        const template = config.comment;
        const marker = plan.marker;
        if (template === undefined || !marker)
            return;
        if (usesVariable(template, 'status'))
            await transition;
        try {
            const body = withMarker(renderTemplate(template, values()), marker);
            const result = await commentStep(api, issue, body, marker, plan.me, config.dryRun);
            notes.push(...result.notes);
            outcomes.comment = result.outcome;
            postedCommentId = result.postedId;
        }
        catch (error) {
            fail(['comment'], error);
        }
    })();
    const link = (async () => {
        const url = runUrlOf(env.run);
        if (!config.link || !url)
            return;
        if (usesVariable(config.linkTitle, 'status'))
            await transition;
        try {
            // Jira shows a remote link's title as plain text: no wiki escaping, which would show.
            outcomes.link = await linkStep(api, issue.key, runRemoteLink(url, renderPlainTemplate(config.linkTitle, values()), env.run.ci), config.dryRun);
        }
        catch (error) {
            fail(['link'], error);
        }
    })();
    await Promise.all([update, transition, comment, link]);
    return {
        result: {
            key: issue.key,
            summary: issue.summary,
            url: plan.browseUrl(issue.key),
            statusBefore: issue.status,
            statusAfter,
            transition: outcomes.transition,
            comment: outcomes.comment,
            link: outcomes.link,
            fixVersion: outcomes.fixVersion,
            labels: outcomes.labels,
            ok: errors.length === 0,
            ...(errors.length ? { error: errors.join('\n') } : {}),
            notes,
        },
        ...(postedCommentId ? { postedCommentId } : {}),
    };
}

;// CONCATENATED MODULE: ./build/core/issues/fix-version.js
/**
 * The project's version with this name. Jira keeps names unique per project, and whether it
 * compares them ignoring case is not documented: an exact match wins, else the only match that
 * differs in case (so a create refused as a duplicate still finds "V1.0" for "v1.0").
 */
function matchVersion(versions, name) {
    const wanted = name.trim();
    const exact = versions.find((v) => v.name.trim() === wanted);
    if (exact)
        return exact;
    const folded = versions.filter((v) => v.name.trim().toLowerCase() === wanted.toLowerCase());
    return folded.length === 1 ? folded[0] : undefined;
}
/** The version's page in Jira (the project-centric release page of Jira 7 and later). */
function versionPageUrl(baseUrl, project, id) {
    return `${baseUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/versions/${encodeURIComponent(id)}`;
}
/** Today as Jira's ISO releaseDate (yyyy-MM-dd, UTC). */
function releaseDateOf(nowMs) {
    return new Date(nowMs).toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./build/commands/issues/versions-api.js




const PERMISSION_HINT = (project) => `The Jira user this step acts as needs the Administer Projects permission in ${project} (or Jira Administrators); core Jira Data Center has no narrower one ("Manage Versions" exists only on Cloud or with the Version Manager app).`;
/** The project's version of this name, if it has one (a read only: dry runs use this). */
async function findVersion(client, project, name) {
    return matchVersion(await listVersions(client, project), name);
}
async function listVersions(client, project) {
    const response = await client.request({
        method: 'GET',
        path: `/rest/api/2/project/${encodeURIComponent(project)}/versions`,
    });
    return (0,expect/* expectJson */.sI)(response, `Reading the versions of ${project}`);
}
/**
 * The project's version of this name, created when missing. A create refused as a duplicate
 * (another step or matrix leg won the race) is read again, so the version is never made twice.
 */
async function findOrCreateVersion(client, project, name, description) {
    const existing = await findVersion(client, project, name);
    if (existing)
        return { version: existing, created: false };
    const response = await client.request({
        method: 'POST',
        path: '/rest/api/2/version',
        json: { name, project, ...(description ? { description } : {}) },
    });
    if ((0,expect/* isSuccess */.oJ)(response))
        return { version: (0,expect/* expectJson */.sI)(response), created: true };
    const nameError = response.status === 400 ? (0,jira_errors/* jiraFieldErrors */.uY)(response.body).name : undefined;
    if (nameError && /already exists/i.test(nameError)) {
        const raced = await findVersion(client, project, name);
        if (raced)
            return { version: raced, created: false };
    }
    if (response.status === 404)
        throw new core_errors/* UserFacingError */.Ui(`Jira refused to create version "${name}" in ${project}: the project does not exist or the user may not create versions in it.`, PERMISSION_HINT(project));
    if (nameError)
        throw new core_errors/* UserFacingError */.Ui(`Jira refused the version name "${name}" in ${project}: ${nameError}`, `Choose another ${client.label('fix-version')}.`);
    throw (0,expect/* httpFailure */.tG)(response, `Creating version "${name}" in ${project}`);
}
/** Marks the version released today; one already released is left as it is. */
async function releaseVersion(client, project, version, nowMs) {
    if (version.released)
        return 'already-released';
    const response = await client.request({
        method: 'PUT',
        path: `/rest/api/2/version/${encodeURIComponent(version.id)}`,
        json: { released: true, releaseDate: releaseDateOf(nowMs) },
    });
    if ((0,expect/* isSuccess */.oJ)(response))
        return 'released';
    const failure = (0,expect/* httpFailure */.tG)(response, `Releasing version "${version.name}" in ${project}`);
    if (response.status === 400 && /administrator rights/i.test(response.body))
        throw new jira_errors/* JiraHttpError */.rD(failure.message, PERMISSION_HINT(project), response.status, response.body);
    throw failure;
}

;// CONCATENATED MODULE: ./build/commands/issues/project-versions.js




/**
 * The fix version of this run in each project its issues belong to: found or created once per
 * project (the first issue of a project asks, the others wait for that answer), then released.
 */
class ProjectVersions {
    client;
    name;
    description;
    dryRun;
    byProject = new Map();
    failures = new Map();
    releases = new Map();
    constructor(client, name, description, dryRun) {
        this.client = client;
        this.name = name;
        this.description = description;
        this.dryRun = dryRun;
    }
    /** The version's name in the project (as Jira spells it); throws when it cannot be had. */
    async nameIn(project) {
        let resolved = this.byProject.get(project);
        if (!resolved) {
            resolved = this.resolve(project);
            this.byProject.set(project, resolved);
        }
        return (await resolved).version?.name ?? this.name;
    }
    async resolve(project) {
        try {
            if (this.dryRun) {
                const version = await findVersion(this.client, project, this.name);
                return version ? { version, action: 'found' } : { action: 'would-create' };
            }
            const { version, created } = await findOrCreateVersion(this.client, project, this.name, this.description);
            if (version.archived)
                throw new core_errors/* UserFacingError */.Ui(`Version "${version.name}" in ${project} is archived, and Jira does not add archived versions to issues.`, `Unarchive it in Jira (Project settings → Versions), or choose another ${this.client.label('fix-version')}.`);
            return { version, action: created ? 'created' : 'found' };
        }
        catch (error) {
            if (!(error instanceof jira_errors/* JiraAuthError */.pN))
                this.failures.set(project, (0,core_errors/* describeError */.Uc)(error));
            throw error;
        }
    }
    /**
     * Marks the version released in every project, only when every issue of the step succeeded:
     * a release records that everything shipped, which a failed issue contradicts.
     */
    async release(allSucceeded, nowMs) {
        const notices = [];
        if (!allSucceeded) {
            notices.push(`Version "${this.name}" was not released: some issues failed (see above). Re-run when they are fixed.`);
            for (const project of this.byProject.keys())
                this.releases.set(project, 'not-released');
            return notices;
        }
        await Promise.all([...this.byProject].map(async ([project, resolved]) => {
            const version = await resolved.then((r) => r.version, () => undefined);
            if (this.failures.has(project))
                return;
            if (!version)
                return void this.releases.set(project, 'would-release');
            if (this.dryRun)
                return void this.releases.set(project, version.released ? 'already-released' : 'would-release');
            try {
                this.releases.set(project, await releaseVersion(this.client, project, version, nowMs));
            }
            catch (error) {
                if (error instanceof jira_errors/* JiraAuthError */.pN)
                    throw error;
                this.failures.set(project, (0,core_errors/* describeError */.Uc)(error));
            }
        }));
        return notices;
    }
    /** What the `versions` output shows, one entry per project. */
    async reports() {
        const baseUrl = this.client.config.baseUrl;
        return Promise.all([...this.byProject].map(async ([project, resolved]) => {
            const r = await resolved.catch(() => undefined);
            const error = this.failures.get(project);
            const release = this.releases.get(project);
            const version = r?.version;
            const released = release === 'released' || (version?.released ?? false);
            return {
                project,
                name: version?.name ?? this.name,
                ...(version ? { id: version.id, url: versionPageUrl(baseUrl, project, version.id) } : {}),
                released,
                action: error ? 'failed' : (release ?? r?.action ?? 'failed'),
                ...(error ? { error } : {}),
            };
        }));
    }
}

;// CONCATENATED MODULE: ./build/commands/issues/read-issues.js

/** Jira's search takes any number of keys, but 100 per query keeps the JQL short and one page long. */
const SEARCH_BATCH = 100;
/** JQL string literal: keys are [A-Z0-9_-] already, quoting only guards against a reserved word. */
const jqlString = (key) => `"${key}"`;
/**
 * Reads many issues with one search per 100 keys instead of one GET each. Jira's answer is used
 * only where it is complete: a key the search did not return (missing, hidden, moved to another
 * key, or a search that saw nothing) is read on its own with GET, which follows moves and answers
 * 404 for a missing issue. Returns each requested key's snapshot, or undefined when it has none.
 */
async function readIssues(api, keys, want, runLimited) {
    const found = new Map();
    const unique = [...new Set(keys)];
    const batches = [];
    for (let i = 0; i < unique.length; i += SEARCH_BATCH)
        batches.push(unique.slice(i, i + SEARCH_BATCH));
    await Promise.all(batches.map(async (batch) => {
        for (const issue of await searchBatch(api, batch, want, runLimited))
            found.set(issue.key, issue);
    }));
    const rest = unique.filter((key) => !found.has(key));
    await Promise.all(rest.map((key) => runLimited(async () => void found.set(key, await api.getIssue(key, want)))));
    return found;
}
async function searchBatch(api, batch, want, runLimited) {
    // A single key gains nothing from a search.
    if (batch.length < 2)
        return [];
    try {
        return await runLimited(() => api.search(`key in (${batch.map(jqlString).join(',')})`, want, {
            validateQuery: false,
            what: `Reading ${batch.length} issues`,
        }));
    }
    catch (error) {
        // A Jira (or proxy) that refuses the batched query is read per issue, so each issue gets its
        // own answer; refused credentials are not a query problem and stop the run as anywhere else.
        if (error instanceof jira_errors/* JiraAuthError */.pN)
            throw error;
        return [];
    }
}

;// CONCATENATED MODULE: ./build/commands/issues/run-issues.js















/** Exactly the fields the requested steps read, so Jira sends no more than is used. */
function fieldsFor(config) {
    return {
        fields: [
            ...BASIC_FIELDS.fields,
            ...(config.comment === undefined ? [] : ['comment']),
            ...(config.fixVersion === undefined ? [] : ['fixVersions']),
            ...(config.labels.length ? ['labels'] : []),
        ],
        // Where Jira returns them, the transitions come with the read; else they are read per issue.
        expand: config.transition ? ['transitions', 'transitions.fields'] : [],
    };
}
function failedResult(browseUrl, key, error) {
    return {
        key,
        summary: '',
        url: browseUrl(key),
        statusBefore: '',
        statusAfter: '',
        transition: 'failed',
        comment: 'failed',
        link: 'failed',
        fixVersion: 'failed',
        labels: 'failed',
        ok: false,
        error,
        notes: [],
    };
}
const missingIssue = (key) => `${key} does not exist, or the Jira user this step acts as cannot see it (Jira answers 404 for both). Check the key and the project permissions.`;
/** Credentials Jira refuses for one request are refused for all: the first such error stops the run. */
class FatalLatch {
    error;
    catch(error) {
        if (error instanceof jira_errors/* JiraAuthError */.pN)
            this.error ??= error;
        return (0,core_errors/* describeError */.Uc)(error);
    }
}
/**
 * The `issues` command: find the issues, read them in batches, then change each one (fix version
 * and labels, transition, comment, link), `concurrency` issues at a time; read back the comments
 * posted, so racing runs converge on one; release the fix version when everything succeeded.
 * One issue's failure never stops the others; refused credentials stop all.
 */
async function runIssues(config, api, env, nowMs = Date.now) {
    requireRunFacts(config, env.run, config.label);
    const versionName = config.fixVersion === undefined
        ? undefined
        : renderPlainTemplate(config.fixVersion, buildTemplateValues(env.run, ''));
    if (versionName?.trim() === '')
        throw new core_errors/* ConfigError */.xL(`${config.label('fix-version')} (${JSON.stringify(config.fixVersion)}) renders as an empty name in this run.`, 'Use placeholders that have a value here (e.g. {{ref-name}} on a tag or release), or a literal name.');
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
    const browseUrl = (key) => `${api.client.config.baseUrl}/browse/${encodeURIComponent(key)}`;
    const marker = config.comment === undefined
        ? undefined
        : commentMarker({
            repository: env.run.repository ?? '',
            runId: runIdentity,
            job: env.run.job ?? '',
            step: env.stepId,
            template: config.comment,
        });
    const want = fieldsFor(config);
    const found = await findCandidates(config, api, env, want);
    notices.push(...found.notices);
    const pool = new semaphore/* Semaphore */.j(config.concurrency);
    const limited = (task) => pool.run(task);
    const latch = new FatalLatch();
    // 1. Read: one search per 100 issues; JQL results are read already.
    const toRead = found.candidates.filter((c) => !c.issue).map((c) => c.key);
    const results = new Map();
    let read = new Map();
    try {
        read = await readIssues(api, toRead, want, limited);
    }
    catch (error) {
        const why = latch.catch(error);
        for (const key of toRead)
            results.set(key, failedResult(browseUrl, key, why));
    }
    // By the issue's own key: two keys of one issue (the old key of a moved issue and its new one) are one issue.
    const byKey = new Map();
    for (const candidate of found.candidates) {
        if (results.has(candidate.key))
            continue;
        const issue = candidate.issue ?? read.get(candidate.key);
        if (issue) {
            if (!byKey.has(issue.key))
                byKey.set(issue.key, issue);
        }
        else if (candidate.origin === 'discovered')
            notices.push(`${candidate.key} looks like an issue key but Jira has no such issue (or the user cannot see it); skipped.`);
        else
            results.set(candidate.key, failedResult(browseUrl, candidate.key, missingIssue(candidate.key)));
    }
    const issues = [...byKey.values()];
    // 2. Transitions, only for the issues that need one, unless the read brought them.
    const transitions = new Map();
    const request = config.transition;
    if (request) {
        await Promise.all(issues
            .filter((issue) => needsTransitions(issue, request))
            .map(async (issue) => {
            if (issue.transitions)
                return void transitions.set(issue.key, issue.transitions);
            await limited(async () => {
                if (latch.error)
                    return;
                try {
                    transitions.set(issue.key, await api.getTransitions(issue.key));
                }
                catch (error) {
                    results.set(issue.key, failedResult(browseUrl, issue.key, latch.catch(error)));
                }
            });
        }));
    }
    const targets = new Map();
    const knownTargets = (project) => {
        let set = targets.get(project);
        if (!set && request) {
            const ofProject = issues.filter((issue) => issue.project === project);
            set = reportedTargets(request, ofProject.map((issue) => transitions.get(issue.key) ?? []));
            targets.set(project, set);
        }
        return set ?? new Set();
    };
    // 3. Write: every issue's changes, `concurrency` issues at a time.
    const versions = versionName === undefined
        ? undefined
        : new ProjectVersions(api.client, versionName, config.versionDescription, config.dryRun);
    const plan = {
        config,
        env,
        me,
        marker,
        browseUrl,
        versions,
        transitionsOf: (key) => transitions.get(key) ?? [],
        knownTargets,
    };
    const posted = [];
    await Promise.all(issues
        .filter((issue) => !results.has(issue.key))
        .map((issue) => limited(async () => {
        if (latch.error) {
            results.set(issue.key, failedResult(browseUrl, issue.key, `Not attempted: ${latch.error.message}`));
            return;
        }
        try {
            const processed = await processIssue(api, plan, issue);
            results.set(issue.key, processed.result);
            if (processed.postedCommentId)
                posted.push({ key: issue.key, id: processed.postedCommentId });
        }
        catch (error) {
            results.set(issue.key, failedResult(browseUrl, issue.key, latch.catch(error)));
        }
    })));
    // 4. Read back the comments posted: a run at the same time may have posted the same one.
    if (posted.length > 0 && marker && !latch.error) {
        try {
            const back = await readIssues(api, posted.map((p) => p.key), { fields: ['comment'], expand: [] }, limited);
            await Promise.all(posted.map(({ key, id }) => limited(async () => {
                try {
                    const notes = await convergeComments(api, back.get(key), key, id, marker, me);
                    const r = results.get(key);
                    if (r && notes.length)
                        results.set(key, { ...r, notes: [...r.notes, ...notes] });
                }
                catch (error) {
                    const r = results.get(key);
                    const why = latch.catch(error);
                    if (r)
                        results.set(key, { ...r, notes: [...r.notes, `Reading the comment back failed: ${why}`] });
                }
            })));
        }
        catch (error) {
            notices.push(`Reading the posted comments back failed: ${latch.catch(error)}. A run at the same time may have left a second copy of this step's comment on an issue; re-running the step keeps the oldest and removes the others.`);
        }
    }
    const reported = new Set();
    const ordered = found.candidates.flatMap((c) => {
        const key = c.issue?.key ?? read.get(c.key)?.key ?? c.key;
        const r = results.get(key);
        if (!r || reported.has(key))
            return [];
        reported.add(key);
        return [r];
    });
    const failed = ordered.filter((r) => !r.ok).map((r) => r.key);
    // 5. Release the fix version, only when every issue succeeded.
    let versionReports = [];
    if (versions) {
        if (config.releaseVersion && !latch.error) {
            try {
                notices.push(...(await versions.release(failed.length === 0, nowMs())));
            }
            catch (error) {
                latch.catch(error);
            }
        }
        versionReports = await versions.reports();
    }
    return {
        issues: issues.map((issue) => issue.key),
        results: ordered,
        failed,
        versions: versionReports,
        notices,
        warnings: found.warnings,
        searched: found.searched,
        ...(latch.error ? { fatal: latch.error } : {}),
    };
}

;// CONCATENATED MODULE: ./build/commands/issues/issues-from-inputs.js




/** `issues` as both adapters run it: the config from the inputs, the run from the CI environment. */
async function runIssuesFromInputs(inputs, client, env, 
/** The CLI outside GitHub Actions reads `since` REF..HEAD from the local clone. */
git, 
/** Where the event is (the CLI's --event); default the runner's GITHUB_EVENT_PATH / GITHUB_EVENT_NAME. */
eventSource) {
    const config = readIssuesConfig(inputs);
    const environment = issuesEnvironmentFromEnv(env, inputs.optional('github-token'), inputs.label, eventSource);
    const result = await runIssues(config, new IssuesApi(client), git ? { ...environment, git } : environment);
    return { config, result };
}

// EXTERNAL MODULE: ./build/commands/issues/report-lines.js
var report_lines = __webpack_require__(3894);
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

// EXTERNAL MODULE: ./build/commands/run-end.js
var run_end = __webpack_require__(3154);
// EXTERNAL MODULE: ./build/action/report.js
var report = __webpack_require__(5773);
;// CONCATENATED MODULE: ./build/action/issues-command.js





function summaryRows(results, fixVersion, labels) {
    // The fix version and labels columns appear only when the step sets them, named by what it sets.
    const extra = [];
    if (fixVersion !== undefined)
        extra.push([`Fix version ${fixVersion}`, (r) => report_lines/* STEP_LABELS */.vG[r.fixVersion]]);
    if (labels.length)
        extra.push([`Labels ${labels.join(', ')}`, (r) => report_lines/* STEP_LABELS */.vG[r.labels]]);
    const header = [
        'Issue',
        'Summary',
        'Status before',
        'Status after',
        'Transition',
        'Comment',
        'Link',
        ...extra.map(([name]) => name),
        'Result',
    ].map((data) => ({ data: (0,report/* escapeHtml */.ZD)(data), header: true }));
    return [
        header,
        ...results.map((r) => [
            `<a href="${(0,report/* escapeHtml */.ZD)(r.url)}">${(0,report/* escapeHtml */.ZD)(r.key)}</a>`,
            (0,report/* escapeHtml */.ZD)(r.summary),
            (0,report/* escapeHtml */.ZD)(r.statusBefore),
            (0,report/* escapeHtml */.ZD)(r.statusAfter),
            report_lines/* STEP_LABELS */.vG[r.transition],
            report_lines/* STEP_LABELS */.vG[r.comment],
            report_lines/* STEP_LABELS */.vG[r.link],
            ...extra.map(([, cell]) => cell(r)),
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
    ctx.core.setOutput('versions', JSON.stringify(result.versions));
}
/** `issues`: find the run's issues, transition / comment / link each, report every one. */
async function issuesCommand(ctx) {
    const { inputs, client, core, env } = ctx;
    const { config, result } = await runIssuesFromInputs(inputs, client, env);
    core.info(result.searched.line);
    for (const notice of result.notices)
        core.notice(notice);
    for (const warning of result.warnings)
        core.warning(warning);
    for (const r of result.results) {
        for (const line of (0,report_lines/* issueResultLines */.Ed)(r))
            core.info(line);
        if (!r.ok)
            core.error(r.error ?? 'failed', { title: `Jira ${r.key}` });
    }
    for (const line of (0,report_lines/* versionLines */.YM)(result.versions))
        core.info(line);
    for (const v of result.versions)
        if (v.error)
            core.error(v.error, { title: `Jira version ${v.name} in ${v.project}` });
    setOutputs(ctx, result);
    await (0,report/* writeSummary */.Sy)(core, env, (s) => {
        s.addHeading(`Jira issues${config.dryRun ? ' (dry run: nothing changed)' : ''}`, 3);
        if (result.results.length === 0)
            s.addRaw('<p>No Jira issues found.</p>', true);
        else
            s.addTable(summaryRows(result.results, result.versions[0]?.name ?? config.fixVersion, config.labels));
        for (const v of result.versions)
            s.addRaw(`<p>Fix version ${v.url ? `<a href="${(0,report/* escapeHtml */.ZD)(v.url)}">${(0,report/* escapeHtml */.ZD)(v.name)}</a>` : (0,report/* escapeHtml */.ZD)(v.name)} in ${(0,report/* escapeHtml */.ZD)(v.project)}: ${(0,report/* escapeHtml */.ZD)(v.action)}${v.error ? ` (${(0,report/* escapeHtml */.ZD)(v.error)})` : ''}</p>`, true);
        for (const line of [result.searched.line, ...result.notices, ...result.warnings])
            s.addRaw(`<p>${(0,report/* escapeHtml */.ZD)(line)}</p>`, true);
    });
    (0,run_end/* endIssuesRun */.d)(result, config.failOnError, inputs.label, (m) => {
        core.warning(m);
    });
}


/***/ })

};
