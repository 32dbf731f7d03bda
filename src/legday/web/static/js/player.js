// The session player: warm-up jog, drills, each set with its metronome or hold timer, a
// one- or two-tap log, the rest countdown, cool-down stretches. The session comes from the
// page (a JSON block: no inline script under the Content-Security-Policy).

import { flush, enqueue, newId, all } from "./queue.js";
import { Metronome } from "./metronome.js";
import { alarm, tick, unlockAudio } from "./sound.js";
import { Countdown, clockText } from "./timers.js";
import { keepAwake, letSleep } from "./wakelock.js";

const data = JSON.parse(document.getElementById("session-data").textContent);
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
const $ = (id) => document.getElementById(id);
const ui = {
  count: $("step-count"),
  title: $("step-title"),
  detail: $("step-detail"),
  figure: $("step-figure"),
  picture: $("step-picture"),
  clock: $("clock"),
  beat: $("beat"),
  status: $("status"),
  cues: $("cues"),
  controls: $("controls"),
  form: $("log-form"),
  legend: $("log-legend"),
  next: $("next-title"),
  sync: $("sync-state"),
};
const SIDE = { left: "left leg", right: "right leg", both: "" };

// --- the steps, in order ------------------------------------------------------------
function buildSteps() {
  const steps = [];
  for (const jog of data.jog) steps.push({ kind: "timed", title: `Warm-up: ${jog.name}`, seconds: jog.seconds, detail: "Easy pace: you can talk in full sentences." });
  for (const drill of data.drills) steps.push({ kind: "timed", title: `Warm-up: ${drill.name}`, seconds: drill.seconds, detail: "Loosen up, no strain." });
  data.exercises.forEach((exercise, index) => {
    // lighter sets before the first work set (a barbell lift's ramp): timed, not logged
    for (const w of exercise.warmup_sets || []) {
      steps.push({ kind: "timed", title: `Warm-up set: ${exercise.name}`, seconds: w.seconds, detail: `${w.reps} reps at ${w.kg} kg, easy: not a work set.` });
    }
    for (let set = 1; set <= exercise.sets; set += 1) {
      for (const side of exercise.sides) steps.push(setStep(index, set, side, set));
    }
    if (exercise.extra_side) {
      steps.push(setStep(index, exercise.sets + 1, exercise.extra_side, exercise.sets + 1));
    }
  });
  for (const stretch of data.stretches) {
    for (const side of stretch.per_side ? ["left", "right"] : ["both"]) {
      steps.push({ kind: "stretch", title: `Cool-down: ${stretch.name}`, side, seconds: stretch.seconds, picture: stretch.picture });
    }
  }
  steps.push({ kind: "finish", title: "Session done" });
  return steps;
}

// `round`: the sets done one after the other without a rest (left then right leg)
function setStep(exercise, set, side, round) {
  return { kind: "set", exercise, set, side, round };
}

function describe(step) {
  if (!step) return "nothing: well done";
  if (step.kind === "set") {
    const exercise = data.exercises[step.exercise];
    const side = SIDE[step.side] ? ` · ${SIDE[step.side]}` : "";
    return `${exercise.name}: set ${step.set} of ${setsOf(step.exercise, step.side)}${side}`;
  }
  if (step.kind === "stretch") return step.title + (SIDE[step.side] ? ` · ${SIDE[step.side]}` : "");
  return step.title;
}

function setsOf(exercise, side) {
  return steps.filter((s) => s.kind === "set" && s.exercise === exercise && s.side === side).length;
}

let steps = buildSteps();
let at = -1; // the step on screen; -1 is the overview
let timer = null;
let metronome = null;
let logged = 0;

// --- screen helpers -------------------------------------------------------------------
function buttons(...specs) {
  ui.controls.replaceChildren(
    ...specs.filter(Boolean).map(([label, action, style, id]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      if (style) button.className = style;
      if (id) button.id = id;
      button.addEventListener("click", () => {
        unlockAudio();
        action();
      });
      return button;
    }),
  );
}

function stopClocks() {
  if (timer) timer.stop();
  if (metronome) metronome.stop();
  timer = null;
  metronome = null;
  ui.beat.hidden = true;
}

function showClock(seconds) {
  ui.clock.hidden = false;
  ui.clock.classList.toggle("done", seconds <= 0);
  ui.clock.textContent = clockText(seconds);
}

function say(text) {
  ui.status.textContent = text;
}

function showNext() {
  ui.next.textContent = describe(steps[at + 1]);
}

function showPicture(src, label, side = "both") {
  ui.figure.hidden = !src;
  // the picture works one leg; the caption says which leg this set is for
  $("step-caption").textContent = SIDE[side] ? `This set: your ${SIDE[side]} (the drawing shows one side).` : "";
  if (src) {
    ui.picture.src = src;
    ui.picture.alt = `How to do it: ${label}`;
  }
}

function showCues(cues) {
  ui.cues.replaceChildren(
    ...cues.map((cue) => {
      const item = document.createElement("li");
      item.textContent = cue;
      return item;
    }),
  );
  ui.cues.hidden = cues.length === 0;
}

function countdown(seconds, onDone, beepsFrom = 3) {
  let lastWhole = Math.ceil(seconds);
  timer = new Countdown(seconds, {
    onTick: (left) => {
      showClock(left);
      const whole = Math.ceil(left);
      if (whole !== lastWhole && whole > 0 && whole <= beepsFrom) tick(false);
      lastWhole = whole;
    },
    onDone: () => {
      alarm();
      onDone();
    },
  });
  timer.start();
  return timer;
}

// --- the steps on screen ----------------------------------------------------------------
function go(index) {
  stopClocks();
  ui.form.hidden = true;
  $("overview").hidden = true;
  at = Math.min(index, steps.length - 1);
  const step = steps[at];
  ui.count.textContent = `Step ${at + 1} of ${steps.length}`;
  ui.title.textContent = describe(step);
  say("");
  showNext();
  ui.clock.hidden = true;
  showCues([]);
  showPicture("", "");
  if (step.kind === "timed") timedStep(step);
  else if (step.kind === "set") setScreen(step);
  else if (step.kind === "stretch") stretchStep(step);
  else finishStep();
  ui.title.focus({ preventScroll: true });
}

function timedStep(step) {
  const music = data.music.low ? ` Music: ${data.music.low}-${data.music.high} BPM.` : "";
  ui.detail.textContent = step.detail + music;
  showClock(step.seconds);
  const begin = () => {
    countdown(step.seconds, () => {
      say("Time: on to the next step.");
      buttons(["Next", () => go(at + 1), "big", "next-step"]);
    });
    buttons(["Pause", () => pauseResume(), "secondary", "pause"], ["Skip", () => go(at + 1), "secondary", "skip"]);
  };
  buttons(["Start timer", begin, "big", "start-timer"], ["Skip", () => go(at + 1), "secondary", "skip"]);
}

function pauseResume() {
  if (!timer) return;
  const button = $("pause");
  if (timer.running) {
    timer.pause();
    if (button) button.textContent = "Resume";
  } else {
    timer.start();
    if (button) button.textContent = "Pause";
  }
}

function prescription(exercise) {
  const parts = [];
  if (exercise.reps) parts.push(`${exercise.reps} reps`);
  if (exercise.seconds) parts.push(`hold ${exercise.seconds} s`);
  parts.push(exercise.load);
  if (exercise.reps && exercise.tempo) parts.push(`tempo ${exercise.tempo}`);
  return parts.join(" · ");
}

function setScreen(step) {
  const exercise = data.exercises[step.exercise];
  ui.detail.textContent = prescription(exercise);
  showPicture(exercise.picture, exercise.name, step.side);
  showCues(exercise.cues);
  if (exercise.hold) {
    showClock(exercise.seconds);
    buttons(
      ["Start hold", () => getReady(step, exercise), "big", "start-hold"],
      ["Log set", () => openLog(step), "secondary", "log-open"],
      ["Skip the rest of this exercise", () => skipExercise(step), "secondary", "skip-exercise"],
    );
  } else {
    buttons(
      ["Done as planned", () => logSet(step, planned(step)), "big", "done-planned"],
      ["Change numbers", () => openLog(step), "secondary", "log-open"],
      ["Metronome", () => toggleMetronome(exercise), "secondary", "metronome"],
      ["Skip the rest of this exercise", () => skipExercise(step), "secondary", "skip-exercise"],
    );
  }
}

function toggleMetronome(exercise) {
  if (metronome && metronome.running) {
    metronome.stop();
    ui.beat.hidden = true;
    return;
  }
  ui.beat.hidden = false;
  metronome = new Metronome({
    bpm: data.metronome_bpm,
    tempo: exercise.tempo_beats,
    reps: exercise.reps || 1,
    onBeat: ({ rep, reps, phase, beat, beats }) => {
      ui.beat.textContent = `Rep ${rep} of ${reps} · ${phase} ${beat}/${beats}`;
    },
    onDone: () => {
      ui.beat.textContent = `${exercise.reps} reps: log the set`;
      alarm();
    },
  });
  metronome.start();
}

// Timed holds: a get-ready count, then the hold; one-legged holds are timed side by side
// (each side is its own step, so the clock restarts for the other leg).
function getReady(step, exercise) {
  say("Get ready");
  countdown(
    data.get_ready_s,
    () => {
      say(`Hold${SIDE[step.side] ? ` on the ${SIDE[step.side]}` : ""}`);
      countdown(exercise.seconds, () => {
        say("Hold done");
        buttons(
          ["Done as planned", () => logSet(step, planned(step)), "big", "done-planned"],
          ["Change numbers", () => openLog(step), "secondary", "log-open"],
        );
      });
      buttons(["Stop hold", () => timer.skip(), "secondary", "stop-hold"]);
    },
    5,
  );
  buttons(["Cancel", () => go(at), "secondary", "cancel"]);
}

function planned(step) {
  const exercise = data.exercises[step.exercise];
  return {
    reps: exercise.reps,
    seconds: exercise.seconds,
    kg: exercise.kg,
    rpe: exercise.target_rpe,
    form_ok: true,
    pain: 0,
  };
}

function openLog(step) {
  const values = planned(step);
  const exercise = data.exercises[step.exercise];
  ui.legend.textContent = `Log ${describe(step)}`;
  $("log-reps").value = values.reps ?? "";
  $("log-reps").closest("label").hidden = !exercise.reps;
  $("log-seconds").value = values.seconds ?? "";
  $("log-seconds").closest("label").hidden = !exercise.seconds;
  $("log-kg").value = values.kg ?? "";
  $("log-rpe").value = values.rpe;
  $("log-pain").value = 0;
  $("log-form-ok").checked = true;
  ui.form.hidden = false;
  ui.form.onsubmit = (event) => {
    event.preventDefault();
    const number = (id) => ($(id).value === "" ? null : Number($(id).value));
    logSet(step, {
      reps: exercise.reps ? number("log-reps") : null,
      seconds: exercise.seconds ? number("log-seconds") : null,
      kg: number("log-kg"),
      rpe: number("log-rpe"),
      pain: number("log-pain") ?? 0,
      form_ok: $("log-form-ok").checked,
    });
  };
  $(exercise.reps ? "log-reps" : "log-seconds").focus();
}

async function logSet(step, values) {
  stopClocks();
  ui.form.hidden = true;
  const exercise = data.exercises[step.exercise];
  const body = {
    client_id: newId(),
    date: data.date,
    exercise: exercise.id,
    set_no: step.set,
    side: step.side,
    reps: values.reps,
    seconds: values.seconds,
    kg: values.kg,
    rpe: values.rpe,
    form_ok: values.form_ok,
    pain: values.pain,
  };
  await enqueue(data.sets_url, body);
  logged += 1;
  say(values.pain >= 4 ? "Pain 4 or more: stop this exercise and tell someone who treats runners." : "Set logged.");
  sync();
  afterSet(step);
}

// After a set: rest (the exercise's own rest), or add one more set, or go on.
function afterSet(step) {
  const exercise = data.exercises[step.exercise];
  const next = steps[at + 1];
  const more = ["One more set", () => addSet(step), "secondary", "add-set"];
  if (!next || next.kind !== "set") {
    buttons(["Next", () => go(at + 1), "big", "next-step"], more);
    return;
  }
  const otherSide = next.exercise === step.exercise && next.round === step.round;
  if (otherSide) {
    say(`Set logged. Now the ${SIDE[next.side]}.`);
    buttons([`Go: ${SIDE[next.side]}`, () => go(at + 1), "big", "next-step"], more);
    return;
  }
  ui.title.textContent = `Rest · then ${describe(next)}`;
  ui.detail.textContent = `${exercise.rest_s} s rest`;
  countdown(exercise.rest_s, () => {
    say("Rest over: next set.");
    go(at + 1);
  });
  buttons(
    ["−15 s", () => timer && timer.add(-15), "secondary", "rest-less"],
    ["+15 s", () => timer && timer.add(15), "secondary", "rest-more"],
    ["Skip rest", () => timer && timer.skip(), "secondary", "rest-skip"],
    more,
  );
}

function addSet(step) {
  const exercise = data.exercises[step.exercise];
  const round = Math.max(...steps.filter((s) => s.exercise === step.exercise).map((s) => s.round)) + 1;
  const added = exercise.sides.map((side) =>
    setStep(step.exercise, setsOf(step.exercise, side) + 1, side, round),
  );
  let last = at;
  while (steps[last + 1] && steps[last + 1].kind === "set" && steps[last + 1].exercise === step.exercise) last += 1;
  steps.splice(last + 1, 0, ...added);
  go(at + 1);
}

function skipExercise(step) {
  // fewer sets than planned: this exercise's sets from here on are dropped
  steps = steps.filter((s, index) => index < at || !(s.kind === "set" && s.exercise === step.exercise));
  go(at);
}

function stretchStep(step) {
  ui.detail.textContent = `Hold ${step.seconds} s, breathing slowly`;
  showPicture(step.picture, step.title, step.side);
  showClock(step.seconds);
  buttons(
    ["Start hold", () => {
      countdown(step.seconds, () => {
        say("Hold done.");
        buttons(["Next", () => go(at + 1), "big", "next-step"]);
      });
      buttons(["Skip", () => go(at + 1), "secondary", "skip"]);
    }, "big", "start-hold"],
    ["Skip", () => go(at + 1), "secondary", "skip"],
  );
}

function finishStep() {
  letSleep();
  ui.detail.textContent = `${logged} set${logged === 1 ? "" : "s"} logged this time.`;
  ui.next.textContent = "rest and recover";
  buttons(["See your progress", () => (window.location.href = data.progress_url), "big", "see-progress"]);
  sync();
}

// --- sync and offline -----------------------------------------------------------------
async function sync() {
  let result;
  try {
    result = await flush(csrf);
  } catch {
    return;
  }
  const refused = (await all()).filter((entry) => entry.state === "refused");
  ui.sync.classList.toggle("pending", result.left > 0 || refused.length > 0);
  ui.sync.classList.toggle("synced", result.left === 0 && refused.length === 0);
  if (refused.length) ui.sync.textContent = `${refused.length} set(s) refused: ${refused[0].detail}`;
  else if (result.left) ui.sync.textContent = `${result.left} set(s) waiting for a connection`;
  else ui.sync.textContent = "All sets saved";
  document.body.dataset.sync = result.left === 0 ? "idle" : "waiting";
}

window.addEventListener("online", () => sync());
// a connection can come back without an `online` event (a captive Wi-Fi signing in)
setInterval(() => {
  if (document.body.dataset.sync === "waiting") sync();
}, 30000);

function registerWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const pages = data.upcoming.map((day) => `/athletes/${data.athlete}/play/${day}`);
      registration.active?.postMessage({ type: "keep", urls: [window.location.pathname, ...pages] });
    })
    .catch(() => {}); // no worker (private mode): the player still works online
}

// --- start ------------------------------------------------------------------------------
const begin = $("begin");
if (begin) {
  begin.addEventListener("click", () => {
    unlockAudio();
    keepAwake();
    go(0);
  });
  begin.disabled = false; // rendered disabled so a tap before the script runs is not lost
  showNext();
}
registerWorker();
sync();
document.body.dataset.player = "ready";
