/**
 * Checks the port variables and that every port is free, before `npm start` starts anything.
 * Prints one line per problem, naming the port and the variable to change, and exits 1.
 */
import { listenAddress, networkFromEnv, type Network } from '../scenarios/network.ts';
import { originSettings, portsFromEnv, type OriginName, type Ports } from '../scenarios/origins.ts';
import { assertPortFree } from '../server/port-check.ts';

async function main(): Promise<number> {
  let ports: Ports;
  let network: Network;
  try {
    ports = portsFromEnv(process.env);
    network = networkFromEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }

  // Chromium may connect to ::1 for localhost, so a server there would take the page's requests.
  const checks = (Object.keys(originSettings) as OriginName[]).flatMap((name) =>
    [listenAddress(network, name), ...(network.kind === 'loopback' ? ['::1'] : [])].map((address) =>
      assertPortFree(name, address, ports[name]),
    ),
  );
  const problems = (await Promise.allSettled(checks)).flatMap((result) =>
    result.status === 'rejected'
      ? [result.reason instanceof Error ? result.reason.message : String(result.reason)]
      : [],
  );
  for (const problem of new Set(problems)) console.error(problem);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
