// Image references as containerd normalises them (github.com/distribution/reference
// ParseNormalizedNamed): "nginx" → "docker.io/library/nginx:latest".

export interface ImageRef {
  /** "docker.io/library/nginx" */
  repository: string;
  /** "latest" when neither a tag nor a digest was given. */
  tag?: string;
  digest?: string;
  /** "docker.io/library/nginx:latest" (or "@sha256:..." when pinned by digest). */
  full: string;
}

export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split("/")[0];
  const hasDomain = rest.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  let repository = hasDomain ? rest : `docker.io/${rest}`;
  if (!hasDomain && !rest.includes("/")) repository = `docker.io/library/${rest}`;
  if (!tag && !digest) tag = "latest";
  const full = digest ? `${repository}${tag ? `:${tag}` : ""}@${digest}` : `${repository}:${tag}`;
  return { repository, tag, digest, full };
}

/** A stable, sha256-looking digest for a string (the nodes' preloaded images share it). */
export { fakeDigest } from "../core/ids";
