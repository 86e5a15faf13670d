import { redirect } from "next/navigation";
import { getViewer, githubEnabled } from "@/lib/server/auth";
import { AuthForm } from "../_components/auth-form";

export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await getViewer()) redirect("/");
  return <AuthForm mode="signup" github={githubEnabled()} />;
}
