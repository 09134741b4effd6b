import { type ReactElement, useEffect, useState } from 'react';
import { request } from '../../http/request.js';
import { BrowserNotifications } from '../attention/BrowserNotifications.js';

const intervals = [
  { minutes: 0, label: 'Never' },
  { minutes: 10, label: 'After 10 minutes' },
  { minutes: 60, label: 'After an hour' },
] as const;

/** Desktop notifications and sound in this browser; e-mails for mentions one has not read (accounts). */
export function NotificationSettings({ hasEmail }: { hasEmail: boolean }): ReactElement {
  const [digest, setDigest] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!hasEmail) return;
    void request<{ digestMinutes: number }>('GET', '/api/account/notifications').then(
      (settings) => setDigest(settings.digestMinutes),
      () => undefined,
    );
  }, [hasEmail]);

  async function choose(minutes: number): Promise<void> {
    setProblem(null);
    const before = digest;
    // Shown as chosen at once; put back if the server refuses.
    setDigest(minutes);
    try {
      setDigest(
        (await request<{ digestMinutes: number }>('PATCH', '/api/account/notifications', { digestMinutes: minutes })).digestMinutes,
      );
    } catch (error) {
      setDigest(before);
      setProblem(error instanceof Error ? error.message : 'The setting could not be saved.');
    }
  }

  return (
    <section aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading" className="text-base font-semibold text-stone-900">
        Notifications
      </h2>
      <p className="mt-1 text-sm text-stone-600">Each room’s own level is set from its header (the bell).</p>
      <div className="mt-3 space-y-3">
        <BrowserNotifications />
        {hasEmail && (
          <fieldset>
            <legend className="text-sm font-medium text-stone-700">E-mail me about unread mentions and direct messages</legend>
            <div className="mt-2 flex flex-wrap gap-3">
              {intervals.map(({ minutes, label }) => (
                <label key={minutes} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="radio"
                    name="digest"
                    checked={digest === minutes}
                    onChange={() => void choose(minutes)}
                    className="accent-orange-700"
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        )}
      </div>
    </section>
  );
}
