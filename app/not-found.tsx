import Link from "next/link";
import { serverT } from "@/lib/server/locale";

export default async function NotFound() {
  const { t } = await serverT();
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">404</h1>
      <p className="mt-2 text-muted">{t("errors.notFound")}</p>
      <Link href="/" className="mt-4 inline-block text-accent underline">{t("nav.home")}</Link>
    </div>
  );
}
