import { USAGE, usageError } from './common.js';
import { VERSION } from '../version.js';

/**
 * `indicator-expr`: the command line. Exit codes: 0 every line/row was read (and
 * judged), 1 some could not be (or `--fail-on` matched), 2 usage errors and tables that
 * cannot be read at all. Errors go to standard error without stack traces.
 *
 * Each command is loaded when it is run: `parse` does not load the table layer (nor
 * iconv-lite, fflate and saxes).
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
  switch (command) {
    case 'parse': return (await import('./parse.js')).parseCommand(rest);
    case 'check': return (await import('./check.js')).checkCommand(rest);
    case 'normalize': return (await import('./normalize.js')).normalizeCommand(rest);
    case 'eval': return (await import('./eval.js')).evalCommand(rest);
    default:
      return usageError(`unknown command "${command}"`);
  }
}

// A reader that goes away (`| head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`indicator-expr: ${e.message}\n`);
  process.exit(2);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    // Unexpected failures are reported in one line; a stack trace helps no user of a table.
    process.stderr.write(`indicator-expr: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
