/** Writes one line of server log. Servers take it as a parameter so that tests can silence or capture it. */
export type Log = (line: string) => void;

export const consoleLog: Log = (line) => {
  console.log(line);
};

export const silentLog: Log = () => {};
