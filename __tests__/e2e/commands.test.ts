/**
 * Commands end to end: dist/index.js with the real CLI, the mock model and the mock GitHub. A
 * comment that starts with the trigger phrase, from someone with at least command_permission, is
 * answered by the action (the model only reads); everything else is a skip that writes nothing and
 * calls no model.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { useWorld } from './world.js'
import {
  answer,
  arrange,
  botComments,
  GH_TOKEN,
  ISSUE,
  issueCommentEvent,
  step
} from './commands-world.js'

const world = useWorld({ github: true })
world.secrets.push(GH_TOKEN)
beforeEach(() => arrange(world))

describe('questions', () => {
  it('a question on an issue (mode auto) is answered in one reply, with 👀 on the question', async () => {
    const event = issueCommentEvent(world, '@claude what could make it crash on start?', {
      number: ISSUE
    })
    const main = await step(world, event, {
      turns: answer('Most likely the config file is missing.')
    })
    expect(main.outputs.conclusion).toBe('success')
    const replies = botComments(world, ISSUE)
    expect(replies).toHaveLength(1)
    expect(replies[0]!.body).toContain('Most likely the config file is missing.')
    expect(world.gh.state.reactions).toEqual([
      expect.objectContaining({ comment_id: event.id, content: 'eyes' })
    ])
  })
})
