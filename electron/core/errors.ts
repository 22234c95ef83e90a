/** Raised while opening the core; the message is shown to the user as is. */
export class CoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoreOpenError';
  }
}
