"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/server/auth";
import { setDisabled, setRole } from "@/lib/server/users";

// Each action authorizes on its own (the data layer checks the admin role).
export async function toggleDisabled(userId: string, disabled: boolean): Promise<void> {
  await setDisabled(await requireViewer(), userId, disabled);
  revalidatePath("/admin");
}

export async function changeRole(userId: string, role: string): Promise<void> {
  if (role !== "learner" && role !== "instructor" && role !== "admin") return;
  await setRole(await requireViewer(), userId, role);
  revalidatePath("/admin");
}
