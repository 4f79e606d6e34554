/**
 * The model call for one issue: the prompt (the issue, the offered labels, a few examples), one CLI
 * run with no tools, and the answer checked against the triage schema. The model only proposes.
 */
import type { Issue } from '../../github/api.js'
import type { ClaudeRun, ClaudeRunner } from '../../claude/runner.js'
import { EXAMPLE_COUNT, type RepoContext } from './context.js'
import { buildTriagePrompt, type TriageExample } from './prompt.js'
import { parseTriageOutput, TRIAGE_JSON_SCHEMA, type Triage } from './schema.js'
import type { TriageSettings } from './settings.js'

/** The model's answer for one issue: the run, and the validated triage or why there is none. */
interface Asked {
  run: ClaudeRun
  triage?: Triage
  /** Set when the run succeeded but its answer is missing or invalid. */
  invalid?: string
}

/** Asks the model for labels for one issue; a failed run is returned as it is, not thrown. */
export async function askModel(
  claude: ClaudeRunner,
  settings: TriageSettings,
  repo: RepoContext,
  issue: Issue
): Promise<Asked> {
  const examples: TriageExample[] = repo.examples
    .filter(e => e.number !== issue.number)
    .slice(0, EXAMPLE_COUNT)
    .map(e => ({ number: e.number, title: e.title, labels: e.labels }))
  const prompt = buildTriagePrompt({
    title: issue.title,
    body: issue.body,
    labels: repo.offered,
    examples,
    ...(settings.instructions ? { extra: settings.instructions } : {})
  })
  const run = await claude.run({
    prompt,
    label: `Claude Code: triage #${issue.number}`,
    ...(settings.model ? { model: settings.model } : {}),
    ...(settings.maxTurns !== undefined ? { maxTurns: settings.maxTurns } : {}),
    timeoutMinutes: settings.timeoutMinutes,
    jsonSchema: TRIAGE_JSON_SCHEMA,
    // Triage reads nothing but the prompt: no tools at all (the CLI still offers StructuredOutput).
    tools: [],
    kind: 'triage',
    extra: settings.extraArgs
  })
  if (run.outcome.kind !== 'success') return { run }
  if (run.structured === undefined || run.structured === null) {
    return {
      run,
      invalid:
        'Claude Code finished without a structured triage answer (expected a JSON object through --json-schema).'
    }
  }
  const parsed = parseTriageOutput(run.structured)
  if (!parsed.ok) return { run, invalid: parsed.error }
  return { run, triage: parsed.triage }
}
