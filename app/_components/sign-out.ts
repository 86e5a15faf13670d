// Sign-out as next-auth/react's signOut does it (CSRF token, then POST /api/auth/signout, then go
// where the server says), without shipping that client library (~40 KB) with every page.
export async function signOut(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.assign(url ?? callbackUrl);
}
