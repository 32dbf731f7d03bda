// Keep the phone's screen on while a session plays (Screen Wake Lock API where the browser
// has it). The lock is dropped whenever the page is hidden, so it is asked for again.

let sentinel = null;
let wanted = false;

async function acquire() {
  if (!wanted || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  try {
    sentinel = await navigator.wakeLock.request("screen");
    document.body.dataset.awake = "yes";
    sentinel.addEventListener("release", () => {
      sentinel = null;
      document.body.dataset.awake = "no";
    });
  } catch {
    sentinel = null; // low battery or a denied permission: the session plays on regardless
  }
}

document.addEventListener("visibilitychange", () => {
  if (!sentinel) acquire();
});

export function keepAwake() {
  wanted = true;
  return acquire();
}

export function letSleep() {
  wanted = false;
  if (sentinel) sentinel.release();
  sentinel = null;
}

export function awake() {
  return sentinel !== null;
}
