// Recording an Event never fails the caller: client-go's recorder drops events the API server
// refuses (for example in a namespace that is being terminated) and carries on.

import { recordEvent } from "../apiserver/events";
import { ApiError } from "../apiserver/errors";

export function recordSafely(...args: Parameters<typeof recordEvent>): void {
  try {
    recordEvent(...args);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}
