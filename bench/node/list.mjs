// The official Twilio Node helper listing a conversation's participants from the local server
// with `each()`, as lifecycle-bench's baseline:
//   node list.mjs <baseUrl> <conversationId> <pageSize> <listings> <expectedRecords>
// One listing to warm up, then <listings> measured ones; prints one JSON line:
// {records, seconds, cpu_us}.
import twilio from "twilio";

const ACCOUNT_SID = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AUTH_TOKEN = "local-server-auth-token";
const NAME = "Dana S.";

const [baseUrl, conversationId, pageSizeText, listingsText, expectedText] = process.argv.slice(2);
const pageSize = Number(pageSizeText);
const expected = Number(expectedText);
const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
// The documented way to point one product at another host.
client.conversations.baseUrl = baseUrl;

async function listAll() {
  let count = 0;
  await client.conversations.v2.participants(conversationId).each({ pageSize }, (participant) => {
    if (participant.name !== NAME) {
      throw new Error(`unexpected participant ${JSON.stringify(participant.name)}`);
    }
    count += 1;
  });
  if (count !== expected) {
    throw new Error(`listed ${count} of ${expected} participants`);
  }
  return count;
}

await listAll();
const cpuBefore = process.cpuUsage();
const started = performance.now();
let records = 0;
for (let i = 0; i < Number(listingsText); i += 1) {
  records += await listAll();
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ records, seconds, cpu_us: cpu.user + cpu.system }));
