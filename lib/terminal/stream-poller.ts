// While a command streams (kubectl get -w, rollout status, logs -f, watch, fg) the terminal polls
// the server about once a second and Ctrl-C interrupts it (sim/README.md, "Interactive terminal").
// This is the state machine alone: at most one request in flight, a Ctrl-C typed while a poll is
// under way is sent as soon as that poll answers, and an answer with `done` ends the stream.

export const POLL_INTERVAL_MS = 800;

export type StreamState =
  | { kind: "idle" }
  | { kind: "streaming"; id: number; inFlight: boolean; interruptWanted: boolean; interruptSent: boolean };

export type StreamRequest = { kind: "poll" | "interrupt"; id: number };

export const IDLE: StreamState = { kind: "idle" };

export function startStream(id: number): StreamState {
  return { kind: "streaming", id, inFlight: false, interruptWanted: false, interruptSent: false };
}

function send(s: Extract<StreamState, { kind: "streaming" }>): { state: StreamState; request?: StreamRequest } {
  if (s.interruptWanted) return { state: { ...s, inFlight: true, interruptSent: true }, request: { kind: "interrupt", id: s.id } };
  return { state: { ...s, inFlight: true }, request: { kind: "poll", id: s.id } };
}

/** The poll timer fired: poll unless a request is already out. */
export function tick(s: StreamState): { state: StreamState; request?: StreamRequest } {
  if (s.kind !== "streaming" || s.inFlight || s.interruptSent) return { state: s };
  return send(s);
}

/** Ctrl-C: interrupt now, or right after the poll in flight answers. */
export function ctrlC(s: StreamState): { state: StreamState; request?: StreamRequest } {
  if (s.kind !== "streaming" || s.interruptWanted) return { state: s };
  const wanted = { ...s, interruptWanted: true };
  return s.inFlight ? { state: wanted } : send(wanted);
}

/** The server answered the request in flight. */
export function answered(s: StreamState, done: boolean): { state: StreamState; request?: StreamRequest } {
  if (s.kind !== "streaming") return { state: s };
  if (done) return { state: IDLE };
  const next = { ...s, inFlight: false };
  return next.interruptWanted ? send({ ...next, interruptSent: false }) : { state: next };
}

/** The request failed (network, 409): try again on the next tick. */
export function failed(s: StreamState): StreamState {
  return s.kind === "streaming" ? { ...s, inFlight: false, interruptSent: false } : s;
}
