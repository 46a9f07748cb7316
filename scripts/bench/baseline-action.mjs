// Baseline for the bundle-size benchmark: the smallest action, @actions/core alone, bundled the same way.
import * as core from '@actions/core'
core.setOutput('name', core.getInput('name'))
