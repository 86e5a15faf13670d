// `npm run content:check`: validates content/ (schema, both languages) and proves every exercise in
// a real sandbox: after the setup the exercise is not passed (some check fails, none errors), and
// after the solution (plus settleSeconds of cluster time) every check passes.
// `--schema-only` stops after validation (used by `npm run build`).
import { loadCourse } from "../lib/content/load";
import { gradeExercise } from "../lib/grading/grade";

const schemaOnly = process.argv.includes("--schema-only");

function main(): number {
  let course;
  try {
    course = loadCourse();
  } catch (e) {
    console.error(`content: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
  console.log(`content: ${course.lessons.size} lesson(s), ${course.exercises.size} exercise(s) valid`);
  return 0;
}

async function prove(): Promise<number> {
  const { createSandbox, loadApiSchemas } = await import("../sim/index");
  await loadApiSchemas();
  const course = loadCourse();
  let failures = 0;
  const t0 = Date.UTC(2026, 0, 1);
  for (const { exercise, lesson } of course.exercises.values()) {
    const where = `content/lessons/${lesson}/exercises/${exercise.id}.yaml`;
    const s = createSandbox({ seed: 7, now: t0 });
    const lines: string[] = [];
    for (const step of exercise.setup) s.exec(step.run, { now: t0 });
    s.advanceTo(t0 + exercise.settleSeconds * 1000);
    const before = gradeExercise(exercise.checks, (r) => s.read(r), lines);
    const errs = before.filter((r) => r.status === "error");
    if (errs.length || before.every((r) => r.status === "pass")) {
      failures++;
      console.error(`${where}: after setup ${errs.length ? `the grader errs: ${errs.map((r) => r.message.en).join("; ")}` : "every check already passes"}`);
    }
    let t = t0 + exercise.settleSeconds * 1000;
    for (const line of exercise.solution) {
      const r = s.exec(line, { now: t });
      lines.push(line);
      if (r.exitCode !== 0) console.error(`${where}: solution line "${line}" exited ${r.exitCode}: ${r.output.trim()}`);
      t += 1000;
    }
    s.advanceTo(t + exercise.settleSeconds * 1000);
    const after = gradeExercise(exercise.checks, (r) => s.read(r), lines);
    const bad = after.filter((r) => r.status !== "pass");
    if (bad.length) {
      failures++;
      console.error(`${where}: after the solution ${bad.map((r) => `${r.id} ${r.status}: ${r.message.en}`).join("; ")}`);
    } else {
      console.log(`${where}: setup fails ${before.filter((r) => r.status === "fail").map((r) => r.id).join(", ")}; solution passes all ${after.length} checks`);
    }
  }
  return failures;
}

const code = main();
if (code !== 0 || schemaOnly) process.exit(code);
const failures = await prove();
process.exit(failures === 0 ? 0 : 1);
