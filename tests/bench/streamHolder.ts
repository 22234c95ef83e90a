import http from 'node:http';

/**
 * For hostBench: opens `perSession` event streams for each session cookie read from stdin, reads
 * and drops what arrives, prints "ready" once all are open, and holds them until killed.
 */
async function main(): Promise<void> {
  const [url, perSession] = process.argv.slice(2) as [string, string];
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const cookies = input.split('\n').filter(Boolean);
  for (const cookie of cookies) {
    for (let i = 0; i < Number(perSession); i += 1) {
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${url}/api/events`, { headers: { Cookie: cookie }, agent: false }, (res) => {
            if (res.statusCode !== 200) reject(new Error(`stream refused: ${res.statusCode}`));
            res.on('data', () => undefined);
            resolve();
          })
          .on('error', reject);
      });
    }
  }
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
