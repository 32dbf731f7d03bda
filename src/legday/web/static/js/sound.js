// Beeps and clicks from Web Audio: no sound files to download or cache. The context is made
// on the first tap (browsers keep audio silent until the user has touched the page).

let context = null;

export function unlockAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return null;
  if (!context) context = new Context();
  if (context.state === "suspended") context.resume();
  return context;
}

// One short tone `at` seconds from now (context time), so a metronome can schedule ahead.
export function tone(frequency, duration = 0.08, at = 0, volume = 0.3) {
  const ctx = unlockAudio();
  if (!ctx) return;
  const start = ctx.currentTime + at;
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(volume, start);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.02);
}

// The end of a rest or a hold: three rising beeps, loud enough across a room.
export function alarm() {
  tone(660, 0.15, 0, 0.5);
  tone(880, 0.15, 0.2, 0.5);
  tone(1100, 0.3, 0.4, 0.5);
}

export function tick(high = false) {
  tone(high ? 1320 : 880, 0.05, 0, high ? 0.45 : 0.25);
}
