"use client";
import Link from "next/link";
import { useTransition } from "react";
import { useTranslation } from "react-i18next";
import { setLocale, setTheme } from "../actions";
import { signOut } from "./sign-out";
import type { Locale } from "@/lib/i18n/i18n";

// The header's links don't prefetch: every page is rendered per request (force-dynamic), so a
// prefetch is a whole server render of the target, paid on every page view while the page is still
// loading (the home page's: ~100 ms of server CPU during a lesson's first load).
export function Header({ viewer, locale, theme }: { viewer: { email: string; role: string } | null; locale: Locale; theme: string }) {
  const { t } = useTranslation();
  const [pending, start] = useTransition();
  const select = "rounded border border-line bg-panel px-2 py-1 text-sm";
  return (
    <header className="border-b border-line bg-panel">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">{t("nav.skip")}</a>
      <nav className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-3 px-4 py-2" aria-label="Main">
        <Link prefetch={false} href="/" className="mr-auto text-lg font-bold text-accent">{t("app.name")}</Link>
        {viewer?.role === "admin" && <Link prefetch={false} href="/admin" className="text-sm underline">{t("nav.admin")}</Link>}
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">{t("nav.language")}</span>
          <select aria-label={t("nav.language")} className={select} value={locale} disabled={pending} onChange={(e) => start(() => setLocale(e.target.value))}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">{t("nav.theme")}</span>
          <select
            aria-label={t("nav.theme")}
            className={select}
            value={theme}
            disabled={pending}
            onChange={(e) => {
              const v = e.target.value;
              document.documentElement.classList.remove("light", "dark");
              if (v !== "system") document.documentElement.classList.add(v);
              else if (matchMedia("(prefers-color-scheme: dark)").matches) document.documentElement.classList.add("dark");
              start(() => setTheme(v));
            }}
          >
            <option value="system">{t("nav.system")}</option>
            <option value="light">{t("nav.light")}</option>
            <option value="dark">{t("nav.dark")}</option>
          </select>
        </label>
        {viewer ? (
          <>
            <span className="text-sm text-muted" data-testid="viewer-email">{viewer.email}</span>
            <button type="button" className="rounded border border-line px-3 py-1 text-sm hover:bg-bg" onClick={() => void signOut("/login")}>
              {t("nav.signOut")}
            </button>
          </>
        ) : (
          <>
            <Link prefetch={false} href="/login" className="text-sm underline">{t("nav.signIn")}</Link>
            <Link prefetch={false} href="/signup" className="rounded bg-accent px-3 py-1 text-sm text-accent-fg">{t("nav.signUp")}</Link>
          </>
        )}
      </nav>
    </header>
  );
}
