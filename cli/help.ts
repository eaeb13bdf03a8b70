/** Help texts of the command line, kept apart so that --help loads nothing else. */

export const mainHelp = `Usage: cors-playground <command> [options]

Commands:
  run CASE.json…    run cases in headless Chromium against the playground's lab
  check URL         probe a real API with the requests a browser would send
  scenario CASE.json --id ID
                    print a draft catalog scenario for a case

Run 'cors-playground <command> --help' for a command's options and examples.

Examples:
  cors-playground run cases/*.json
  cors-playground check https://api.example.com/orders --origin https://app.example.com --method PUT`;

export const runHelp = `Usage: cors-playground run [--json] CASE.json…

Runs each case in headless Chromium. The command starts the playground's servers on free
loopback ports, opens a page at the case's page origin (a sandboxed frame for "null"), and
sends the case's request to the lab, which answers as the case composes. For each case it
prints the browser's verdict, console message and DevTools corsError, what the servers
received, and the evaluator's verdict for the same exchanges.

Options:
  --json      print one JSON document with every case's result
  -h, --help  show this help

Exit code: 0 when every case meets its expected outcome and the evaluator agrees with the
browser, 1 when a case does not, 2 for a usage error or an invalid case file.

Examples:
  cors-playground run cases/*.json
  cors-playground run --json cases/null-origin-allowed.json > result.json

The case format is described by scenarios/case/case.schema.json.`;

export const checkHelp = `Usage: cors-playground check URL --origin ORIGIN [options]

Sends the requests a browser would send for fetch(URL) from a page at ORIGIN: the CORS
preflight when the method or a header needs one (OPTIONS with Origin and
Access-Control-Request-*), then the request itself with Origin, following redirects as the
browser would. It prints each request and response and the verdict Chromium 156 would reach,
with the fix when it would block the request. Nothing runs in a browser, so no cookie jar
sends cookies: give them with --cookie.

Options:
  --origin ORIGIN         the page's origin, such as https://app.example.com, or null (required)
  --method METHOD         the request method (default: GET)
  --header NAME[:VALUE]   a request header the page sets; repeat for more (default value: empty)
  --body TEXT             a request body; without a Content-Type header it is sent as text/plain
  --credentials           send as fetch() with credentials: 'include'
  --cookie NAME=VALUE     a cookie of the API's host, sent on the request but not the preflight,
                          as a browser does; needs --credentials; repeat for more
  --timeout MS            how long to wait for each response, in milliseconds (default: 10000)
  --json                  print the result as JSON
  -h, --help              show this help

Exit code: 0 when the browser would let the page read the response, 1 when it would block
it, 2 for a usage error or when the server could not be reached.

Examples:
  cors-playground check https://api.example.com/orders --origin https://app.example.com
  cors-playground check https://api.example.com/orders/42 --origin https://app.example.com \\
    --method PUT --header Content-Type:application/json --header 'Authorization:Bearer x' --credentials
  cors-playground check https://api.example.com/basket --origin https://app.example.com \\
    --credentials --cookie session=abc123`;

export const scenarioHelp = `Usage: cors-playground scenario CASE.json --id ID [--title TITLE]

Prints the TypeScript source of a draft catalog file, scenarios/catalog/ID.ts, for a case. The
case's request becomes the scenario's request and its answers become the broken variant's
server. The expected outcome is the case's, or else the evaluator's prediction. The fixed
variant starts as a copy of the broken one, and the prose fields are TODO placeholders. Each
answer that the catalog's server cannot give as the case does is listed in a TODO comment.
The command writes no file: redirect its output, then add the scenario to scenarios/index.ts.

Options:
  --id ID         the new scenario's id, in kebab-case, not already in the catalog (required)
  --title TITLE   the scenario's title (default: the case's title)
  -h, --help      show this help

Exit code: 0 when it printed the draft, 2 for a usage error or an invalid case file.

Examples:
  cors-playground scenario cases/null-origin-allowed.json --id null-origin-allowed > scenarios/catalog/null-origin-allowed.ts
  cors-playground scenario case.json --id preflight-missing-vary --title 'Preflight without Vary'`;
