/**
 * A command whose library this build does not contain yet: its flags, help and checks are in place,
 * and running it says so in one line (exit 1) after the checks, never pretending to have run.
 */
export class NotAvailableError extends Error {
  constructor(command: string, library: string) {
    super(
      `${command} is not available in this build: it runs on ${library}, which this build does not include yet`,
    );
    this.name = 'NotAvailableError';
  }
}
