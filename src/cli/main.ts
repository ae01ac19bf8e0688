import { parseCommand } from './parse.js';
import { USAGE, usageError, type CommandResult } from './common.js';
import { VERSION } from '../version.js';

/**
 * `indicator-expr`: the command line. Exit codes: 0 every line/row was read, 1 some
 * could not be, 2 usage errors. Errors go to standard error without stack traces.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  let result: CommandResult;
  switch (command) {
    case 'parse':
      result = await parseCommand(rest);
      break;
    default:
      return usageError(`unknown command "${command}"`);
  }
  return result;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    // Unexpected failures are reported in one line; a stack trace helps no user of a table.
    process.stderr.write(`indicator-expr: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);


