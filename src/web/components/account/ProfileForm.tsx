import { type ReactElement, useEffect, useMemo, useState } from 'react';
import { type DirectPolicy, limits, profileSettingsBody, type ProfileSettings } from '../../../contract/index.js';
import { fetchOwnProfile, saveOwnProfile } from '../../http/people.js';
import { check } from '../../lib/check.js';
import { useAction } from '../auth/use-action.js';
import { ActionForm, Button, ErrorText, Field, NoticeText } from '../ui.js';

const policies: Array<[DirectPolicy, string]> = [
  ['anyone', 'Anyone on this Hearth'],
  ['shared_room', 'Only people I share a room with'],
];

/** What others see on one's profile card, and who may start a direct conversation. Guests too. */
export function ProfileForm(): ReactElement {
  const [settings, setSettings] = useState<ProfileSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    void fetchOwnProfile().then(setSettings, () => undefined);
  }, []);

  if (settings === null) return <p className="text-sm text-stone-500">Loading your profile…</p>;
  const change = (changes: Partial<ProfileSettings>): void => {
    setSaved(false);
    setSettings({ ...settings, ...changes });
  };

  const submit = (): Promise<void> =>
    action.run(async () => {
      setSettings(await saveOwnProfile(check(profileSettingsBody, settings)));
      setSaved(true);
    });

  return (
    <ActionForm onSubmit={submit}>
      <div>
        <h2 className="text-base font-semibold text-stone-900">Profile</h2>
        <p className="mt-1 text-sm text-stone-600">What people see when they open your name.</p>
      </div>
      <Field
        label="Display name"
        value={settings.displayName}
        maxLength={limits.displayNameMax}
        onChange={(e) => change({ displayName: e.target.value })}
        hint="Shown on your profile card; your username stays as it is."
      />
      <Field
        label="Status"
        value={settings.status}
        maxLength={limits.statusMax}
        placeholder="Out until Monday"
        onChange={(e) => change({ status: e.target.value })}
      />
      <div>
        <Field
          label="Time zone"
          list="time-zones"
          value={settings.timeZone}
          placeholder="Not shown"
          onChange={(e) => change({ timeZone: e.target.value })}
          hint={
            <>
              People see your local time.{' '}
              {settings.timeZone !== here && (
                <button type="button" className="font-medium text-orange-800 underline" onClick={() => change({ timeZone: here })}>
                  Use {here.replace(/_/g, ' ')}
                </button>
              )}
            </>
          }
        />
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-stone-700">Direct messages from</legend>
        {policies.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 py-0.5 text-sm text-stone-800">
            <input
              type="radio"
              name="direct-policy"
              value={value}
              checked={settings.directPolicy === value}
              onChange={() => change({ directPolicy: value })}
              className="accent-orange-700"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <ErrorText>{action.error}</ErrorText>
      {saved && <NoticeText>Profile saved.</NoticeText>}
      <Button type="submit" disabled={action.busy}>
        Save profile
      </Button>
    </ActionForm>
  );
}
