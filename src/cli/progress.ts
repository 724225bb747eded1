/** A progress bar on the terminal for long commands (imports, backups, recomputes). */

/** Draws "[#####.....] 50% 500/1000 label" on stderr, redrawn in place on a terminal. */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let last = -1;
  return {
    update(done: number, total: number) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (percent === last && done !== total) return;
      last = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} ${label}`;
      if (stream.isTTY) stream.write(`\r${bar}`);
      else if (percent % 25 === 0 || done === total) stream.write(`${bar}\n`);
      if (done === total && stream.isTTY) stream.write('\n');
    },
  };
}
