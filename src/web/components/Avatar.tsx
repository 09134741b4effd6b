import { type ReactElement, useState } from 'react';

const palette = [
  'bg-rose-100 text-rose-700',
  'bg-amber-100 text-amber-800',
  'bg-emerald-100 text-emerald-700',
  'bg-sky-100 text-sky-700',
  'bg-violet-100 text-violet-700',
  'bg-teal-100 text-teal-700',
  'bg-orange-100 text-orange-700',
  'bg-indigo-100 text-indigo-700',
];

function colorOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length]!;
}

/** The person's picture when they have one (beside their name, so it says nothing more to a screen reader), else their initial. */
export function Avatar({
  id,
  name,
  avatar,
  size = 'md',
}: {
  id: string;
  name: string;
  avatar?: string | undefined;
  size?: 'sm' | 'md' | 'lg';
}): ReactElement {
  const [broken, setBroken] = useState<string | null>(null);
  const dims = size === 'sm' ? 'size-7 text-xs' : size === 'lg' ? 'size-20 text-2xl' : 'size-9 text-sm';
  if (avatar && broken !== avatar) {
    return (
      <img
        src={`/api/people/${encodeURIComponent(id)}/avatar?size=${size === 'lg' ? 256 : 64}&v=${encodeURIComponent(avatar)}`}
        alt=""
        aria-hidden="true"
        loading="lazy"
        onError={() => setBroken(avatar)}
        className={`${dims} shrink-0 rounded-full bg-stone-200 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${dims} ${colorOf(id)} inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold`}
    >
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </span>
  );
}
