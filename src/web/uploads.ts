import { useSyncExternalStore } from 'react';
import type { Attachment, ErrorBody } from '../contract/index.js';
import { request } from './http/request.js';

/**
 * Files being attached in the composer, per room: each uploads on its own request (so each has
 * its progress and can be cancelled) as soon as it is picked, dropped or pasted; the message is
 * sent with those that are done.
 */
export interface UploadItem {
  key: string;
  file: File;
  status: 'uploading' | 'done' | 'failed';
  /** 0 to 1. */
  progress: number;
  error?: string;
  attachment?: Attachment;
  /** A local picture shown while it uploads (an object URL). */
  previewUrl?: string;
  abort?: () => void;
}

const byRoom = new Map<string, UploadItem[]>();
const listeners = new Set<() => void>();
const empty: UploadItem[] = [];
let keys = 0;

function set(roomId: string, items: UploadItem[]): void {
  byRoom.set(roomId, items);
  for (const listener of listeners) listener();
}
const change = (roomId: string, key: string, patch: Partial<UploadItem>) =>
  set(
    roomId,
    (byRoom.get(roomId) ?? []).map((item) => (item.key === key ? { ...item, ...patch } : item)),
  );

export function useUploads(roomId: string): UploadItem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => byRoom.get(roomId) ?? empty,
  );
}

export function addFiles(roomId: string, files: readonly File[]): void {
  const added = files.map((file) => ({
    key: `u${++keys}`,
    file,
    status: 'uploading' as const,
    progress: 0,
    ...(file.type.startsWith('image/') ? { previewUrl: URL.createObjectURL(file) } : {}),
  }));
  set(roomId, [...(byRoom.get(roomId) ?? []), ...added]);
  for (const item of added) start(roomId, item);
}

export function retryUpload(roomId: string, key: string): void {
  const item = byRoom.get(roomId)?.find((i) => i.key === key);
  if (!item) return;
  const { error: _error, ...rest } = item;
  const again = { ...rest, status: 'uploading' as const, progress: 0 };
  set(
    roomId,
    (byRoom.get(roomId) ?? []).map((i) => (i.key === key ? again : i)),
  );
  start(roomId, again);
}

/** Cancels an upload still going, or takes a done or failed one off the message. */
export function removeUpload(roomId: string, key: string): void {
  const item = byRoom.get(roomId)?.find((i) => i.key === key);
  item?.abort?.();
  if (item?.previewUrl) URL.revokeObjectURL(item.previewUrl);
  set(
    roomId,
    (byRoom.get(roomId) ?? []).filter((i) => i.key !== key),
  );
}

/** After the message went to the outbox: the composer starts empty again. */
export function clearUploads(roomId: string): void {
  for (const item of byRoom.get(roomId) ?? []) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
  set(roomId, []);
}

function start(roomId: string, item: UploadItem): void {
  const request = new XMLHttpRequest();
  request.open('POST', `/api/rooms/${encodeURIComponent(roomId)}/files`);
  request.responseType = 'json';
  request.upload.onprogress = (e) => {
    if (e.lengthComputable) change(roomId, item.key, { progress: e.loaded / e.total });
  };
  request.onload = () => {
    const body = request.response as { attachment?: Attachment; error?: ErrorBody } | null;
    if (request.status === 201 && body?.attachment) change(roomId, item.key, { status: 'done', progress: 1, attachment: body.attachment });
    else change(roomId, item.key, { status: 'failed', error: body?.error?.message ?? `The upload failed (${request.status})` });
  };
  request.onerror = () => change(roomId, item.key, { status: 'failed', error: 'The upload was interrupted: check the connection' });
  const form = new FormData();
  form.append('file', item.file, item.file.name);
  change(roomId, item.key, { abort: () => request.abort() });
  request.send(form);
}

/** What a picture shows, said before it is sent: its alt text for everyone who cannot see it. */
export async function describeUpload(roomId: string, key: string, alt: string): Promise<void> {
  const item = byRoom.get(roomId)?.find((i) => i.key === key);
  if (!item?.attachment) return;
  const { attachment } = await request<{ attachment: Attachment }>('PATCH', `/api/files/${encodeURIComponent(item.attachment.id)}`, {
    alt,
  });
  change(roomId, key, { attachment });
}
