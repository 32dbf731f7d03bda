// Countdowns that survive a phone's throttled timers: the time left is computed from the
// clock on each tick, never by counting ticks.

export function clockText(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export class Countdown {
  // onTick(secondsLeft) on every quarter second; onDone() once, at zero or on skip.
  constructor(seconds, { onTick = () => {}, onDone = () => {} } = {}) {
    this.total = seconds;
    this.onTick = onTick;
    this.onDone = onDone;
    this.endsAt = null;
    this.left = seconds;
    this.timer = null;
    this.finished = false;
  }

  start() {
    if (this.timer || this.finished) return;
    this.endsAt = performance.now() + this.left * 1000;
    this.timer = setInterval(() => this.tick(), 250);
    this.tick();
  }

  pause() {
    if (!this.timer) return;
    this.left = this.remaining();
    clearInterval(this.timer);
    this.timer = null;
  }

  get running() {
    return this.timer !== null;
  }

  remaining() {
    return this.timer ? Math.max(0, (this.endsAt - performance.now()) / 1000) : this.left;
  }

  // −15 s / +15 s on a rest: never below zero (zero ends it).
  add(seconds) {
    if (this.finished) return;
    if (this.timer) this.endsAt += seconds * 1000;
    else this.left = Math.max(0, this.left + seconds);
    this.tick();
  }

  skip() {
    this.finish();
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.finished = true;
  }

  tick() {
    const left = this.remaining();
    this.onTick(left);
    if (this.timer && left <= 0) this.finish();
  }

  finish() {
    if (this.finished) return;
    this.stop();
    this.onTick(0);
    this.onDone();
  }
}
