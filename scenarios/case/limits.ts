/**
 * Bounds on a case, so that untrusted input stays small. The answers travel in the lab URL, and
 * Node's HTTP server rejects a request whose request line and headers exceed 16 KiB (its default
 * `maxHeaderSize`), so the encoded answers are capped well below that.
 */
export const caseLimits = {
  /** Headers in a request or in one answer. */
  headerCount: 32,
  headerNameLength: 64,
  /** Long enough for a safelisted value over its 128-byte limit, such as a long Accept-Language. */
  headerValueLength: 1024,
  methodLength: 32,
  /** Characters of the request body, which travels in the request, not in the URL. */
  bodyLength: 8192,
  /** Characters of one answer's body, which travels in the URL. */
  answerBodyLength: 2048,
  /** Redirect hops before the response. Chromium, like the Fetch Standard, follows at most 20 redirects. */
  redirectCount: 20,
  nameLength: 100,
  titleLength: 200,
  /** Characters of the encoded answers in a lab URL. */
  encodedAnswersLength: 8000,
  /** Characters of an encoded case in a link. */
  encodedCaseLength: 24000,
} as const;
