import type { Message, Room } from '../contract/index.js';
import { roomTitle } from './lib/room-title.js';
import { callsMe } from './state/read-state.js';
import type { ReadState } from './state/types.js';
import { navigate, roomPath } from './router.js';

/**
 * Calling a person from the page itself: a desktop notification while the tab is hidden (only once
 * they said yes: asked by a button, never on load) and a short sound they can turn off. With no
 * tab open, Web Push and the service worker do it instead (push.ts).
 */

const soundKey = 'hearth:sound';

export const desktopSupported = (): boolean => typeof Notification !== 'undefined';
export const desktopPermission = (): NotificationPermission | 'unsupported' =>
  desktopSupported() ? Notification.permission : 'unsupported';

export async function askForDesktop(): Promise<NotificationPermission | 'unsupported'> {
  if (!desktopSupported()) return 'unsupported';
  return Notification.requestPermission();
}

export const soundOn = (): boolean => localStorage.getItem(soundKey) !== 'off';
export const setSound = (on: boolean): void => localStorage.setItem(soundKey, on ? 'on' : 'off');

/** Whether a new message should call the reader: the level they chose, a mute, a mention. */
export function shouldCall(message: Message, room: Room, state: ReadState, meId: string | undefined): boolean {
  if (meId === undefined || message.author.id === meId || state.muted || state.level === 'nothing') return false;
  return state.level === 'all' || callsMe(message, room, meId);
}

/** A new message from someone else, after the store has it: calls if the reader is not looking. */
export function callFor(message: Message, room: Room, state: ReadState, meId: string | undefined, looking: boolean): void {
  if (looking || !shouldCall(message, room, state, meId)) return;
  if (soundOn()) chime();
  if (!document.hidden || desktopPermission() !== 'granted') return;
  const title = room.kind === 'direct' ? message.author.username : `${message.author.username} in ${roomTitle(room, meId)}`;
  // One notification per message, however many tabs are open: the tag makes them one.
  const shown = new Notification(title, { body: message.text.slice(0, 200), tag: `hearth:${message.id}`, icon: '/icon-192.png' });
  shown.onclick = () => {
    window.focus();
    navigate(roomPath(room.id));
    shown.close();
  };
}

let audio: AudioContext | undefined;

/** Two soft notes, made on the spot: nothing to download. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [i, frequency] of [880, 1320].entries()) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.15, now + i * 0.12 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.12 + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(now + i * 0.12);
      tone.stop(now + i * 0.12 + 0.3);
    }
  } catch {
    // A browser that will not play before a gesture simply stays quiet.
  }
}
