import { liveServer, openStream } from './live-setup.mjs';
const w = await liveServer();
await w.directory.ensure('alice');
for (const unknown of ['999999999', 'abc', '1'.repeat(40), '']) {
  const stream = await openStream(w.base, 'alice', { 'Last-Event-ID': unknown });
  console.log(unknown, stream.response.status, JSON.stringify(await Promise.race([stream.next('status'), new Promise(r => setTimeout(() => r('timeout'), 3000))])));
  await stream.close();
}
