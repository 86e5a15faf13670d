import { describe, expect, test } from "vitest";
import { boolFlag, intFlag, parseFlags, stringArrayFlag, stringFlag, stringSliceFlag } from "./flags";

const specs = [
  stringFlag("namespace", { short: "n" }),
  boolFlag("watch", { short: "w" }),
  boolFlag("stdin", { short: "i" }),
  boolFlag("tty", { short: "t" }),
  intFlag("replicas"),
  stringSliceFlag("filename", { short: "f" }),
  stringArrayFlag("from-literal"),
  stringFlag("dry-run", { noOptDefVal: "unchanged", default: "none" }),
];

describe("pflag-compatible parsing", () => {
  test("flags may appear anywhere among positional arguments, in every value form", () => {
    const r = parseFlags(["pods", "-n", "kube-system", "x", "--replicas=3", "-nfoo", "--namespace", "bar"], specs);
    expect(r.args).toEqual(["pods", "x"]);
    expect(r.flags.string("namespace")).toBe("bar");
    expect(r.flags.int("replicas")).toBe(3);
    expect(r.flags.changed("replicas")).toBe(true);
    expect(r.flags.changed("watch")).toBe(false);
  });

  test("combined bool shorthands set each flag and -n=v strips the equals sign", () => {
    const r = parseFlags(["-it", "-n=dev"], specs);
    expect(r.flags.bool("stdin")).toBe(true);
    expect(r.flags.bool("tty")).toBe(true);
    expect(r.flags.string("namespace")).toBe("dev");
  });

  test("everything after -- is positional and its index is remembered", () => {
    const r = parseFlags(["web", "--", "ls", "-l", "--all"], specs);
    expect(r.args).toEqual(["web", "ls", "-l", "--all"]);
    expect(r.argsLenAtDash).toBe(1);
  });

  test("string slices split on commas and accumulate; string arrays only accumulate", () => {
    const r = parseFlags(["-f", "a.yaml,b.yaml", "-f", "c.yaml", "--from-literal=k=a,b", "--from-literal", "x=y"], specs);
    expect(r.flags.strings("filename")).toEqual(["a.yaml", "b.yaml", "c.yaml"]);
    expect(r.flags.strings("from-literal")).toEqual(["k=a,b", "x=y"]);
  });

  test("a flag with a no-option default takes it when given bare", () => {
    expect(parseFlags(["--dry-run"], specs).flags.string("dry-run")).toBe("unchanged");
    expect(parseFlags(["--dry-run=client"], specs).flags.string("dry-run")).toBe("client");
    expect(parseFlags([], specs).flags.string("dry-run")).toBe("none");
  });

  test.each([
    [["--foo"], "unknown flag: --foo"],
    [["-z"], "unknown shorthand flag: 'z' in -z"],
    [["-iz"], "unknown shorthand flag: 'z' in -iz"],
    [["-n"], "flag needs an argument: 'n' in -n"],
    [["--namespace"], "flag needs an argument: --namespace"],
    [["--replicas=x"], 'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [["-w=x"], 'invalid argument "x" for "-w, --watch" flag: strconv.ParseBool: parsing "x": invalid syntax'],
    [["---x"], "bad flag syntax: ---x"],
  ])("%j fails with pflag's words", (argv, message) => {
    expect(() => parseFlags(argv, specs)).toThrow(message);
  });

  test("-h and --help ask for help instead of failing", () => {
    expect(parseFlags(["--help"], specs).help).toBe(true);
    expect(parseFlags(["-h"], specs).help).toBe(true);
  });
});
