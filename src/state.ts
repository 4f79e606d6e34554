/**
 * What the main step leaves for the post step, through `core.saveState`. Typed, and read lazily:
 * the post step reads only what it needs, and a missing value means the main step never got there.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'

/** The keys the action saves. */
interface SavedState {
  /** Set first thing in main: tells the post step apart from the main step. */
  isPost: 'true'
  /** The plan for putting `config_dir` back, saved BEFORE anything is written. */
  restorePlan: string
  /** SHA-256 of the refresh token as restored: the post step tells a rotation by comparing. */
  restoredRefreshHash: string
  /** The bundle generation the secret holds after the main step (the post step writes the next). */
  generation: string
  /** When the main step last wrote the secret, ISO 8601: later changes are another run's. */
  lastWriteAt: string
  /** When the main step started, ISO 8601, to tell whether another run rotated the secret. */
  startedAt: string
  /** 'true' when main rotated the login and could not store it: the post step tries once more. */
  writeBackPending: 'true'
}

type StateKey = keyof SavedState

/** Saves one value for the post step. */
export function save<K extends StateKey>(key: K, value: SavedState[K]): void {
  core.saveState(key, value)
}

/** Reads one saved value; undefined when the main step never saved it. */
export function load<K extends StateKey>(key: K): SavedState[K] | undefined {
  const value = core.getState(key)
  return value === '' ? undefined : (value as SavedState[K])
}

/** True in the post step. */
export function isPost(): boolean {
  return load('isPost') === 'true'
}

/** SHA-256 hex of a token: how state remembers a token without holding it. */
export function tokenHash(token: string | undefined): string {
  return createHash('sha256')
    .update(token ?? '')
    .digest('hex')
}
