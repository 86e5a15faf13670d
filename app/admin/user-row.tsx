"use client";
import { useTransition } from "react";
import { useTranslation } from "react-i18next";
import { changeRole, toggleDisabled } from "./actions";

interface User { id: string; email: string; role: string; disabled: boolean }

export function UserRow({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const [pending, start] = useTransition();
  return (
    <tr className="border-b border-line" data-testid="user-row">
      <td className="py-2">{user.email}</td>
      <td>
        <select aria-label={`${t("admin.role")}: ${user.email}`} className="rounded border border-line bg-panel px-1" value={user.role} disabled={pending || self} onChange={(e) => start(() => changeRole(user.id, e.target.value))}>
          <option value="learner">learner</option>
          <option value="instructor">instructor</option>
          <option value="admin">admin</option>
        </select>
      </td>
      <td>{user.disabled ? "✓" : ""}</td>
      <td>
        {!self && (
          <button type="button" className="rounded border border-line px-2 py-0.5" disabled={pending} onClick={() => start(() => toggleDisabled(user.id, !user.disabled))}>
            {user.disabled ? t("admin.enable") : t("admin.disable")}
          </button>
        )}
      </td>
    </tr>
  );
}
