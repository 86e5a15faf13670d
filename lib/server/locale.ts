import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, pickLocale, translator, type Locale } from "@/lib/i18n/i18n";

export async function currentLocale(): Promise<Locale> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return pickLocale(c.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
}

export async function currentTheme(): Promise<"light" | "dark" | "system"> {
  const v = (await cookies()).get("theme")?.value;
  return v === "light" || v === "dark" ? v : "system";
}

export async function serverT() {
  const locale = await currentLocale();
  return { locale, t: translator(locale) };
}
