import { Worker } from 'node:worker_threads';
import type { ExportLang, WorkshopExport } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';
import type { DocumentJob, PdfReply, PdfRequest } from './pdfThread';

/** A PDF that takes longer than this means a stuck worker: it is stopped, and the next PDF starts a new one. */
const RENDER_TIMEOUT_MS = 60_000;

/**
 * A worker nobody asked anything for this long is stopped: with its own V8 heap, tsx, pdfkit and
 * the fonts it adds 150–200 MB to the server's memory.
 */
const IDLE_STOP_MS = 60_000;

/**
 * Renders PDFs (a workshop's, the council's progress report) and the progress report's Word file
 * on a worker thread. pdfkit lays out and embeds fonts synchronously: 250–480 ms of one
 * uninterrupted task for a small workshop, and resvg draws the report's quadrant picture in one
 * go as well, during which every other workshop on the server would get no broadcast at all
 * (`npm run bench:report` measures it). One worker, started on the first document, serves them in
 * turn and stops when it has been idle a minute; if it dies, the documents it held fail and the
 * next starts a new one.
 */
export class PdfOffThread {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Documents the worker made, by kind (tests read it: a route's document was made off the main thread). */
  readonly made: Record<DocumentJob['kind'], number> = { 'workshop-pdf': 0, 'progress-pdf': 0, 'progress-docx': 0 };

  /** A workshop's PDF report. */
  render(model: WorkshopExport, lang: ExportLang): Promise<Buffer> {
    return this.run({ kind: 'workshop-pdf', model, lang });
  }

  /** The council's progress report as PDF or as Word. */
  renderProgress(report: ProgressReport, format: 'pdf' | 'docx', lang: ExportLang): Promise<Buffer> {
    return this.run(format === 'pdf' ? { kind: 'progress-pdf', report, lang } : { kind: 'progress-docx', report, lang });
  }

  private run(job: DocumentJob): Promise<Buffer> {
    const kind = job.kind;
    const worker = this.worker ?? this.start();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const id = this.next++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        if (this.worker === worker) this.stopped(new Error('PDF export took too long'));
      }, RENDER_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, {
        resolve: (doc) => {
          this.made[kind]++;
          resolve(doc);
        },
        reject,
        timer,
      });
      try {
        worker.postMessage({ id, job } satisfies PdfRequest);
      } catch (err) {
        // A model that cannot be copied to the worker: only this document fails.
        clearTimeout(timer);
        this.pending.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
        if (this.pending.size === 0) this.scheduleIdleStop();
      }
    });
  }

  /** Stop the worker (idle, or the server stopping); PDFs still being made fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.stopped(new Error('the server is stopping'));
    await worker?.terminate();
  }

  /** For tests: whether a worker thread is running. */
  get running(): boolean {
    return this.worker !== null;
  }

  private start(): Worker {
    const worker = import.meta.url.endsWith('.ts') ? PdfOffThread.startThroughTsx() : new Worker(new URL('./pdfThread.js', import.meta.url));
    worker.unref();
    worker.on('message', (reply: PdfReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`PDF export failed: ${reply.error}`));
      else waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      if (this.pending.size === 0) this.scheduleIdleStop();
    });
    worker.on('error', (err) => {
      if (this.worker === worker) this.stopped(err);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stopped(new Error(`PDF worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /**
   * In development the server runs TypeScript through tsx; a worker thread does not inherit its
   * loader, so the worker registers it before importing its entry. Both are resolved here, from
   * this module: the worker's own code would resolve 'tsx' from the working directory. Compiled
   * (dist/server, production) the worker is plain JavaScript next to the server's bundle.
   */
  private static startThroughTsx(): Worker {
    const entry = new URL('./pdfThread.ts', import.meta.url).href;
    const tsxApi = import.meta.resolve('tsx/esm/api');
    return new Worker(
      `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
      { eval: true },
    );
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) void this.close();
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }

  private stopped(err: Error): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.worker = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(err);
    }
    this.pending.clear();
  }
}
