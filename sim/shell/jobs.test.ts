import { describe, expect, test } from "vitest";
import { backgroundCommand, findJob, jobLine, jobMark, nextJobNumber, type JobView } from "./jobs";

const JOBS: JobView[] = [
  { n: 1, pid: 4242, command: "kubectl proxy", status: "Running" },
  { n: 3, pid: 4250, command: "sleep 30", status: "Done" },
];

describe("job control helpers", () => {
  test("only a trailing single & makes a background job", () => {
    expect(backgroundCommand("kubectl proxy &")).toBe("kubectl proxy");
    expect(backgroundCommand("sleep 2 && echo hi &")).toBe("sleep 2 && echo hi");
    expect(backgroundCommand("a && b")).toBeUndefined();
    expect(backgroundCommand("a & b")).toBeUndefined();
    expect(backgroundCommand("echo '&'")).toBeUndefined();
    expect(backgroundCommand("&")).toBeUndefined();
  });

  test("job lines are laid out as bash prints them", () => {
    expect(jobLine(JOBS[0], "+")).toBe("[1]+  Running                 kubectl proxy &\n");
    expect(jobLine(JOBS[1], "-")).toBe("[3]-  Done                    sleep 30\n");
    expect(jobLine({ ...JOBS[1], status: { exit: 2 } }, " ")).toBe("[3]   Exit 2                  sleep 30\n");
  });

  test("job specs resolve by number, current and previous, and command prefix", () => {
    expect(findJob(JOBS, undefined)?.n).toBe(3);
    expect(findJob(JOBS, "%1")?.n).toBe(1);
    expect(findJob(JOBS, "%-")?.n).toBe(1);
    expect(findJob(JOBS, "%kub")?.n).toBe(1);
    expect(findJob(JOBS, "%?30")?.n).toBe(3);
    expect(findJob(JOBS, "%2")).toBeUndefined();
    expect(jobMark(JOBS, 3)).toBe("+");
    expect(jobMark(JOBS, 1)).toBe("-");
    expect(nextJobNumber(JOBS)).toBe(4);
    expect(nextJobNumber([])).toBe(1);
  });
});
