// Last-resort cleanup when a run is cut short: on exit, Ctrl+C or SIGTERM (a time-out
// in the parent runner) the registered tasks run, newest first, so a server is killed
// before the folder it writes to is removed. Tasks must be synchronous: 'exit'
// handlers cannot wait.
const tasks: Array<() => void> = [];
let installed = false;

function runAll(): void {
  while (tasks.length > 0) {
    const task = tasks.pop() as () => void;
    try {
      task();
    } catch {
      // Best effort: keep cleaning up the rest.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  const exitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
  for (const signal of Object.keys(exitCodes) as Array<keyof typeof exitCodes>) {
    // process.exit runs the 'exit' handler above.
    process.once(signal, () => process.exit(exitCodes[signal]));
  }
}

/** Registers `task` to run if the process ends first; the returned function unregisters it. */
export function onExit(task: () => void): () => void {
  install();
  tasks.push(task);
  return () => {
    const index = tasks.lastIndexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}
