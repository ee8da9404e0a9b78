/**
 * Calls `onQuiet` once nothing has happened for `quietMs` after the last `touch()`. One timer,
 * re-armed for the rest of the quiet spell when it fires too early, instead of reset on every
 * touch: a drag touches it 60 times a second. A `quietMs` of 0 or less never fires.
 */
export class QuietTimer {
  private lastTouch = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly quietMs: number,
    private readonly onQuiet: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  touch(): void {
    this.lastTouch = this.now();
    if (this.quietMs > 0 && !this.timer) this.arm(this.quietMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const rest = this.lastTouch + this.quietMs - this.now();
      if (rest > 0) this.arm(rest);
      else this.onQuiet();
    }, ms).unref();
  }
}
