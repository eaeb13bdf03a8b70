#!/usr/bin/env node
// The package's bin. The command line is TypeScript, so this shim registers tsx, which is
// installed with the project, and then runs the TypeScript entry point.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
