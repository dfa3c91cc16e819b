// The official Twilio Node helper fetching the seed participant from the local server, as
// runtime-bench's baseline: node fetch.mjs <baseUrl> <concurrency> <seconds> <warmupSeconds>
// Prints one JSON line: {count, seconds, p50_us, p99_us, cpu_us}.
import twilio from "twilio";

const ACCOUNT_SID = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AUTH_TOKEN = "local-server-auth-token";
const CONVERSATION_ID = "conv_conversation_01k1etk2y5f1y9fpe2epfdtvv2";
const PARTICIPANT_ID = "conv_participant_01k1etx3jbfx88476ccja0889c";

const [baseUrl, concurrencyText, secondsText, warmupText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
// The documented way to point one product at another host.
client.conversations.baseUrl = baseUrl;

async function worker(until, latencies) {
  while (performance.now() < until) {
    const started = performance.now();
    const participant = await client.conversations.v2
      .participants(CONVERSATION_ID, PARTICIPANT_ID)
      .fetch();
    latencies.push(performance.now() - started);
    if (participant.name !== "Dana S.") {
      throw new Error(`unexpected participant ${JSON.stringify(participant.name)}`);
    }
  }
}

async function run(seconds) {
  const latencies = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => worker(until, latencies)));
  return { latencies, elapsed: (performance.now() - started) / 1000 };
}

function percentile(sorted, p) {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

await run(Number(warmupText));
const cpuBefore = process.cpuUsage();
const { latencies, elapsed } = await run(Number(secondsText));
const cpu = process.cpuUsage(cpuBefore);
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    count: latencies.length,
    seconds: elapsed,
    p50_us: percentile(latencies, 50) * 1000,
    p99_us: percentile(latencies, 99) * 1000,
    cpu_us: cpu.user + cpu.system,
  }),
);
