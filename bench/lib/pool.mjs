// Runs work(i) for i in [0, count) with at most `limit` calls in flight; results keep their order.
// Setting up hundreds of sessions at once would measure a thundering herd instead of the server.
export async function mapLimit(count, limit, work) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
