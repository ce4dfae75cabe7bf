/**
 * The outbox seen from a feature: pushes (anything that is not a direct reply) and the
 * administrator's "resend" of messages delivery gave up on (src/delivery/resend.ts). Every write
 * wakes the delivery worker, so a caller never has to.
 */
import { countGivenUp, resendGivenUp, type ResendRequest, type ResendResult } from "../../delivery/resend.js";
import { pushDocument } from "../apology/push.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { pushText } from "../notify.js";

export type { PushText } from "../notify.js";

export function outboxUseCases(deps: AppDeps) {
  return {
    pushText: bindDeps(deps, pushText),
    pushDocument: bindDeps(deps, pushDocument),
    countGivenUp: bindDeps(deps.prisma, countGivenUp),
    async resendGivenUp(r: ResendRequest): Promise<ResendResult> {
      const result = await resendGivenUp(deps.prisma, r);
      if (result.requeued > 0) deps.kickDelivery();
      return result;
    },
  };
}
export type OutboxUseCases = ReturnType<typeof outboxUseCases>;
