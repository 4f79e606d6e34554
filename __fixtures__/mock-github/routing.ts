/** Route matching (`:param` segments, a trailing `*rest`) and GitHub's `Link` pagination. */
import type { Core, Ctx, Handler, Reply, RouteSpec } from './core.js'

export interface Route {
  method: string
  segments: string[]
  handler: Handler
}

/** Compiles route tables (concatenated in match order: the first route that fits answers). */
export function compileRoutes(...tables: RouteSpec[][]): Route[] {
  return tables.flat().map(([method, pattern, handler]) => ({
    method,
    segments: pattern.split('/').filter(Boolean),
    handler
  }))
}

/** The params of `segments` under one route, or undefined when it does not fit. */
function matchOne(r: Route, segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  for (let i = 0; i < r.segments.length; i++) {
    const pat = r.segments[i] as string
    if (pat.startsWith('*')) {
      const rest = segments.slice(i)
      if (rest.length === 0) return undefined
      params[pat.slice(1)] = rest.join('/')
      return params
    }
    const seg = segments[i]
    if (seg === undefined) return undefined
    if (pat.startsWith(':')) params[pat.slice(1)] = seg
    else if (pat !== seg) return undefined
  }
  return segments.length === r.segments.length ? params : undefined
}

/** The first route for this method and path, with its params. */
export function match(
  routes: Route[],
  method: string,
  segments: string[]
): { route: Route; params: Record<string, string> } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue
    const params = matchOne(r, segments)
    if (params) return { route: r, params }
  }
  return undefined
}

/** One page of `items` (per_page, page) with a `Link` header when there are several. */
export function paginate(core: Core, ctx: Ctx, items: unknown[]): Reply {
  const perPageRaw = Number(ctx.query.per_page ?? 30)
  const perPage = Math.min(100, Math.max(1, Number.isFinite(perPageRaw) ? perPageRaw : 30))
  const pageRaw = Number(ctx.query.page ?? 1)
  const page = Math.max(1, Number.isFinite(pageRaw) ? Math.floor(pageRaw) : 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  const headers: Record<string, string> = {}
  if (last > 1 || page > 1) {
    const link = (p: number, rel: string): string => {
      const q = new URLSearchParams(ctx.query)
      q.set('page', String(p))
      return `<${core.baseUrl}${ctx.rawPath}?${q.toString()}>; rel="${rel}"`
    }
    const parts: string[] = []
    if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'))
    if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) parts.push(link(1, 'first'))
    headers.link = parts.join(', ')
  }
  return { status: 200, body: slice, headers }
}
