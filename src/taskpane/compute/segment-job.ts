/**
 * The worker's side of the pane's compute: assembles a request, runs the engine (the same computeSegments the
 * main-thread path runs) and posts the result back in slices. Used by segment.worker.ts in the browser, and by the
 * tests through an in-process port.
 */
import "../../i18n/pane-messages";
import { computeSegments } from "../segmentation-actions";
import { Assembler, Message, slice } from "./protocol";
import type { SegmentRequest } from "./segment-client";

/** Result slices posted ahead of the pane's acknowledgements. */
const IN_FLIGHT = 2;

export function segmentJobHandler(post: (message: Message) => void): (message: Message) => void {
  const assemblers = new Map<number, Assembler>();
  const assembler = (job: number) => {
    let found = assemblers.get(job);
    if (!found) assemblers.set(job, (found = new Assembler()));
    return found;
  };
  // The result's slices not yet sent, by job: a few in flight, the next one when the pane has taken one, so the
  // pane's thread takes them between its own tasks (and the collector's idle-time work) instead of in one burst.
  const pending = new Map<number, Message[]>();
  const sendNext = (job: number) => {
    const queue = pending.get(job);
    const next = queue?.shift();
    if (next) post(next);
    if (queue && queue.length === 0) pending.delete(job);
  };
  return (message) => {
    if (message.type === "ack") {
      sendNext(message.job);
      return;
    }
    if (message.type === "slice") {
      assembler(message.job).add(message);
      return;
    }
    if (message.type === "rows") {
      assembler(message.job).addRows(message);
      return;
    }
    if (message.type !== "request") return;
    const { job } = message;
    try {
      const request = assembler(job).build(message.body) as SegmentRequest;
      assemblers.delete(job);
      post({ type: "progress", job, phase: "computing" });
      const { headers, rows, shape, mapping, method, locale, asOf } = request;
      const outcome = computeSegments(headers, rows, shape, mapping, method, locale, asOf);
      const { head, slices } = slice(outcome, job);
      post({ type: "progress", job, phase: "receiving", total: slices.length });
      pending.set(job, [...slices, { type: "result", job, body: head }]);
      for (let k = 0; k < IN_FLIGHT; k++) sendNext(job);
    } catch (error) {
      assemblers.delete(job);
      post({ type: "failure", job, error: { message: error instanceof Error ? error.message : String(error) } });
    }
  };
}
