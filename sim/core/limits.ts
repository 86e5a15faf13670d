// Every limit of a sandbox, in one place. Hitting one prints its message and changes nothing.

export const LIMITS = {
  objectsPerSandbox: 2_000,
  replicasPerWorkload: 100,
  commandLineBytes: 16_384,
  fileBytes: 1_048_576,
  filesPerSandbox: 2_000,
  outputBytes: 1_048_576,
  yamlAliases: 100,
  yamlDepth: 64,
  manifestBytes: 1_048_576,
  loopIterations: 100_000,
  pipelineStages: 32,
  substitutionDepth: 8,
  regexLength: 4_096,
  historyEntries: 1_000,
  eventsPerSettle: 10_000,
  settleRounds: 200,
  watchEvents: 5_000,
  advanceMs: 366 * 24 * 3600 * 1000,
} as const;

export type LimitName = keyof typeof LIMITS;

export const LIMIT_MESSAGES: Record<LimitName, string> = {
  objectsPerSandbox: `sandbox limit reached: at most ${LIMITS.objectsPerSandbox} objects per sandbox`,
  replicasPerWorkload: `sandbox limit reached: at most ${LIMITS.replicasPerWorkload} replicas per workload`,
  commandLineBytes: `sandbox limit reached: a command line may be at most ${LIMITS.commandLineBytes} bytes`,
  fileBytes: `sandbox limit reached: a file may be at most ${LIMITS.fileBytes} bytes`,
  filesPerSandbox: `sandbox limit reached: at most ${LIMITS.filesPerSandbox} files per sandbox`,
  outputBytes: `sandbox limit reached: output truncated at ${LIMITS.outputBytes} bytes`,
  yamlAliases: `sandbox limit reached: a manifest may use at most ${LIMITS.yamlAliases} YAML aliases`,
  yamlDepth: `sandbox limit reached: a manifest may nest at most ${LIMITS.yamlDepth} levels deep`,
  manifestBytes: `sandbox limit reached: a manifest may be at most ${LIMITS.manifestBytes} bytes`,
  loopIterations: `sandbox limit reached: at most ${LIMITS.loopIterations} loop iterations per command`,
  pipelineStages: `sandbox limit reached: at most ${LIMITS.pipelineStages} commands in one pipeline`,
  substitutionDepth: `sandbox limit reached: command substitution nested more than ${LIMITS.substitutionDepth} deep`,
  regexLength: `sandbox limit reached: a regular expression may be at most ${LIMITS.regexLength} characters`,
  historyEntries: `sandbox limit reached: history keeps the last ${LIMITS.historyEntries} commands`,
  eventsPerSettle: `sandbox limit reached: more than ${LIMITS.eventsPerSettle} cluster events in one step`,
  settleRounds: `sandbox limit reached: controllers did not settle after ${LIMITS.settleRounds} rounds`,
  watchEvents: `sandbox limit reached: a watch may deliver at most ${LIMITS.watchEvents} events`,
  advanceMs: `sandbox limit reached: the clock may advance at most one year in one step`,
};

/** Thrown when a limit is hit; the sandbox rolls the command back and prints `message`. */
export class LimitError extends Error {
  constructor(readonly limit: LimitName) {
    super(LIMIT_MESSAGES[limit]);
    this.name = "LimitError";
  }
}
