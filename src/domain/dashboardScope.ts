/**
 * Who sees what on the dashboard (docs/WEBAPP.md "Ai xem được gì"). The launch link names a chat
 * (`startapp=c<chat id>`), but a link is text anyone can edit: the chat only narrows what the
 * person may see, it never grants. What grants is what the bot already trusts in that chat —
 * being in it (as `/tinhtrang` answers whoever is in a leaders' chat) — or, with no chat, a
 * leader's role (as `/tinhtrang` in a leader's private chat shows every top unit).
 */

/** `startapp` allows A-Z a-z 0-9 _ - (up to 512): "c" and the Bot API chat id, minus sign kept. */
export function launchParamOf(chatId: bigint): string {
  return `c${chatId}`;
}

export function chatOfLaunchParam(param: string): bigint | null {
  const m = /^c(-?\d{1,20})$/.exec(param);
  return m?.[1] ? BigInt(m[1]) : null;
}

/** What the server learned about the person and the launch chat (facts, no decision). */
export type ScopeFacts = {
  userId: bigint;
  /** The chat the link named; null: opened without one (private chat, menu button). */
  launch: {
    chatId: bigint;
    /** The chat's binding; null: unknown, unregistered, or the bot left it. */
    binding: { kind: "leaders" | "unit" | "head"; unitCode: string } | null;
    /** Telegram says the person is in the chat now. */
    member: boolean;
  } | null;
  /** ADMIN_IDS, or granted admin or leader. */
  leader: boolean;
  /** Units without a parent: what a leader sees from their private chat. */
  topUnitCodes: readonly string[];
};

/** Structurally the contract's DashboardScope (src/webapp/contract.ts); domain imports nothing above it. */
export type ScopeDecision = {
  userId: bigint;
  kind: "leader" | "unitHead";
  chatId: bigint | null;
  rootUnitIds: readonly string[];
  subtree: boolean;
};

export type ScopeRefusal = "unknown-chat" | "not-member" | "no-role";

export function decideScope(f: ScopeFacts): { ok: true; scope: ScopeDecision } | { ok: false; reason: ScopeRefusal } {
  if (f.launch) {
    const { binding, chatId } = f.launch;
    if (!binding) return { ok: false, reason: "unknown-chat" };
    if (!f.launch.member) return { ok: false, reason: "not-member" };
    const leader = binding.kind === "leaders";
    return {
      ok: true,
      scope: {
        userId: f.userId,
        kind: leader ? "leader" : "unitHead",
        chatId,
        rootUnitIds: [binding.unitCode],
        subtree: leader,
      },
    };
  }
  if (!f.leader || f.topUnitCodes.length === 0) return { ok: false, reason: "no-role" };
  return {
    ok: true,
    scope: { userId: f.userId, kind: "leader", chatId: null, rootUnitIds: [...f.topUnitCodes], subtree: true },
  };
}

/** A unit is in scope when it is a root, or (subtree) has a root among its ancestors. */
export function unitInScope(
  scope: Pick<ScopeDecision, "rootUnitIds" | "subtree">,
  unitCode: string,
  ancestorsOf: (code: string) => readonly string[],
): boolean {
  if (scope.rootUnitIds.includes(unitCode)) return true;
  return scope.subtree && ancestorsOf(unitCode).some((a) => scope.rootUnitIds.includes(a));
}
