// Drives `barharness proxy` with toxiproxy-node-client, a Toxiproxy client nobody here wrote, and
// measures what each toxic does to a real byte stream on loopback. Prints one JSON object of
// measurements; the xunit test judges them. Usage: node measure.js http://127.0.0.1:PORT
"use strict";

const net = require("net");
const { Toxiproxy } = require("toxiproxy-node-client");

const api = process.argv[2];
const toxiproxy = new Toxiproxy(api);
const results = { calls: [] };
const now = () => Number(process.hrtime.bigint() / 1000n) / 1000; // ms

// Upstreams standing in for the user's consumer: an echo, a source that writes N bytes on "N\n",
// and a sink that counts what it receives.
function listen(onConnection) {
  return new Promise((resolve) => {
    const server = net.createServer(onConnection);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

const sinkCounts = [];
async function upstreams() {
  const echo = await listen((s) => s.on("data", (d) => s.write(d)).on("error", () => {}));
  const source = await listen((s) => {
    let text = "";
    s.on("error", () => {});
    s.on("data", (d) => {
      text += d.toString();
      if (text.includes("\n")) {
        s.write(Buffer.alloc(parseInt(text, 10), 0x78));
        text = "";
      }
    });
  });
  const sink = await listen((s) => {
    const index = sinkCounts.push(0) - 1;
    s.on("data", (d) => { sinkCounts[index] += d.length; }).on("error", () => {});
  });
  return { echo, source, sink };
}

function connect(address) {
  const [host, port] = [address.slice(0, address.lastIndexOf(":")), Number(address.slice(address.lastIndexOf(":") + 1))];
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => resolve(socket));
    socket.once("error", reject);
  });
}

function within(ms, promise, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);
}

// One round trip through the echo proxy, in ms.
async function roundTrip(socket) {
  const start = now();
  const answered = new Promise((resolve) => socket.once("data", resolve));
  socket.write("ping\n");
  await within(10000, answered, "round trip");
  return now() - start;
}

// Asks the source for `bytes` bytes and records every chunk as it arrives, until done or closed.
function receive(socket, bytes, limitMs) {
  return new Promise((resolve) => {
    const chunks = [];
    let total = 0;
    let ended = null;
    const start = now();
    const finish = () => resolve({ total, chunks, ms: now() - start, ended });
    socket.on("data", (d) => {
      chunks.push({ at: now() - start, size: d.length });
      total += d.length;
      if (total >= bytes) finish();
    });
    socket.on("end", () => { ended = ended || "end"; finish(); });
    socket.on("error", (e) => { ended = e.code || String(e); finish(); });
    socket.on("close", () => { ended = ended || "close"; finish(); });
    setTimeout(finish, limitMs);
    socket.write(`${bytes}\n`);
  });
}

// Waits for the socket to end or fail; reports how, after how long, and bytes seen meanwhile.
function closed(socket, since, limitMs) {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = (how) => resolve({ how, ms: now() - since, bytes });
    socket.on("data", (d) => { bytes += d.length; });
    socket.once("error", (e) => done(e.code || String(e)));
    socket.once("end", () => done("end"));
    socket.once("close", () => done("close"));
    setTimeout(() => done("still open"), limitMs);
  });
}

async function rawPost(path, body) {
  const response = await fetch(`${api}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  return { status: response.status, body: await response.json() };
}

async function main() {
  const { echo, source, sink } = await upstreams();
  const at = (server) => `127.0.0.1:${server.address().port}`;

  results.version = await toxiproxy.getVersion();

  const echoProxy = await toxiproxy.createProxy({ name: "echo", listen: "127.0.0.1:0", upstream: at(echo) });
  results.calls.push("createProxy");
  const client = await connect(echoProxy.listen);
  results.baselineMs = Math.max(await roundTrip(client), await roundTrip(client));

  // latency, downstream (Toxiproxy's default stream), then updated, then removed.
  const latency = await echoProxy.addToxic({ type: "latency", attributes: { latency: 400, jitter: 0 } });
  results.latencyToxic = latency.toJson();
  results.latencyMs = await roundTrip(client);
  const updated = await latency.update({ attributes: { latency: 700, jitter: 0 }, toxicity: 1 });
  results.latencyUpdatedMs = await roundTrip(client);
  results.latencyShown = (await echoProxy.getToxic(updated.name)).attributes.latency;
  await updated.remove();
  results.calls.push("addToxic", "update", "getToxic", "remove");
  results.latencyRemovedMs = await roundTrip(client);

  // latency upstream: the widget's bytes reach the consumer late.
  const up = await echoProxy.addToxic({ type: "latency", stream: "upstream", attributes: { latency: 300, jitter: 0 } });
  results.upstreamLatencyName = up.name;
  results.upstreamLatencyMs = await roundTrip(client);
  await up.remove();

  // toxicity 0: the toxic exists and touches no connection.
  const never = await echoProxy.addToxic({ type: "latency", toxicity: 0, attributes: { latency: 1500 } });
  results.toxicityZeroMs = await roundTrip(await connect(echoProxy.listen));
  await never.remove();
  client.destroy();

  // bandwidth: 40 KB/s (1 KB = 1000 bytes) over 100000 bytes should take 2.5 s.
  const sourceProxy = await toxiproxy.createProxy({ name: "source", listen: "127.0.0.1:0", upstream: at(source) });
  const bandwidth = await sourceProxy.addToxic({ type: "bandwidth", attributes: { rate: 40 } });
  results.bandwidth = await receive(await connect(sourceProxy.listen), 100000, 15000);
  delete results.bandwidth.chunks;
  await bandwidth.remove();

  // slicer: 1000 bytes in slices of 100, 40 ms apart.
  const slicer = await sourceProxy.addToxic({ type: "slicer", attributes: { average_size: 100, size_variation: 0, delay: 40000 } });
  results.slicer = await receive(await connect(sourceProxy.listen), 1000, 10000);
  await slicer.remove();

  // limit_data downstream: 1000 of 5000 bytes, then the connection closes.
  const limit = await sourceProxy.addToxic({ type: "limit_data", attributes: { bytes: 1000 } });
  results.limitData = await receive(await connect(sourceProxy.listen), 5000, 10000);
  delete results.limitData.chunks;
  await limit.remove();

  // limit_data upstream: the consumer receives 1000 of the 5000 bytes the widget sends.
  const sinkProxy = await toxiproxy.createProxy({ name: "sink", listen: "127.0.0.1:0", upstream: at(sink) });
  await sinkProxy.addToxic({ type: "limit_data", stream: "upstream", attributes: { bytes: 1000 } });
  const writer = await connect(sinkProxy.listen);
  const writerClosed = closed(writer, now(), 10000);
  writer.write(Buffer.alloc(5000, 0x79));
  results.limitDataUpstream = await writerClosed;
  await new Promise((r) => setTimeout(r, 300));
  results.limitDataUpstream.consumerReceived = sinkCounts.reduce((a, b) => a + b, 0);

  // timeout: data stops at once, the connection closes after 600 ms.
  const quiet = await connect(echoProxy.listen);
  let since = now();
  const timeout = await echoProxy.addToxic({ type: "timeout", attributes: { timeout: 600 } });
  const quietClosed = closed(quiet, since, 10000);
  quiet.write("ping\n");
  results.timeout = await quietClosed;
  await timeout.remove();

  // reset_peer: an RST 300 ms after the toxic reaches the connection.
  const victim = await connect(echoProxy.listen);
  since = now();
  const reset = await echoProxy.addToxic({ type: "reset_peer", attributes: { timeout: 300 } });
  results.resetPeer = await closed(victim, since, 10000);
  await reset.remove();

  // A disabled proxy refuses connections; /reset enables it again and clears toxics.
  await echoProxy.addToxic({ type: "latency", attributes: { latency: 50 } });
  await echoProxy.update({ enabled: false, listen: echoProxy.listen, upstream: echoProxy.upstream });
  await new Promise((r) => setTimeout(r, 200));
  results.disabledConnect = await connect(echoProxy.listen).then((s) => { s.destroy(); return "connected"; }, (e) => e.code);
  await toxiproxy.reset();
  const afterReset = await toxiproxy.get("echo");
  results.afterReset = { enabled: afterReset.enabled, toxics: (await (await fetch(`${api}/proxies/echo/toxics`)).json()).length };
  results.afterResetMs = await roundTrip(await connect(echoProxy.listen));
  results.calls.push("reset", "get");

  // populate and list.
  const populated = await toxiproxy.populate([{ name: "populated", listen: "127.0.0.1:0", upstream: at(echo) }]);
  results.populated = Object.keys(populated);
  results.all = Object.keys(await toxiproxy.getAll()).sort();
  results.calls.push("populate", "getAll");

  // Refusals name what they refuse, in Toxiproxy's error shape.
  results.refusals = [
    await rawPost("/proxies/echo/toxics", { type: "bogus" }),
    await rawPost("/proxies/echo/toxics", { type: "latency", attributes: { latency: 10, nonsense: 1 } }),
    await rawPost("/proxies/echo/toxics", { type: "latency", stream: "sideways", attributes: { latency: 10 } }),
    await rawPost("/proxies/echo/toxics", { type: "disconnect" }),
  ];
  results.clientRejects = await echoProxy.addToxic({ type: "bogus", attributes: {} }).then(() => "accepted", (e) => e.constructor.name);

  await (await toxiproxy.get("populated")).remove();
  results.afterRemove = await toxiproxy.get("populated").then(() => "found", (e) => e.message);

  for (const server of [echo, source, sink]) server.close();
}

within(90000, main(), "measure.js")
  .then(() => { console.log(JSON.stringify(results)); process.exit(0); })
  .catch((e) => { console.log(JSON.stringify({ ...results, failure: String(e && e.stack || e) })); process.exit(1); });
