import { type ReactElement, useState } from 'react';
import { askForDesktop, desktopPermission, setSound, soundOn } from '../../notify.js';
import { subscribeToPush } from '../../push.js';
import { Button } from '../ui.js';

const permissionText: Record<'granted' | 'denied' | 'unsupported', string> = {
  granted: 'Desktop notifications are on in this browser.',
  denied: 'Desktop notifications are blocked in this browser’s site settings.',
  unsupported: 'This browser cannot show desktop notifications.',
};

/**
 * This browser's part of notifications: desktop notifications, asked for by a button (never on
 * load; saying yes also subscribes the browser to Web Push), and the sound.
 */
export function BrowserNotifications(): ReactElement {
  const [permission, setPermission] = useState(desktopPermission);
  const [sound, setSoundState] = useState(soundOn);

  async function turnOn(): Promise<void> {
    const answer = await askForDesktop();
    setPermission(answer);
    if (answer === 'granted') void subscribeToPush().catch(() => undefined);
  }

  return (
    <div className="space-y-3">
      {permission === 'default' ? (
        <Button variant="secondary" onClick={() => void turnOn()}>
          Turn on desktop notifications
        </Button>
      ) : (
        <p className="text-sm text-stone-600">{permissionText[permission]}</p>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => {
            setSound(e.target.checked);
            setSoundState(e.target.checked);
          }}
          className="accent-orange-700"
        />
        Play a sound
      </label>
    </div>
  );
}
