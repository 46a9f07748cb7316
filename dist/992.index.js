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
/**
 * Commit messages through the GitHub REST API (GITHUB_API_URL, so GHES works too), every page:
 * the pull request's commits, or the commits of a push beyond the 20 its event payload lists.
 */
function octokitCommitsPort(token) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token);
    const messages = (items) => items.map((c) => c.commit?.message ?? '');
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
                all.push(...messages(data.commits));
                if (data.commits.length < PER_PAGE || all.length >= data.total_commits)
                    return all;
            }
        },
    };
}


/***/ })

};
