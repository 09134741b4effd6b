import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { PushSender } from '../core/attention/notify/ports.js';
import { pushEndpointAllowed } from '../core/attention/notify/push-subscriptions.js';
import type { VapidKeys } from './vapid-keys.js';

interface SenderOptions {
  keys: VapidKeys;
  subject: string;
  hosts: readonly string[];
  /** Extra CAs to trust (a test's local push service). */
  caFile?: string;
  timeoutMs?: number;
}

/**
 * Web Push through the `web-push` library: the payload encrypted for the browser (RFC 8291,
 * aes128gcm) and the request signed with the server's VAPID key (RFC 8292). 404 and 410 mean the
 * subscription is gone; anything else is worth another try.
 */
/** A VAPID token is good for 12 hours; one is made per push service and used until an hour before. */
const tokenLifeS = 12 * 60 * 60;
const renewBeforeS = 60 * 60;

export function webPushSender(options: SenderOptions): PushSender {
  const agent = options.caFile ? new Agent({ ca: readFileSync(options.caFile, 'utf8'), keepAlive: true }) : undefined;
  // Signing the token (ES256) is two thirds of a push's CPU when made per push, as web-push does
  // by default: kept per audience (a push service's origin), it is made a few times a day.
  const tokens = new Map<string, { authorization: string; expiresAtS: number }>();
  const authorizationFor = (endpoint: string): string => {
    const audience = new URL(endpoint).origin;
    const nowS = Math.floor(Date.now() / 1000);
    const held = tokens.get(audience);
    if (held && held.expiresAtS - nowS > renewBeforeS) return held.authorization;
    const expiresAtS = nowS + tokenLifeS;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      options.subject,
      options.keys.publicKey,
      options.keys.privateKey,
      'aes128gcm',
      expiresAtS,
    );
    tokens.set(audience, { authorization: String(Authorization), expiresAtS });
    return String(Authorization);
  };
  return {
    publicKey: options.keys.publicKey,
    async send(subscription, payload) {
      // Checked again at sending: the hosts allowed may have changed since it was subscribed.
      if (!pushEndpointAllowed(subscription.endpoint, options.hosts)) return 'gone';
      try {
        await webpush.sendNotification(
          { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
          payload,
          {
            headers: { Authorization: authorizationFor(subscription.endpoint) },
            TTL: 24 * 60 * 60,
            urgency: 'high',
            timeout: options.timeoutMs ?? 10_000,
            ...(agent ? { agent } : {}),
          },
        );
        return 'sent';
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) return 'gone';
        return 'failed';
      }
    },
  };
}
