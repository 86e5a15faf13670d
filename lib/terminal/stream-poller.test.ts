import { describe, expect, test } from "vitest";
import { answered, ctrlC, failed, IDLE, startStream, tick } from "./stream-poller";

describe("stream polling", () => {
  test("a tick polls the open stream and waits for the answer before polling again", () => {
    const a = tick(startStream(7));
    expect(a.request).toEqual({ kind: "poll", id: 7 });
    expect(tick(a.state).request).toBeUndefined();
    const b = answered(a.state, false);
    expect(tick(b.state).request).toEqual({ kind: "poll", id: 7 });
  });

  test("an answer with done ends the stream, and later ticks send nothing", () => {
    const a = tick(startStream(1));
    const b = answered(a.state, true);
    expect(b.state).toEqual(IDLE);
    expect(tick(b.state).request).toBeUndefined();
  });

  test("Ctrl-C between polls interrupts at once, and only once", () => {
    const c = ctrlC(startStream(3));
    expect(c.request).toEqual({ kind: "interrupt", id: 3 });
    expect(ctrlC(c.state).request).toBeUndefined();
    expect(tick(c.state).request).toBeUndefined();
    expect(answered(c.state, true).state).toEqual(IDLE);
  });

  test("Ctrl-C during a poll is sent as soon as that poll answers", () => {
    const a = tick(startStream(4));
    const c = ctrlC(a.state);
    expect(c.request).toBeUndefined();
    const b = answered(c.state, false);
    expect(b.request).toEqual({ kind: "interrupt", id: 4 });
  });

  test("a stream that ends by itself while Ctrl-C waits sends no interrupt", () => {
    const c = ctrlC(tick(startStream(5)).state);
    const b = answered(c.state, true);
    expect(b.request).toBeUndefined();
    expect(b.state).toEqual(IDLE);
  });

  test("a failed request is retried on the next tick, an interrupt as an interrupt", () => {
    const a = tick(startStream(6));
    expect(tick(failed(a.state)).request).toEqual({ kind: "poll", id: 6 });
    const c = ctrlC(startStream(6));
    expect(tick(failed(c.state)).request).toEqual({ kind: "interrupt", id: 6 });
  });
});
