/**
 * A learner's progress through the course, kept in localStorage so that it survives a reload.
 * Storage may be missing or throw (private windows, blocked site data, a full quota): progress then
 * lives only as long as the page, and nothing else changes.
 */
import { variantNames, type VariantName } from '../scenarios/index.ts';

/** Key under which the progress is stored, versioned so that a new shape never reads an old one. */
export const progressStorageKey = 'cors-playground:progress:v1';

export interface ScenarioProgress {
  /** The learner opened the scenario. */
  readonly seen: boolean;
  /** The learner answered at least one prediction question before sending. */
  readonly predicted: boolean;
  /** The fixed variant was sent and the browser allowed it, or an exercise marked the scenario fixed. */
  readonly fixed: boolean;
  /** Variants whose prediction was answered or skipped, so that the page asks only before the first send. */
  readonly prompted: readonly VariantName[];
}

export const noProgress: ScenarioProgress = { seen: false, predicted: false, fixed: false, prompted: [] };

export type ProgressMap = Readonly<Record<string, ScenarioProgress>>;

/** The subset of the Web Storage API the store uses, so that tests can pass a map or a throwing fake. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Progress per scenario id. It dispatches `change` after every update, including one made in another tab.
 * Every storage call is guarded: a storage that throws leaves the in-memory progress working.
 */
export class ProgressStore extends EventTarget {
  private entries: ProgressMap;

  /** Set when a storage call threw, after which progress is kept for this page only. */
  private storageFailed = false;

  constructor(private readonly storage: ProgressStorage | undefined) {
    super();
    this.entries = this.load();
  }

  get(id: string): ScenarioProgress {
    return this.entries[id] ?? noProgress;
  }

  all(): ProgressMap {
    return this.entries;
  }

  /** Whether progress survives a reload: a storage exists and none of its calls has thrown. */
  get persistent(): boolean {
    return this.storage !== undefined && !this.storageFailed;
  }

  markSeen(id: string): void {
    if (!this.get(id).seen) this.update(id, { seen: true });
  }

  /** Records that the learner answered (`answered`) or skipped the prediction for one variant. */
  markPrompted(id: string, variant: VariantName, answered: boolean): void {
    const current = this.get(id);
    const prompted = current.prompted.includes(variant) ? current.prompted : [...current.prompted, variant];
    this.update(id, { seen: true, prompted, predicted: current.predicted || answered });
  }

  /** Marks a scenario fixed: its fixed variant passed, or an exercise found the learner's own fix working. */
  markFixed(id: string): void {
    if (!this.get(id).fixed) this.update(id, { seen: true, fixed: true });
  }

  reset(): void {
    this.entries = {};
    try {
      this.storage?.removeItem(progressStorageKey);
    } catch {
      // The in-memory reset still applies for this page.
      this.storageFailed = true;
    }
    this.dispatchEvent(new Event('change'));
  }

  /** Reads the stored progress again, as after another tab wrote it. */
  reload(): void {
    this.entries = this.load();
    this.dispatchEvent(new Event('change'));
  }

  private update(id: string, patch: Partial<ScenarioProgress>): void {
    this.entries = { ...this.entries, [id]: { ...this.get(id), ...patch } };
    try {
      this.storage?.setItem(progressStorageKey, JSON.stringify(this.entries));
    } catch {
      // A full or blocked storage keeps the progress for this page only.
      this.storageFailed = true;
    }
    this.dispatchEvent(new Event('change'));
  }

  private load(): ProgressMap {
    try {
      const text = this.storage?.getItem(progressStorageKey);
      return text === null || text === undefined ? {} : parseProgress(text);
    } catch {
      this.storageFailed = true;
      return {};
    }
  }
}

/**
 * Parses stored progress, keeping only well-formed entries, so that a value edited by hand or written
 * by another version never breaks the page. Ids not in the catalog are kept, because a scenario may return.
 */
export function parseProgress(text: string): ProgressMap {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(value)) return {};

  const entries: Record<string, ScenarioProgress> = {};
  for (const [id, entry] of Object.entries(value)) {
    if (!isRecord(entry)) continue;
    const prompted = Array.isArray(entry.prompted)
      ? variantNames.filter((name) => (entry.prompted as unknown[]).includes(name))
      : [];
    entries[id] = {
      seen: entry.seen === true,
      predicted: entry.predicted === true,
      fixed: entry.fixed === true,
      prompted,
    };
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the page's localStorage, or undefined when reading the property itself throws, as it can when site data is blocked. */
function browserStorage(): ProgressStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The page's progress, shared by every component. */
export const progress = new ProgressStore(browserStorage());

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === progressStorageKey || event.key === null) progress.reload();
  });
}
