// Progress on stderr: one live bar rewritten in place on a terminal, plain lines
// (at most one every few seconds per cell) when stderr is a file or a pipe, so CI
// logs stay readable. Cell names and messages come from the notebook and the data: every
// text is written with its control characters escaped (a name holding ESC sequences must
// not retitle the window or clear the screen); only the line breaks of our own
// multi-line summaries are kept.

import { escapeControl } from '../core/text/escapeControl';
import type { ScoredOn } from '../core/run/result';
import { scoredOnOf } from '../core/run/scoredOn';

/** The latest epoch of a run; `scoredOn` names the rows its metric is on (a validated sweep point's held-out training rows are not the test set). */
export interface ProgressInfo {
  loss: number;
  testMetric: number;
  metric: string;
  scoredOn?: ScoredOn;
}

export interface ProgressSink {
  start(cell: string, epochs: number): void;
  update(cell: string, epoch: number, epochs: number, info: ProgressInfo): void;
  end(cell: string, line: string): void;
  message(line: string): void;
}

export function progressFor(stream: NodeJS.WriteStream, quiet: boolean): ProgressSink {
  if (quiet) return { start() {}, update() {}, end() {}, message() {} };
  const sink = stream.isTTY ? new LiveBar(stream) : new PlainLines(stream);
  const text = (line: string) => escapeControl(line, '\n');
  return {
    start: (cell, epochs) => sink.start(escapeControl(cell), epochs),
    update: (cell, epoch, epochs, info) => sink.update(escapeControl(cell), epoch, epochs, { ...info, metric: escapeControl(info.metric) }),
    end: (cell, line) => sink.end(escapeControl(cell), text(line)),
    message: (line) => sink.message(text(line)),
  };
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4);
}

class LiveBar implements ProgressSink {
  private last = 0;
  constructor(private readonly out: NodeJS.WriteStream) {}

  start(cell: string, epochs: number): void {
    this.draw(cell, 0, epochs, '');
  }

  update(cell: string, epoch: number, epochs: number, info: ProgressInfo): void {
    const now = Date.now();
    if (now - this.last < 100 && epoch < epochs) return;
    this.last = now;
    this.draw(cell, epoch, epochs, `loss ${fmt(info.loss)}  ${scoredOnOf(info.scoredOn)} ${info.metric} ${fmt(info.testMetric)}`);
  }

  end(_cell: string, line: string): void {
    this.out.write(`\r\x1b[2K${line}\n`);
  }

  message(line: string): void {
    this.out.write(`\r\x1b[2K${line}\n`);
  }

  private draw(cell: string, epoch: number, epochs: number, tail: string): void {
    const width = 24;
    const done = Math.round((width * epoch) / Math.max(1, epochs));
    const bar = '█'.repeat(done) + '░'.repeat(width - done);
    this.out.write(`\r\x1b[2K${cell} ${bar} ${epoch}/${epochs} ${tail}`);
  }
}

class PlainLines implements ProgressSink {
  private readonly lastLine = new Map<string, number>();
  constructor(private readonly out: NodeJS.WriteStream) {}

  start(cell: string, epochs: number): void {
    this.lastLine.set(cell, Date.now());
    this.out.write(`${cell}: training ${epochs} epochs\n`);
  }

  update(cell: string, epoch: number, epochs: number, info: ProgressInfo): void {
    const now = Date.now();
    if (now - (this.lastLine.get(cell) ?? 0) < 5000 || epoch === epochs) return;
    this.lastLine.set(cell, now);
    this.out.write(`${cell}: epoch ${epoch}/${epochs} loss ${fmt(info.loss)} ${scoredOnOf(info.scoredOn)} ${info.metric} ${fmt(info.testMetric)}\n`);
  }

  end(_cell: string, line: string): void {
    this.out.write(`${line}\n`);
  }

  message(line: string): void {
    this.out.write(`${line}\n`);
  }
}
