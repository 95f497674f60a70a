#!/usr/bin/env node
// The `coi` command. Loads the TypeScript sources through tsx, so the package runs without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv.slice(2));
