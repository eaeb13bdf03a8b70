/**
 * The CORS evaluator: decides, as the Fetch Standard and Chromium 156 do, what happens to a
 * request given the servers' responses hop by hop. Pure TypeScript, with no DOM or Node APIs.
 */
export { evaluate, evaluateAsync, type EvaluateOptions } from './evaluate.ts';
export { corsCheck, type CorsCheckResult } from './cors-check.ts';
export { exposeHeaders, corsSafelistedResponseHeaderNames, forbiddenResponseHeaderNames } from './exposed-headers.ts';
export { parseTokenList, isToken, type ListParse } from './header-lists.ts';
export { firefoxText } from './messages.ts';
export { checkPreflightResponse, isMethodAllowed, type Conformance } from './preflight.ts';
export {
  PreflightCache,
  parseMaxAge,
  defaultMaxAgeSeconds,
  maxAgeCapSeconds,
  type CacheEntry,
  type CacheKey,
  type CachePolicy,
} from './preflight-cache.ts';
export { isForbiddenMethod, isForbiddenRequestHeader } from './request-setup.ts';
export { responderFromExchanges, type RecordedHop, type RecordedResponderOptions } from './responders.ts';
export type * from './types.ts';
