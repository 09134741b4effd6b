// Just enough of a Socket.IO v4 client for the benchmark: Engine.IO 4 over a raw `ws` WebSocket
// (no long-polling, no upgrade), the default namespace, text packets, acknowledgements.
// Event packets are handed over as raw bytes so that the caller can recognise a delivery without
// decoding it; the official client would decode and parse every frame, which at 20 000 deliveries
// a second would make the load generator, not the server, the thing being measured.
// Framing: https://socket.io/docs/v4/engine-io-protocol/ and https://socket.io/docs/v4/socket-io-protocol/
import WebSocket from 'ws';

const ASCII = { 0: 48, 1: 49, 2: 50, 3: 51, 4: 52, 9: 57 };

export function connectSocket({ baseUrl, auth, onEventFrame = () => {}, timeoutMs = 15_000 }) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  return new Promise((resolve, reject) => {
    const socket = new BenchSocket(url, auth, onEventFrame);
    const timer = setTimeout(() => fail(new Error(`socket connect timed out after ${timeoutMs} ms`)), timeoutMs);
    const fail = (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    };
    socket.onConnected = () => {
      clearTimeout(timer);
      socket.onFailed = () => (socket.dropped = true); // counted by the load generator
      resolve(socket);
    };
    socket.onFailed = fail;
  });
}

export class BenchSocket {
  #ws;
  #auth;
  #onEventFrame;
  #pendingAcks = new Map();
  #nextAckId = 0;

  constructor(url, auth, onEventFrame) {
    this.#auth = auth;
    this.#onEventFrame = onEventFrame;
    this.dropped = false;
    this.onConnected = () => {};
    this.onFailed = () => {};
    this.#ws = new WebSocket(url, { perMessageDeflate: false });
    this.#ws.on('message', (data, isBinary) => {
      if (!isBinary) this.#onPacket(data);
    });
    this.#ws.on('error', (error) => this.onFailed(error));
    this.#ws.on('close', (code) => this.onFailed(new Error(`socket closed (code ${code})`)));
  }

  get pendingAcks() {
    return this.#pendingAcks.size;
  }

  #onPacket(bytes) {
    const engineType = bytes[0];
    if (engineType === ASCII[4]) return this.#onSocketIoPacket(bytes);
    if (engineType === ASCII[2]) return this.#ws.send('3'); // ping → pong keeps the session alive
    if (engineType === ASCII[0]) return this.#ws.send(`40${this.#auth ? JSON.stringify(this.#auth) : ''}`);
  }

  #onSocketIoPacket(bytes) {
    const kind = bytes[1];
    if (kind === ASCII[2]) return this.#onEventFrame(bytes);
    if (kind === ASCII[3]) return this.#settleAck(bytes);
    if (kind === ASCII[0]) return this.onConnected();
    if (kind === ASCII[4]) return this.onFailed(new Error(`connect_error ${bytes.toString('utf8', 2)}`));
    if (kind === ASCII[1]) return this.onFailed(new Error('disconnected by the server'));
  }

  #settleAck(bytes) {
    let id = 0;
    let i = 2;
    for (; i < bytes.length && bytes[i] >= ASCII[0] && bytes[i] <= ASCII[9]; i++) id = id * 10 + bytes[i] - ASCII[0];
    const callback = this.#pendingAcks.get(id);
    if (!callback) return;
    this.#pendingAcks.delete(id);
    callback(JSON.parse(bytes.toString('utf8', i)));
  }

  /** Emits an event with an acknowledgement; onAck receives the ack's argument list. */
  call(event, payload, onAck) {
    const id = ++this.#nextAckId;
    this.#pendingAcks.set(id, onAck);
    this.#ws.send(`42${id}${JSON.stringify([event, payload])}`);
  }

  /** The ack's argument list; rejects after timeoutMs (a socket that dropped never acks). */
  request(event, payload, timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack to ${event} within ${timeoutMs} ms`)), timeoutMs);
      this.call(event, payload, (args) => {
        clearTimeout(timer);
        resolve(args);
      });
    });
  }

  /** Stops reading the connection (a frozen tab): the kernel's buffers fill, then the server's. */
  stopReading() {
    this.#ws._socket?.pause();
  }

  close() {
    this.onFailed = () => {};
    this.#ws.terminate();
  }
}
