/** The part of js-yaml 3 the review config uses (the package ships no types). */
declare module 'js-yaml' {
  interface LoadOptions {
    filename?: string
    json?: boolean
  }
  /** Parses one YAML document with the safe schema (no functions, regexps or undefined). */
  export function safeLoad(text: string, options?: LoadOptions): unknown
  const yaml: { safeLoad: typeof safeLoad }
  export default yaml
}
