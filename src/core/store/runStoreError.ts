// The run store's own errors: a code says which kind, the message says what and where.

export class RunStoreError extends Error {
  override readonly name = 'RunStoreError';
  constructor(
    message: string,
    readonly code: 'EEXIST' | 'ECORRUPT' | 'ENOTRUN' | 'EMODEL',
  ) {
    super(message);
  }
}
