// The tempo metronome: counts slow reps the way the plan prescribes them. A tempo "3-1-2"
// at 60 BPM is three beats lowering, one paused, two rising: six beats a rep. Each phase
// starts with a high click and the page shows the rep and the phase.

import { tick } from "./sound.js";

const PHASES = ["down", "hold", "up", "pause"];

export class Metronome {
  // onBeat({rep, reps, phase, beat, beats}) on every beat; onDone() after the last rep.
  constructor({ bpm = 60, tempo = [2, 0, 2], reps = 8, onBeat = () => {}, onDone = () => {} }) {
    this.interval = 60000 / bpm;
    this.reps = reps;
    this.onBeat = onBeat;
    this.onDone = onDone;
    // Each beat of one rep as [phase, beat within the phase, beats in the phase].
    this.pattern = [];
    tempo.forEach((beats, index) => {
      for (let beat = 1; beat <= beats; beat += 1) {
        this.pattern.push([PHASES[index] || "pause", beat, beats]);
      }
    });
    if (this.pattern.length === 0) this.pattern.push(["up", 1, 1]);
    this.position = 0;
    this.timer = null;
  }

  get running() {
    return this.timer !== null;
  }

  start() {
    if (this.timer) return;
    this.step();
    this.timer = setInterval(() => this.step(), this.interval);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  step() {
    const perRep = this.pattern.length;
    const rep = Math.floor(this.position / perRep) + 1;
    if (rep > this.reps) {
      this.stop();
      this.onDone();
      return;
    }
    const [phase, beat, beats] = this.pattern[this.position % perRep];
    tick(beat === 1);
    this.onBeat({ rep, reps: this.reps, phase, beat, beats });
    this.position += 1;
  }
}
