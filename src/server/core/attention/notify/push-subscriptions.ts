import { limits } from '../../../../contract/limits.js';
import type { PushSubscriptionBody } from '../../../../contract/schemas.js';
import type { User } from '../../../../contract/types.js';
import type { CoreDeps } from '../../shared/deps.js';
import { DomainError } from '../../shared/domain-error.js';
import { enforceRate } from '../../shared/rate-rules.js';

type SubscriptionDeps = Pick<CoreDeps, 'notify' | 'limiter' | 'rateRules' | 'clock' | 'pushHosts'>;

/**
 * The server will POST to whatever endpoint a browser hands in, so an endpoint must be HTTPS on a
 * push service's host (HEARTH_PUSH_HOSTS): never an address inside the operator's network.
 */
export function pushEndpointAllowed(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((allowed) => (allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed));
}

export async function subscribeToPush(deps: SubscriptionDeps, user: User, body: PushSubscriptionBody): Promise<void> {
  await enforceRate(deps.limiter, deps.rateRules.pushSubscriptions, user.id);
  if (!pushEndpointAllowed(body.endpoint, deps.pushHosts)) {
    throw new DomainError('BAD_REQUEST', 'This push service is not one Hearth sends to');
  }
  const existing = await deps.notify.findSubscription(body.endpoint);
  if (existing?.userId !== user.id && (await deps.notify.countSubscriptions(user.id)) >= limits.pushSubscriptionsMax) {
    throw new DomainError('CONFLICT', `At most ${limits.pushSubscriptionsMax} browsers can get notifications; turn one off first`);
  }
  await deps.notify.saveSubscription(
    { endpoint: body.endpoint, userId: user.id, p256dh: body.keys.p256dh, auth: body.keys.auth },
    deps.clock.now().toISOString(),
  );
}

/** Only one's own subscription goes: someone else's endpoint is left as it is, silently. */
export async function unsubscribeFromPush(deps: SubscriptionDeps, user: User, endpoint: string): Promise<void> {
  await enforceRate(deps.limiter, deps.rateRules.pushSubscriptions, user.id);
  await deps.notify.removeSubscription(endpoint, user.id);
}

export async function digestSettings(deps: Pick<CoreDeps, 'digests'>, user: User): Promise<{ digestMinutes: number }> {
  return { digestMinutes: (await deps.digests.digestMinutes(user.id)) ?? 0 };
}

export async function setDigestSettings(
  deps: Pick<CoreDeps, 'digests' | 'limiter' | 'rateRules'>,
  user: User,
  digestMinutes: number,
): Promise<{ digestMinutes: number }> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, user.id);
  await deps.digests.setDigestMinutes(user.id, digestMinutes);
  return { digestMinutes };
}
