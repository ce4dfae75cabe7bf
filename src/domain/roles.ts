/**
 * Who may do what (docs/UPLOADS.md «Who is who»): an administrator loads directives and grants
 * roles; a leader sees the units below; an officer reports for the units whose chats they are in.
 */
export const ROLES = ["admin", "leader", "officer"] as const;
export type Role = (typeof ROLES)[number];
/** The roles `/capquyen` grants: officers are the members of a unit's chat, not a grant. */
export type GrantableRole = Extract<Role, "admin" | "leader">;
