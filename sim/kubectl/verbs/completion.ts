// `kubectl completion SHELL` (staging/src/k8s.io/kubectl/pkg/cmd/completion/completion.go): prints
// the shell's completion script. Sourcing the bash one (`source <(kubectl completion bash)`) is
// accepted by the shell (sim/shell/builtins.ts), whose Tab completion is sim/shell/completion.ts.

import { usageError } from "../framework/errors";
import { verb } from "../framework/verb";
import { COMPLETION_SCRIPTS } from "./completion-scripts";

export const completionVerb = verb({
  name: "completion",
  run(ctx, args) {
    if (args.length === 0) throw usageError(ctx.commandPath, "Shell not specified.");
    if (args.length > 1) throw usageError(ctx.commandPath, "Too many arguments. Expected only the shell type.");
    const script = Object.hasOwn(COMPLETION_SCRIPTS, args[0]) ? COMPLETION_SCRIPTS[args[0]] : undefined;
    if (script === undefined) throw usageError(ctx.commandPath, `Unsupported shell type "${args[0]}".`);
    ctx.out(script);
    return 0;
  },
});
