// UI strings through i18next; messages/{en,ko}.json are the only source. Works on server and client.
import i18next, { type TFunction, type i18n } from "i18next";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

export type Locale = "en" | "ko";
export const LOCALES: Locale[] = ["en", "ko"];
export const LOCALE_COOKIE = "locale";
export const resources = { en: { translation: en }, ko: { translation: ko } } as const;

export function isLocale(x: unknown): x is Locale {
  return x === "en" || x === "ko";
}

/** A fresh, synchronously initialised i18next instance for one locale. */
export function createI18n(locale: Locale): i18n {
  const inst = i18next.createInstance();
  void inst.init({ lng: locale, fallbackLng: "en", resources, initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
  return inst;
}

const byLocale = new Map<Locale, TFunction>();
export function translator(locale: Locale): TFunction {
  let t = byLocale.get(locale);
  if (!t) byLocale.set(locale, (t = createI18n(locale).t));
  return t;
}

/** The locale from the cookie, else from Accept-Language, else English. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return /^\s*ko\b/i.test(acceptLanguage ?? "") ? "ko" : "en";
}
