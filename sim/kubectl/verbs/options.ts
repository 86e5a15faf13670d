// `kubectl options`: the global flags' help.
import { HELP_TEXTS } from "../help/texts";
import { verb } from "../framework/verb";

export const optionsVerb = verb({
  name: "options",
  run(ctx) {
    ctx.out(HELP_TEXTS["options"]);
    return 0;
  },
});
