export const id = 992;
export const ids = [992];
export const modules = {

/***/ 992:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   octokitCommitsPort: () => (/* binding */ octokitCommitsPort)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(157);

const PER_PAGE = 100;
/** Deployments are listed newest first: three pages (300) reach far enough back for a last success. */
const DEPLOYMENT_PAGES = 3;
const messages = (items) => items.map((c) => c.commit?.message ?? '');
/** compare BASE...HEAD, every page (oldest first); only the first page when the range holds more than `limit`. */
async function compareRange(octokit, owner, repo, base, head, limit) {
    const all = [];
    // The compare endpoint pages its `commits` list; paginate() does not know that shape.
    for (let page = 1;; page++) {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `${base}...${head}`,
            per_page: PER_PAGE,
            page,
        });
        if (data.total_commits > limit)
            return { total: data.total_commits, messages: [] };
        all.push(...messages(data.commits));
        if (data.commits.length < PER_PAGE || all.length >= data.total_commits)
            return { total: data.total_commits, messages: all };
    }
}
/**
 * The GitHub REST API (GITHUB_API_URL, so GHES works too), every page: the pull request's commits,
 * the commits of a push beyond the 20 its event payload lists, and a deploy's history and range.
 */
function octokitCommitsPort(token) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token);
    return {
        async listPullRequestCommitMessages(owner, repo, pullNumber) {
            const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
                owner,
                repo,
                pull_number: pullNumber,
                per_page: PER_PAGE,
            });
            return messages(commits);
        },
        async compareCommitMessages(owner, repo, base, head) {
            return [...(await compareRange(octokit, owner, repo, base, head, Number.POSITIVE_INFINITY)).messages];
        },
        compareRange: (owner, repo, base, head, limit) => compareRange(octokit, owner, repo, base, head, limit),
        async listTagNames(owner, repo) {
            const tags = await octokit.paginate(octokit.rest.repos.listTags, { owner, repo, per_page: PER_PAGE });
            return tags.map((t) => t.name);
        },
        async listReleases(owner, repo) {
            const releases = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: PER_PAGE });
            return releases.map((r) => ({
                tagName: r.tag_name,
                draft: r.draft,
                prerelease: r.prerelease,
                publishedAt: r.published_at,
            }));
        },
        async listDeployments(owner, repo, environment) {
            const found = [];
            let pages = 0;
            for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listDeployments, {
                owner,
                repo,
                environment,
                per_page: PER_PAGE,
            })) {
                found.push(...data.map((d) => ({ id: d.id, sha: d.sha, createdAt: d.created_at })));
                if (++pages >= DEPLOYMENT_PAGES)
                    break;
            }
            return found;
        },
        async listDeploymentStatuses(owner, repo, deploymentId) {
            const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, {
                owner,
                repo,
                deployment_id: deploymentId,
                per_page: PER_PAGE,
            });
            return statuses.map((s) => ({ id: s.id, state: s.state, createdAt: s.created_at }));
        },
        async listSuccessfulRuns(owner, repo, workflowFile, branch) {
            // Newest first and filtered by GitHub: the first page holds the last success.
            const { data } = await octokit.rest.actions.listWorkflowRuns({
                owner,
                repo,
                workflow_id: workflowFile,
                branch,
                status: 'success',
                per_page: PER_PAGE,
            });
            return data.workflow_runs.map((r) => ({
                id: r.id,
                headSha: r.head_sha,
                headBranch: r.head_branch,
                status: r.status ?? '',
                conclusion: r.conclusion,
                createdAt: r.created_at,
            }));
        },
    };
}


/***/ })

};
