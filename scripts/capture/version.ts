/**
 * The capture tool's version: package.json's. The bundler inlines the imported package.json into
 * dist/capture.js, so a downloaded capture.js alone still knows its version.
 */
import pkg from '../../package.json' with { type: 'json' }

/** The version of claude-subscription-action this tool belongs to. */
export const VERSION: string = pkg.version
