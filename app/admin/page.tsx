import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth";
import { serverT } from "@/lib/server/locale";
import { listUsers } from "@/lib/server/users";
import { UserRow } from "./user-row";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login?next=/admin");
  if (viewer.role !== "admin") notFound();
  const [{ t }, users] = await Promise.all([serverT(), listUsers(viewer)]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
      <table className="mt-4 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-line">
            <th className="py-2">{t("admin.email")}</th>
            <th>{t("admin.role")}</th>
            <th>{t("admin.disabled")}</th>
            <th>{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => <UserRow key={u.id} user={u} self={u.id === viewer.id} />)}
        </tbody>
      </table>
    </div>
  );
}
