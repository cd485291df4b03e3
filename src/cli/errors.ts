/** Errors of the command line itself, kept free of imports so the CLI can load it at once. */

/** A command was called with input it cannot use; the CLI prints the message and exits 2. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
