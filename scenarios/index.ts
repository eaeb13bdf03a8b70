/**
 * The scenario catalog: the single source of truth for the servers, the client, the e2e suite
 * and the README table. Add a scenario by adding a file under `catalog/` and listing it here.
 */
import acceptLanguageTooLong from './catalog/accept-language-too-long.ts';
import actualWithoutAllowOrigin from './catalog/actual-without-allow-origin.ts';
import allowCredentialsWrongValue from './catalog/allow-credentials-wrong-value.ts';
import allowHeadersUnparseable from './catalog/allow-headers-unparseable.ts';
import allowMethodsLowercase from './catalog/allow-methods-lowercase.ts';
import allowMethodsUnparseable from './catalog/allow-methods-unparseable.ts';
import allowOriginList from './catalog/allow-origin-list.ts';
import allowOriginMismatch from './catalog/allow-origin-mismatch.ts';
import allowOriginUndefined from './catalog/allow-origin-undefined.ts';
import audioMissingAllowOrigin from './catalog/audio-missing-allow-origin.ts';
import authBeforeCors from './catalog/auth-before-cors.ts';
import authorizationUnderWildcard from './catalog/authorization-under-wildcard.ts';
import contentTypeQuotedCharset from './catalog/content-type-quoted-charset.ts';
import cookiesNotSentByDefault from './catalog/cookies-not-sent-by-default.ts';
import credentialsWithoutAllowCredentials from './catalog/credentials-without-allow-credentials.ts';
import duplicateAllowOrigin from './catalog/duplicate-allow-origin.ts';
import errorWithoutAllowOrigin from './catalog/error-without-allow-origin.ts';
import eventSourceMissingAllowOrigin from './catalog/event-source-missing-allow-origin.ts';
import exposeHeadersMissing from './catalog/expose-headers-missing.ts';
import exposeStarWithCredentials from './catalog/expose-star-with-credentials.ts';
import fontMissingAllowOrigin from './catalog/font-missing-allow-origin.ts';
import headerNotAllowed from './catalog/header-not-allowed.ts';
import imageCrossoriginMissingAllowOrigin from './catalog/image-crossorigin-missing-allow-origin.ts';
import maxAgeKeepsRevokedPermission from './catalog/max-age-keeps-revoked-permission.ts';
import methodCasePatch from './catalog/method-case-patch.ts';
import methodNotAllowed from './catalog/method-not-allowed.ts';
import missingAllowOrigin from './catalog/missing-allow-origin.ts';
import modeSameOrigin from './catalog/mode-same-origin.ts';
import urlWithoutScheme from './catalog/url-without-scheme.ts';
import moduleScriptMissingAllowOrigin from './catalog/module-script-missing-allow-origin.ts';
import noCorsOpaque from './catalog/no-cors-opaque.ts';
import taintedCanvas from './catalog/tainted-canvas.ts';
import preflightAllowOriginTrue from './catalog/preflight-allow-origin-true.ts';
import preflightDuplicateAllowOrigin from './catalog/preflight-duplicate-allow-origin.ts';
import preflightMissingAllowCredentials from './catalog/preflight-missing-allow-credentials.ts';
import preflightRedirect from './catalog/preflight-redirect.ts';
import preflightUnauthorized from './catalog/preflight-unauthorized.ts';
import preflightWildcardWithCredentials from './catalog/preflight-wildcard-with-credentials.ts';
import preflightWithoutAllowOrigin from './catalog/preflight-without-allow-origin.ts';
import preflightedRedirectSecondPreflight from './catalog/preflighted-redirect-second-preflight.ts';
import redirectModeError from './catalog/redirect-mode-error.ts';
import redirectTaintedOrigin from './catalog/redirect-tainted-origin.ts';
import redirectUserinfo from './catalog/redirect-userinfo.ts';
import redirectWithoutAllowOrigin from './catalog/redirect-without-allow-origin.ts';
import reflectedOriginWithCredentials from './catalog/reflected-origin-with-credentials.ts';
import trustedNullOrigin from './catalog/trusted-null-origin.ts';
import suffixAllowlist from './catalog/suffix-allowlist.ts';
import prefixAllowlist from './catalog/prefix-allowlist.ts';
import unanchoredRegexAllowlist from './catalog/unanchored-regex-allowlist.ts';
import trustedHttpSubdomain from './catalog/trusted-http-subdomain.ts';
import corsIsNotCsrfProtection from './catalog/cors-is-not-csrf-protection.ts';
import websocketOriginUnchecked from './catalog/websocket-origin-unchecked.ts';
import routeBeforeCors from './catalog/route-before-cors.ts';
import safelistedHeadersOver1024Bytes from './catalog/safelisted-headers-over-1024-bytes.ts';
import samesiteCrossSiteCookie from './catalog/samesite-cross-site-cookie.ts';
import sendBeaconJson from './catalog/send-beacon-json.ts';
import setCookieNotReadable from './catalog/set-cookie-not-readable.ts';
import stylesheetMissingAllowOrigin from './catalog/stylesheet-missing-allow-origin.ts';
import wildcardHeadersWithCredentials from './catalog/wildcard-headers-with-credentials.ts';
import wildcardMethodsWithCredentials from './catalog/wildcard-methods-with-credentials.ts';
import wildcardWithCredentials from './catalog/wildcard-with-credentials.ts';
import xhrMissingAllowOrigin from './catalog/xhr-missing-allow-origin.ts';
import xhrWildcardWithCredentials from './catalog/xhr-wildcard-with-credentials.ts';
import connectionDropped from './catalog/connection-dropped.ts';
import coepRequireCorp from './catalog/coep-require-corp.ts';
import corpSameOrigin from './catalog/corp-same-origin.ts';
import cspConnectSrc from './catalog/csp-connect-src.ts';
import lnaInsecureContext from './catalog/lna-insecure-context.ts';
import mixedContent from './catalog/mixed-content.ts';
import lnaPermissionDenied from './catalog/lna-permission-denied.ts';
import sandboxedIframeNullOrigin from './catalog/sandboxed-iframe-null-origin.ts';
import fileOriginNull from './catalog/file-origin-null.ts';
import serverDown from './catalog/server-down.ts';
import varyOriginSharedCache from './catalog/vary-origin-shared-cache.ts';
import type { Scenario } from './types.ts';

/** Every scenario, in teaching order within each category. */
export const scenarios: readonly Scenario[] = [
  missingAllowOrigin,
  allowOriginMismatch,
  allowOriginList,
  allowOriginUndefined,
  routeBeforeCors,
  wildcardWithCredentials,
  credentialsWithoutAllowCredentials,
  allowCredentialsWrongValue,
  preflightWildcardWithCredentials,
  preflightMissingAllowCredentials,
  wildcardMethodsWithCredentials,
  wildcardHeadersWithCredentials,
  contentTypeQuotedCharset,
  acceptLanguageTooLong,
  safelistedHeadersOver1024Bytes,
  methodCasePatch,
  preflightWithoutAllowOrigin,
  preflightAllowOriginTrue,
  actualWithoutAllowOrigin,
  methodNotAllowed,
  allowMethodsLowercase,
  allowMethodsUnparseable,
  headerNotAllowed,
  allowHeadersUnparseable,
  preflightUnauthorized,
  authBeforeCors,
  authorizationUnderWildcard,
  preflightRedirect,
  redirectWithoutAllowOrigin,
  redirectTaintedOrigin,
  preflightedRedirectSecondPreflight,
  redirectUserinfo,
  redirectModeError,
  duplicateAllowOrigin,
  preflightDuplicateAllowOrigin,
  errorWithoutAllowOrigin,
  varyOriginSharedCache,
  maxAgeKeepsRevokedPermission,
  xhrMissingAllowOrigin,
  xhrWildcardWithCredentials,
  imageCrossoriginMissingAllowOrigin,
  moduleScriptMissingAllowOrigin,
  fontMissingAllowOrigin,
  stylesheetMissingAllowOrigin,
  audioMissingAllowOrigin,
  eventSourceMissingAllowOrigin,
  sendBeaconJson,
  exposeHeadersMissing,
  exposeStarWithCredentials,
  setCookieNotReadable,
  noCorsOpaque,
  taintedCanvas,
  cookiesNotSentByDefault,
  samesiteCrossSiteCookie,
  serverDown,
  connectionDropped,
  cspConnectSrc,
  corpSameOrigin,
  coepRequireCorp,
  sandboxedIframeNullOrigin,
  fileOriginNull,
  mixedContent,
  lnaPermissionDenied,
  lnaInsecureContext,
  modeSameOrigin,
  urlWithoutScheme,
  reflectedOriginWithCredentials,
  trustedNullOrigin,
  suffixAllowlist,
  prefixAllowlist,
  unanchoredRegexAllowlist,
  trustedHttpSubdomain,
  corsIsNotCsrfProtection,
  websocketOriginUnchecked,
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}

export * from './categories.ts';
export * from './chromium-messages.ts';
export * from './origins.ts';
export * from './sign-in.ts';
export * from './outcomes.ts';
export * from './request-target.ts';
export * from './request-page.ts';
export * from './types.ts';
export { failedToFetch } from './define.ts';
export * from './fetch-rules.ts';
