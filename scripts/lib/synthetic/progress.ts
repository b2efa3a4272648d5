/**
 * A progress bar on stderr for long scripts (issue 14's data generator): per table, rows done / total, rate and ETA,
 * redrawn at most 10 times a second on a terminal; one plain line per table when stderr is not a terminal (CI, logs).
 */
export interface Progress {
  (done: number, total: number, label: string): void;
  /** The table is done: a final line. */
  finish(label: string, done: number, seconds: number): void;
}

const WIDTH = 24;

export function formatRate(done: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  return rate >= 1_000 ? `${(rate / 1_000).toFixed(1)} k/s` : `${rate.toFixed(0)} /s`;
}

/** The bar's line: `label [#####·····]  12 000/30 000  40 %  52.1 k/s  ETA 0:03`. */
export function progressLine(label: string, done: number, total: number, seconds: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * WIDTH);
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? Math.max(0, Math.round((total - done) / rate)) : 0;
  const n = (x: number) => x.toLocaleString("en-US").replace(/,/g, " ");
  return `${label.padEnd(18)} [${"#".repeat(filled)}${"·".repeat(WIDTH - filled)}] ${n(done)}/${n(total)}  ${String(Math.round(share * 100)).padStart(3)} %  ${formatRate(done, seconds)}  ETA ${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, "0")}`;
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let started = Date.now();
  let current = "";
  let drawn = 0;
  const progress = ((done: number, total: number, label: string) => {
    if (label !== current) {
      current = label;
      started = Date.now();
    }
    if (!tty) return;
    const now = Date.now();
    if (now - drawn < 100 && done < total) return;
    drawn = now;
    stream.write(`\r${progressLine(label, done, total, (now - started) / 1000)}\x1b[K`);
  }) as Progress;
  progress.finish = (label, done, seconds) => {
    const line = `${label.padEnd(18)} ${done.toLocaleString("en-US").replace(/,/g, " ")} rows in ${seconds.toFixed(1)} s (${formatRate(done, seconds)})`;
    stream.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
  };
  return progress;
}
