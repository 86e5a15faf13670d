// What the data layer knows about the person making a request (never a Prisma row).
export type Role = "learner" | "instructor" | "admin";

export interface Viewer {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}
