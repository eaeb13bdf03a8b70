/**
 * The sign-in route that gives the page a cookie before a scenario's request, for scenarios about
 * which cookies a request carries. The cookie's path keeps it to one variant of one scenario.
 */
import type { SignIn, VariantName } from './types.ts';

/** Path of the sign-in route below a variant's prefix `/scenarios/<id>/<variant>`. */
export const signInPath = '/sign-in';

/** The `Set-Cookie` value the sign-in route sends for a variant. */
export function signInSetCookie(scenarioId: string, variant: VariantName, { cookie }: SignIn): string {
  return `${cookie.name}=${cookie.value}; Path=/scenarios/${scenarioId}/${variant}/; ${cookie.attributes}`;
}
