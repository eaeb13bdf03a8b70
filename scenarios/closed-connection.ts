/**
 * How the records show a request whose connection a `close-connection` step closed: the server received
 * it, but no status line ever went out.
 */

/**
 * The status the servers record for such a request. It is nginx's code for "close the connection without
 * a response", which never reaches a client, so no real response can be mistaken for it.
 */
export const connectionClosedStatus = 444;

/** Returns the exchanges that got a response, leaving out those whose connection the server closed. */
export function answeredExchanges<T extends { readonly status: number }>(exchanges: readonly T[]): T[] {
  return exchanges.filter((exchange) => exchange.status !== connectionClosedStatus);
}
