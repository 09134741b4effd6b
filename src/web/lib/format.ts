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
