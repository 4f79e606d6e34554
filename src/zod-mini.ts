/**
 * The zod every module on a step's start path imports (`import * as z`): `zod/mini`, the
 * functional API of the same zod package. Zod classic (a chunk of some 380 KB, with a method class
 * per schema) cost a step that only checks its inputs and login a fifth of its start-up time, so
 * it is left to the jobs that load it lazily (review and triage answers, the CLI's events). Both
 * share zod's core and its global config, so a schema's issues are the same whichever API built
 * it. Named imports and `export *` let the bundle keep only what is used (a namespace object
 * re-exported whole would carry every locale).
 */
import { config } from 'zod/mini'
import en from 'zod/v4/locales/en.js'

// Classic sets English messages when its first schema is built; mini sets none ("Invalid input").
config(en())

export * from 'zod/mini'
