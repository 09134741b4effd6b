import { type ReactElement, useEffect, useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
// Its styles as a stylesheet of this chunk: the policy allows no <style> it would inject itself.
import 'react-easy-crop/react-easy-crop.css';
import type { ErrorBody, User } from '../../../contract/index.js';
import { request } from '../../http/request.js';
import { chat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { Button, ErrorText } from '../ui.js';

/**
 * Choose a picture, move and zoom the square to keep (react-easy-crop), save: the server cuts it
 * and makes the sizes shown beside messages and on the profile card.
 */
export function ProfilePicture({ me }: { me: User }): ReactElement {
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);

  const done = (avatar: string | null) => {
    const { avatar: _old, ...rest } = me;
    chat.dispatch({ type: 'session/changed', me: avatar ? { ...rest, avatar } : rest });
    setFile(null);
    setUrl(null);
  };

  async function save(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    if (area) {
      form.append('x', String(Math.round(area.x)));
      form.append('y', String(Math.round(area.y)));
      form.append('size', String(Math.max(16, Math.round(Math.min(area.width, area.height)))));
    }
    form.append('file', file, file.name);
    try {
      const response = await fetch('/api/account/avatar', { method: 'POST', body: form, credentials: 'same-origin' });
      const body = (await response.json()) as { avatar?: string; error?: ErrorBody };
      if (!response.ok || !body.avatar) throw new Error(body.error?.message ?? 'The picture could not be saved');
      done(body.avatar);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    setBusy(true);
    try {
      await request('DELETE', '/api/account/avatar');
      done(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-stone-900">Profile picture</h3>
      {url ? (
        <>
          <div className="relative h-64 overflow-hidden rounded-xl bg-stone-900">
            <Cropper
              image={url}
              crop={crop}
              zoom={zoom}
              aspect={1}
              cropShape="round"
              disableAutomaticStylesInjection
              onCropChange={setCrop}
              onZoomChange={setZoom}
              onCropComplete={(_shown, pixels) => setArea(pixels)}
            />
          </div>
          <label className="flex items-center gap-3 text-sm text-stone-700">
            Zoom
            <input
              type="range"
              min={1}
              max={4}
              step={0.05}
              value={zoom}
              onChange={(e) => setZoom(Number(e.target.value))}
              className="flex-1 accent-orange-700"
            />
          </label>
          <div className="flex gap-2">
            <Button type="button" onClick={() => void save()} disabled={busy}>
              Save picture
            </Button>
            <Button type="button" variant="secondary" onClick={() => setFile(null)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <div className="flex items-center gap-4">
          <Avatar id={me.id} name={me.username} avatar={me.avatar} size="lg" />
          <div className="flex flex-col items-start gap-1.5 text-sm">
            <label className="cursor-pointer font-medium text-orange-800 underline">
              {me.avatar ? 'Choose another picture' : 'Choose a picture'}
              <input
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
                aria-label="Profile picture"
                className="sr-only"
                onChange={(e) => {
                  setError(null);
                  setFile(e.target.files?.[0] ?? null);
                  e.target.value = '';
                }}
              />
            </label>
            {me.avatar && (
              <button type="button" onClick={() => void remove()} disabled={busy} className="text-stone-600 underline">
                Remove picture
              </button>
            )}
          </div>
        </div>
      )}
      {error && <ErrorText>{error}</ErrorText>}
    </div>
  );
}
