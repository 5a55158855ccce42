import { parentPort } from 'node:worker_threads';
import type { MatchingProblem } from './matching.flow.js';
import { loadHighs, solveWithHighs } from './matching.highs.js';
import type { HighsReply, HighsRequest } from './matching.runner.js';

/** The HiGHS thread for matching runs: HiGHS is loaded once and kept; one request at a time. */
parentPort?.on('message', (msg: HighsRequest) => {
  void loadHighs().then((highs) => {
    let reply: HighsReply;
    try {
      const p: MatchingProblem = msg.problem;
      reply = { id: msg.id, ok: true, result: solveWithHighs(highs, p) };
    } catch (e) {
      reply = { id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    parentPort?.postMessage(reply);
  });
});
