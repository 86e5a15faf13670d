// kubectl's persistent flags (`kubectl options`), accepted by every command.
import { boolFlag, durationFlag, intFlag, stringFlag, stringSliceFlag, type FlagSpec } from "./flags";

export const GLOBAL_FLAGS: FlagSpec[] = [
  stringFlag("as"),
  stringSliceFlag("as-group"),
  stringFlag("as-uid"),
  stringFlag("cache-dir", { default: "/root/.kube/cache" }),
  stringFlag("certificate-authority"),
  stringFlag("client-certificate"),
  stringFlag("client-key"),
  stringFlag("cluster"),
  stringFlag("context"),
  boolFlag("disable-compression"),
  boolFlag("insecure-skip-tls-verify"),
  stringFlag("kubeconfig"),
  durationFlag("log-flush-frequency", { default: "5s" }),
  boolFlag("match-server-version"),
  stringFlag("namespace", { short: "n" }),
  stringFlag("password"),
  stringFlag("profile", { default: "none" }),
  stringFlag("profile-output", { default: "profile.pprof" }),
  stringFlag("request-timeout", { default: "0" }),
  stringFlag("server", { short: "s" }),
  stringFlag("tls-server-name"),
  stringFlag("token"),
  stringFlag("user"),
  stringFlag("username"),
  // klog verbosity: accepted and ignored (the simulator has no request logging).
  intFlag("v", { short: "v" }),
  stringFlag("vmodule"),
  boolFlag("warnings-as-errors"),
];
