/** Something `npm start` started and must stop. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** Raised by {@link Lifecycle.started} when a stop began while the part was starting. */
export class StopRequested extends Error {
  constructor() {
    super('stopping');
    this.name = 'StopRequested';
  }
}

/**
 * The parts `npm start` runs — the database, then the graph — stopped once, in reverse order of
 * starting: the graph drains its requests before the database goes. A stop that comes while a
 * part is still starting stops what already runs, and that part as soon as it is up.
 */
export class Lifecycle {
  private readonly running: Stoppable[] = [];
  private stopping?: Promise<void>;

  /** True once a stop began. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Records a part that is up. If a stop already began, stops it too and throws StopRequested. */
  async started<T extends Stoppable>(part: T): Promise<T> {
    if (this.stopping) {
      await this.stopping;
      await part.stop();
      throw new StopRequested();
    }
    this.running.push(part);
    return part;
  }

  /** Stops every part that is up, last started first; later calls share the first one. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (let part = this.running.pop(); part; part = this.running.pop()) await part.stop();
    })();
    return this.stopping;
  }
}
