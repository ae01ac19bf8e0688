import type { Locale } from '../i18n/messages.js';
import { VERSION } from '../version.js';
import { asksForHelp, commandHelp, localeOf, mainHelp, nearest, reportUsage, UsageError } from './args.js';
import { fileProblem } from './files.js';
import { COMMANDS, isCommand, type CommandName } from './spec.js';

/**
 * `indicator-expr`: the command line. Exit codes: 0 every line/row was read (and
 * judged), 1 some could not be (or `--fail-on` matched), 2 usage errors and tables that
 * cannot be read at all. Errors go to standard error without stack traces, in the
 * language of `--locale` (Chinese by default).
 *
 * Each command is loaded when it is run: `parse` does not load the table layer (nor
 * iconv-lite, fflate and saxes).
 */
async function main(argv: string[], locale: Locale): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(mainHelp(locale));
    return 2;
  }
  if (command === '--help' || command === '-h') {
    process.stdout.write(mainHelp(locale));
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    if (topic === undefined) process.stdout.write(mainHelp(locale));
    else process.stdout.write(commandHelp(knownCommand(topic), locale));
    return 0;
  }
  const name = knownCommand(command);
  if (asksForHelp(rest)) {
    process.stdout.write(commandHelp(name, locale));
    return 0;
  }
  switch (name) {
    case 'parse': return (await import('./parse.js')).parseCommand(rest, locale);
    case 'check': return (await import('./check.js')).checkCommand(rest, locale);
    case 'normalize': return (await import('./normalize.js')).normalizeCommand(rest, locale);
    case 'eval': return (await import('./eval.js')).evalCommand(rest, locale);
  }
}

function knownCommand(name: string): CommandName {
  if (isCommand(name)) return name;
  const names = Object.keys(COMMANDS);
  const near = nearest(name, names);
  throw new UsageError('UNKNOWN_COMMAND', { command: name, commands: names.join(', ') }, near === null ? null : { kind: 'option', text: near });
}

// A reader that goes away (`| head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`indicator-expr: ${e.message}\n`);
  process.exit(2);
});

const argv = process.argv.slice(2);
const locale = localeOf(argv);
const command = argv[0] !== undefined && isCommand(argv[0]) ? argv[0] : null;
main(argv, locale).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    // A file the system refuses (it went away while being read): in words, not `ENOENT`.
    const path = (e as NodeJS.ErrnoException | null)?.path;
    const problem = e instanceof UsageError ? e : typeof path === 'string' ? fileProblem(e, path) : null;
    if (problem !== null) {
      process.exitCode = reportUsage(problem, locale, command);
      return;
    }
    // Unexpected failures are reported in one line; a stack trace helps no user of a table.
    process.stderr.write(`indicator-expr: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
