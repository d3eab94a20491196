/**
 * Everything a benchmark starts (clusters, server processes, temp folders) registers its teardown
 * here, so it is undone on success, on failure, and on Ctrl-C alike.
 */
type Teardown = () => unknown | Promise<unknown>;

const teardowns: Teardown[] = [];

/** Registers a teardown and returns a function that runs it now (once) and unregisters it. */
export function onCleanup(teardown: Teardown): () => Promise<void> {
  teardowns.push(teardown);
  return async () => {
    const index = teardowns.indexOf(teardown);
    if (index === -1) return;
    teardowns.splice(index, 1);
    await teardown();
  };
}

/** Runs every registered teardown, newest first; a failing one does not stop the others. */
export async function cleanupAll(): Promise<void> {
  while (teardowns.length > 0) {
    const teardown = teardowns.pop() as Teardown;
    try {
      await teardown();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

/**
 * On SIGINT/SIGTERM, and on a crash outside any try/finally (an unhandled error, or stdout closed
 * by `| head`): tear everything down, then exit (128 + signal number, or 1).
 */
export function cleanupOnSignals(): void {
  const stop = (code: number) => () => {
    void cleanupAll().finally(() => process.exit(code));
  };
  process.once('SIGINT', stop(130));
  process.once('SIGTERM', stop(143));
  process.stdout.on('error', stop(1));
  process.once('uncaughtException', (error) => {
    console.error(error);
    stop(1)();
  });
}
