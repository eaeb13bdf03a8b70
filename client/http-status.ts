/** Reason phrases from RFC 9110 for the statuses that the scenarios and the playground's servers send. */
const reasonPhrases: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** Formats a status with its reason phrase, such as "308 Permanent Redirect", or the bare code when unknown. */
export function statusWithReason(status: number | string): string {
  const phrase = reasonPhrases[Number(status)];
  return phrase === undefined ? String(status) : `${status} ${phrase}`;
}
