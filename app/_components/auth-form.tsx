"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslation } from "react-i18next";

export function AuthForm({ mode, github }: { mode: "signin" | "signup"; github: boolean }) {
  const { t } = useTranslation();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const f = new FormData(e.currentTarget);
    const email = String(f.get("email") ?? "");
    const password = String(f.get("password") ?? "");
    try {
      if (mode === "signup") {
        const res = await fetch("/api/signup", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password, ...(f.get("name") ? { name: String(f.get("name")) } : {}) }),
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
          setError(t("auth.failed", { message: body?.error?.message ?? res.statusText }));
          return;
        }
      }
      const r = await signIn("credentials", { email, password, redirect: false });
      if (!r || r.error) {
        setError(t("auth.badCredentials"));
        return;
      }
      const next = new URLSearchParams(window.location.search).get("next");
      router.replace(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  const input = "w-full rounded border border-line bg-bg px-3 py-2";
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-line bg-panel p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-bold">{mode === "signin" ? t("auth.signInTitle") : t("auth.signUpTitle")}</h1>
      <form onSubmit={submit} className="space-y-3" noValidate={false}>
        {mode === "signup" && (
          <label className="block text-sm">
            {t("auth.name")}
            <input name="name" autoComplete="name" className={input} />
          </label>
        )}
        <label className="block text-sm">
          {t("auth.email")}
          <input name="email" type="email" required autoComplete="email" className={input} />
        </label>
        <label className="block text-sm">
          {t("auth.password")}
          <input name="password" type="password" required minLength={mode === "signup" ? 8 : undefined} autoComplete={mode === "signup" ? "new-password" : "current-password"} className={input} aria-describedby={mode === "signup" ? "pw-rule" : undefined} />
        </label>
        {mode === "signup" && <p id="pw-rule" className="text-xs text-muted">{t("auth.passwordRule")}</p>}
        {error && <p data-testid="auth-error" className="text-sm text-bad" role="status">{error}</p>}
        <button type="submit" disabled={busy} className="w-full rounded bg-accent px-3 py-2 font-semibold text-accent-fg disabled:opacity-60">
          {busy ? t("auth.working") : mode === "signin" ? t("auth.signInButton") : t("auth.signUpButton")}
        </button>
      </form>
      {github && (
        <button type="button" onClick={() => signIn("github", { callbackUrl: "/" })} className="mt-3 w-full rounded border border-line px-3 py-2">
          {t("auth.github")}
        </button>
      )}
      <p className="mt-4 text-sm text-muted">
        {mode === "signin" ? (
          <>{t("auth.noAccount")} <Link className="text-accent underline" href="/signup">{t("nav.signUp")}</Link></>
        ) : (
          <>{t("auth.haveAccount")} <Link className="text-accent underline" href="/login">{t("nav.signIn")}</Link></>
        )}
      </p>
    </div>
  );
}
