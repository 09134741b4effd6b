import type { ReactElement, ReactNode } from 'react';
import type { Message, RoomPreview as Preview } from '../../../contract/index.js';
import { formatTime, plural } from '../../lib/format.js';
import { Avatar } from '../Avatar.js';

/**
 * A room seen from outside: its name, topic, size and (for a public room) its newest messages.
 * Opening a link or a directory entry shows this; membership begins only with the button below.
 */
export function RoomPreview({ room, messages, children }: Omit<Preview, 'member'> & { children: ReactNode }): ReactElement {
  return (
    <section aria-labelledby="preview-heading" className="w-full max-w-xl space-y-4">
      <div className="text-center">
        <h1 id="preview-heading" className="text-2xl font-semibold tracking-tight">
          {room.name}
        </h1>
        {room.topic && <p className="mt-1 text-sm text-stone-600">{room.topic}</p>}
        <p className="mt-1 text-xs text-stone-500">
          {room.visibility === 'private' ? 'Private room' : 'Public room'} · {plural(room.memberCount, 'member', 'members')}
        </p>
      </div>
      {messages.length > 0 && <LatestMessages messages={messages} roomName={room.name} />}
      <div className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm">{children}</div>
    </section>
  );
}

function LatestMessages({ messages, roomName }: { messages: Message[]; roomName: string }): ReactElement {
  return (
    <ol
      aria-label={`Latest messages in ${roomName}`}
      className="max-h-72 space-y-3 overflow-y-auto rounded-2xl border border-stone-200 bg-stone-50 p-4"
    >
      {messages.map((message) => (
        <li key={message.id} className="flex gap-2.5">
          <Avatar id={message.author.id} name={message.author.username} avatar={message.author.avatar} size="sm" />
          <div className="min-w-0">
            <p className="text-xs text-stone-500">
              <span className="font-medium text-stone-800">{message.author.username}</span> · {formatTime(message.createdAt)}
            </p>
            <p className="text-sm break-words whitespace-pre-wrap text-stone-800">{message.text}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
