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
export function webPushSender(options: SenderOptions): PushSender {
  const agent = options.caFile ? new Agent({ ca: readFileSync(options.caFile, 'utf8'), keepAlive: true }) : undefined;
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
            vapidDetails: { subject: options.subject, publicKey: options.keys.publicKey, privateKey: options.keys.privateKey },
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
