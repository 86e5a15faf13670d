import "@fontsource-variable/noto-sans-kr";
import "./globals.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { currentLocale, currentTheme } from "@/lib/server/locale";
import { getViewer } from "@/lib/server/auth";
import { Header } from "./_components/header";
import { I18nProvider } from "./_components/i18n-provider";

export const metadata: Metadata = { title: "Kubelings", description: "Learn Kubernetes by doing." };

// With theme "system", follow the OS setting before first paint (no flash).
const themeScript = `try{if(!document.documentElement.classList.contains('light')&&!document.documentElement.classList.contains('dark')&&matchMedia('(prefers-color-scheme: dark)').matches)document.documentElement.classList.add('dark')}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, theme, viewer] = await Promise.all([currentLocale(), currentTheme(), getViewer()]);
  return (
    <html lang={locale} className={theme === "system" ? "" : theme} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-bg font-sans text-fg antialiased">
        <I18nProvider locale={locale}>
          <Header viewer={viewer ? { email: viewer.email, role: viewer.role } : null} locale={locale} theme={theme} />
          <main id="main">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
