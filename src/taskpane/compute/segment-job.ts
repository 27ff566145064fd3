/**
 * The worker's side of the pane's compute: assembles a request, runs the engine (the same computeSegments the
 * main-thread path runs) and posts the result back in slices. Used by segment.worker.ts in the browser, and by the
 * tests through an in-process port.
 */
import "../../i18n/pane-messages";
import { computeSegments } from "../segmentation-actions";
import { Assembler, Message, slice } from "./protocol";
import type { SegmentRequest } from "./segment-client";

export function segmentJobHandler(post: (message: Message) => void): (message: Message) => void {
  const assemblers = new Map<number, Assembler>();
  const assembler = (job: number) => {
    let found = assemblers.get(job);
    if (!found) assemblers.set(job, (found = new Assembler()));
    return found;
  };
  return (message) => {
    if (message.type === "slice") {
      assembler(message.job).add(message);
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
      for (const part of slices) post(part);
      post({ type: "result", job, body: head });
    } catch (error) {
      assemblers.delete(job);
      post({ type: "failure", job, error: { message: error instanceof Error ? error.message : String(error) } });
    }
  };
}
