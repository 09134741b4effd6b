// The yardstick for `npm run bench`: what the same chat traffic costs on Socket.IO alone.
// It keeps Hearth's event names and message shape, so every delivery carries a frame of about the
// same size, but has no sessions, no validation, no membership checks and no storage: a room is
// the name the client gives, the author is whatever the handshake claims, and `seq` lives in a Map.
// Hearth's CPU per delivery divided by this one's is the cost of everything Hearth adds.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 3999);
const host = process.env.HOST ?? '127.0.0.1';

const http = createServer((req, res) => {
  const healthy = req.url === '/healthz';
  res.writeHead(healthy ? 200 : 404, { 'content-type': 'text/plain' }).end(healthy ? 'ok' : 'not found');
});
const io = new Server(http, { serveClient: false });
const lastSeq = new Map();

io.on('connection', (socket) => {
  const author = { id: socket.id, username: String(socket.handshake.auth?.username ?? 'anonymous') };

  socket.on('room:join', (payload, ack) => {
    const roomId = String(payload?.roomId);
    socket.join(roomId);
    ack?.({
      ok: true,
      room: { id: roomId, lastSeq: lastSeq.get(roomId) ?? 0 },
      online: [],
      messages: [],
      hasMore: false,
    });
  });

  socket.on('message:send', (payload, ack) => {
    const roomId = String(payload?.roomId);
    const seq = (lastSeq.get(roomId) ?? 0) + 1;
    lastSeq.set(roomId, seq);
    const message = {
      id: `${roomId}:${seq}`,
      roomId,
      seq,
      author,
      text: payload.text,
      clientId: payload.clientId,
      createdAt: new Date().toISOString(),
    };
    ack?.({ ok: true, message });
    io.to(roomId).emit('message:created', { message });
  });
});

http.listen(port, host);
process.once('SIGTERM', () => io.close(() => process.exit(0)));
