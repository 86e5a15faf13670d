import "@fontsource-variable/noto-sans-kr";
import "./globals.css";
import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { currentLocale, currentTheme } from "@/lib/server/locale";
import { getViewer } from "@/lib/server/auth";
import { Header } from "./_components/header";
import { I18nProvider } from "./_components/i18n-provider";

// The icon is a file in public/ (served as a static file; app/icon.svg would be a route).
export const metadata: Metadata = { title: "Kubelings", description: "Learn Kubernetes by doing.", icons: { icon: "/icon.svg" } };

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
          {/* Its own Suspense boundary: React hydrates it after the page's shell (a lesson's terminal). */}
          <Suspense>
            <Header viewer={viewer ? { email: viewer.email, role: viewer.role } : null} locale={locale} theme={theme} />
          </Suspense>
          <main id="main">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
