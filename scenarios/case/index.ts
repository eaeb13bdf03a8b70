/**
 * The case format, shared by the lab, the command line and the catalog. A case is one request a
 * page makes and the answers the servers give it hop by hop, with an optional expected outcome.
 *
 * - `parseCase(json)` / `parseCaseJson(text)`: validate untrusted input; each issue names its JSON path.
 * - `encodeCase` / `decodeCase`: the compact, URL-safe form for links.
 * - `encodeAnswers` / `decodeAnswers`: the same for the answers alone, as lab URLs carry them.
 * - `caseUrl`, `caseRequest`: the lab URL a case's page requests, and the evaluator's input for it.
 * - `caseFromScenario(scenario, variant)`: the case of a catalog variant; `isCaseScenario` says
 *   whether it has one (a WebSocket variant has none).
 *
 * The other way, a draft catalog scenario from a case, is in `to-scenario.ts`, which only the command
 * line imports: it uses Prettier, which must stay out of the app's bundle.
 */
export * from './schema.ts';
export { parseCase, parseCaseJson, parseAnswers, formatIssues, type CaseIssue, type ParseResult } from './validate.ts';
export { encodeCase, decodeCase, encodeAnswers, decodeAnswers } from './encode.ts';
export {
  labPath,
  labPathPattern,
  labUrl,
  locationUrl,
  caseUrl,
  caseRequest,
  pageOrigin,
  answerForHop,
  type LabUrlOptions,
} from './lab-url.ts';
export { caseFromScenario, isCaseScenario } from './from-scenario.ts';
export {
  composeAnswer,
  caseResponder,
  respondToHop,
  notComposedResponse,
  type ComposedResponse,
  type ComposeContext,
} from './compose.ts';
