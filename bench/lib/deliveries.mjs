// Recognising and timing deliveries on the load generator's hot path. Every text the bench sends
// starts with `hb~<send time in µs>~`; a `message:created` frame is recognised by its first bytes
// and timed by reading the digits after the marker, with no string or JSON decoding.
import { Buffer } from 'node:buffer';
import { Samples } from './samples.mjs';

const DELIVERY = Buffer.from('42["message:created"');
const MARKER = Buffer.from('"hb~');
// A reaction toggled by the mixed fan-out (`changes-pct`): a delivery to count, not to time (its
// snapshot carries the original message's stamp).
const CHANGE = Buffer.from('42["message:reactions"');

const PADDING = 'x'.repeat(4000);

export const nowUs = () => Math.round(performance.now() * 1000);

/** A text of `bytes` characters (or just the stamp, if shorter) stamped with the current time. */
export function stampedText(bytes) {
  const stamp = `hb~${nowUs()}~`;
  return stamp.length >= bytes ? stamp : stamp + PADDING.slice(0, bytes - stamp.length);
}

/**
 * Counters the measuring code may reset between steps (received, lastAt, latency), and the frame
 * handler to give every socket.
 */
export function createDeliveryCounter() {
  const live = {
    total: 0, // never reset: every delivery since the sockets opened
    received: 0,
    lastAt: 0,
    latency: new Samples(),
    onEventFrame(bytes) {
      if (bytes.compare(CHANGE, 0, CHANGE.length, 0, CHANGE.length) === 0) {
        live.total++;
        live.received++;
        live.lastAt = nowUs();
        return;
      }
      if (bytes.compare(DELIVERY, 0, DELIVERY.length, 0, DELIVERY.length) !== 0) return;
      let i = bytes.indexOf(MARKER, DELIVERY.length);
      if (i < 0) return;
      let sentAt = 0;
      for (i += MARKER.length; bytes[i] >= 48 && bytes[i] <= 57; i++) sentAt = sentAt * 10 + bytes[i] - 48;
      const at = nowUs();
      live.total++;
      live.received++;
      live.lastAt = at;
      live.latency.add(at - sentAt);
    },
  };
  return live;
}
