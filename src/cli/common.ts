import { VERSION } from '../version.js';

export type CommandResult = number;

export const USAGE = `indicator-expr ${VERSION} — read, normalize, evaluate and score the target values of
Chinese budget performance tables (绩效目标表 / 绩效自评表).

Usage:
  indicator-expr parse [TEXT…] [--locale zh|en] [--year YYYY] [--fen score|cent]
      One JSON line per TEXT, or per line of standard input when no TEXT is given.
      Line N of the output answers line N of the input; a line that cannot be parsed
      prints {"text", "error": {code, message, offset, length}} and the rest goes on.

  indicator-expr --help | --version

Exit codes: 0 every input was read, 1 some could not be, 2 usage error.
`;

export function usageError(message: string): number {
  process.stderr.write(`indicator-expr: ${message}\nRun "indicator-expr --help" for usage.\n`);
  return 2;
}

/** Writes through a small buffer and honours back-pressure, so huge outputs stay in constant memory. */
export class LineWriter {
  private buf: string[] = [];
  private size = 0;

  async line(s: string): Promise<void> {
    this.buf.push(s, '\n');
    this.size += s.length + 1;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!process.stdout.write(chunk)) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
}
