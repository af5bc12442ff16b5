/**
 * A plain static file server for the public site the publishing job wrote (sirv on node:http),
 * run as its own process by `bench:public`: what serving the static output costs with no app in
 * the path.   tsx bench/lib/static-server.ts <folder> <port> [live|indexed]
 */
import { createServer } from "node:http";
import sirv from "sirv";

const [folder, port, mode = "live"] = process.argv.slice(2);
if (!folder || !port) {
  console.error("usage: static-server.ts <folder> <port>");
  process.exit(2);
}
// live (sirv's dev mode) looks files up per request, as a folder the publishing job keeps
// rewriting needs; indexed (its production mode) reads the folder once at start, the fastest
// a Node static server gets, but it would miss pages published after it started
const serve = sirv(folder, { dev: mode === "live", etag: true, extensions: ["html"] });
createServer((request, response) => serve(request, response, () => {
  response.statusCode = 404;
  response.end("not found\n");
})).listen(Number(port), "127.0.0.1", () => console.log(`static server on ${port}`));
