/* global module */
'use strict'
// A stand-in for a module that loads it on the first use of any of its exports (see
// http-client-lazy.cjs, exec-lazy.cjs). `load` must require the real module by a path the
// tsconfig.dist.json mapping does not catch, so the bundler still bundles it (in the same chunk),
// but evaluates it, and the Node built-ins it requires at its top, only when first used.
module.exports = function lazyModule(load) {
  let real
  const get = () => (real ??= load())
  return new Proxy(
    {},
    {
      get(_, key) {
        // Interop probes by the bundler (and by `await`): no need to load the module for them.
        if (key === '__esModule' || key === 'then') return undefined
        return get()[key]
      },
      has: (_, key) => key in get(),
      ownKeys: () => Reflect.ownKeys(get()),
      getOwnPropertyDescriptor(_, key) {
        const d = Reflect.getOwnPropertyDescriptor(get(), key)
        return d && { ...d, configurable: true }
      }
    }
  )
}
