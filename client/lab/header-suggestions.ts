/** Header names the lab's editors suggest, in the order a learner most often needs them. */

export const responseHeaderSuggestions: readonly string[] = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Vary',
  'Cache-Control',
  'Set-Cookie',
  'Content-Type',
  'WWW-Authenticate',
];

export const requestHeaderSuggestions: readonly string[] = [
  'Content-Type',
  'Authorization',
  'Accept',
  'Accept-Language',
  'Content-Language',
  'X-Requested-With',
  'X-Api-Key',
];

export const contentTypeSuggestions: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json',
  'text/plain; charset="utf-8"',
];

export const methodSuggestions: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
