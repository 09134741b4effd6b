import { type ReactElement, type ReactNode, useState } from 'react';
import { addFiles } from '../../../uploads.js';

const carriesFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');

/** Files dragged onto the conversation are attached to the message being written. */
export function DropZone({ roomId, children }: { roomId: string; children: ReactNode }): ReactElement {
  const [over, setOver] = useState(false);
  return (
    <div
      className="relative flex min-w-0 flex-1 flex-col"
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setOver(false);
        addFiles(roomId, [...e.dataTransfer.files]);
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-2xl border-2 border-dashed border-orange-400 bg-orange-50/80 text-base font-semibold text-orange-800">
          Drop files to attach them
        </div>
      )}
    </div>
  );
}
