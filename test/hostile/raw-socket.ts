import WebSocket from 'ws';

/** A plain WebSocket speaking Engine.IO v4 by hand: what a hostile client sends, byte for byte. */
export interface RawSocket {
  send(frame: string | Buffer): void;
  /** Resolves with the close code once the server hangs up, or undefined if it stays open for `ms`. */
  closedWithin(ms: number): Promise<number | undefined>;
  frames: string[];
  close(): void;
  /** The TCP socket underneath, for a test that stops reading it. */
  rawTcp(): unknown;
}

export async function openRawSocket(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers });
  const frames: string[] = [];
  let closeCode: number | undefined;
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve((closeCode = code))));
  ws.on('message', (data: Buffer) => frames.push(data.toString()));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    frames,
    send: (frame) => ws.readyState === WebSocket.OPEN && ws.send(frame),
    closedWithin: (ms) =>
      closeCode !== undefined
        ? Promise.resolve(closeCode)
        : Promise.race([closed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]),
    close: () => ws.terminate(),
    // ws keeps its net.Socket private; pausing it is how a reader that stopped is simulated.
    rawTcp: () => (ws as unknown as { _socket: unknown })._socket,
  };
}
