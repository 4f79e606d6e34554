/** Entry point of both the main and the post step: told apart by the state main saves first. */
import { run } from './main.js'
import { post } from './post.js'
import { isPost } from './state.js'

if (isPost()) {
  await post()
} else {
  await run()
}
