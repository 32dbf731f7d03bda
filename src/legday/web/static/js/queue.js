// Logged sets wait in IndexedDB until the server has them. Each set carries an id made here
// (crypto.randomUUID), and the server answers a replay of the same id with the stored set,
// so sending again after a lost answer never logs a set twice.

const DB = "legday";
const STORE = "sets";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: "client_id" });
      store.createIndex("state", "state");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, action) {
  return open().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const result = action(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(result && "result" in result ? result.result : undefined);
        };
        tx.onerror = () => reject(tx.error);
      }),
  );
}

export function newId() {
  return crypto.randomUUID();
}

// Keep a set until it is synced: {url, body: {client_id, ...}}.
export function enqueue(url, body) {
  const entry = { client_id: body.client_id, url, body, state: "pending", queued: Date.now() };
  return run("readwrite", (store) => store.put(entry));
}

export function all() {
  return run("readonly", (store) => store.getAll());
}

export async function pending() {
  return (await all()).filter((entry) => entry.state === "pending");
}

function mark(entry, state, detail = "") {
  return run("readwrite", (store) => store.put({ ...entry, state, detail }));
}

let chain = Promise.resolve();

// Send every waiting set, oldest first; stop at the first network failure (still offline).
// Returns {sent, left, refused}. A refusal (4xx: the server will never take it) is kept,
// marked, and shown, never retried in a loop. Calls run one after the other, so a set
// logged while a send is under way goes in the next pass, never in two at once.
export function flush(csrf = "") {
  const run = chain.then(() => send(csrf));
  chain = run.catch(() => undefined);
  return run;
}

async function send(csrf) {
  const waiting = (await pending()).sort((a, b) => a.queued - b.queued);
  let sent = 0;
  let refused = 0;
  for (const entry of waiting) {
    let response;
    try {
      response = await fetch(entry.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(entry.body),
        credentials: "same-origin",
      });
    } catch {
      break; // offline: everything left waits for the next `online`
    }
    if (response.ok) {
      await mark(entry, "synced");
      sent += 1;
    } else if (refusedForGood(response.status)) {
      let detail = `HTTP ${response.status}`;
      try {
        detail = (await response.json()).detail || detail;
      } catch {
        // not JSON: the status says enough
      }
      await mark(entry, "refused", String(detail));
      refused += 1;
    } else {
      break; // a server error, a timeout or too many requests: try again later
    }
  }
  const left = (await pending()).length;
  return { sent, left, refused };
}

/** Whether the server refused the set for good (a 4xx other than 408 and 429): anything
 * else (5xx such as a busy logbook's 503, a timeout, a network error) keeps it queued. */
export function refusedForGood(status) {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
