const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
const withYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

export const formatTime = (iso: string): string => time.format(new Date(iso));
export const formatFull = (iso: string): string => full.format(new Date(iso));

/** "Today", "Yesterday", "Monday, March 3" or, in another year, "March 3, 2024". `day` is YYYY-MM-DD, local. */
export function formatDay(day: string, now: Date = new Date()): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const diffDays = Math.round((today.getTime() - date.getTime()) / 86_400_000);
  if (diffDays === 0) return 'Today';
  if (diffDays === 1) return 'Yesterday';
  return date.getFullYear() === now.getFullYear() ? weekday.format(date) : withYear.format(date);
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60],
  ['day', 24],
  ['week', 7],
  ['month', 4.35],
  ['year', 12],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatAgo(iso: string, now: number = Date.now()): string {
  let amount = (now - Date.parse(iso)) / 60_000;
  if (amount < 1) return 'just now';
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  for (const [next, size] of steps.slice(1)) {
    if (amount < size) break;
    amount /= size;
    unit = next;
  }
  return relative.format(-Math.floor(amount), unit);
}

/** The time now where someone lives ("14:05"), or null for a zone this browser does not know. */
export function localTimeIn(timeZone: string, now: Date = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(now);
  } catch {
    return null;
  }
}

/** 1234567 → "1.2 MB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
