/**
 * The course: every scenario in one path, category by category in the catalog's teaching order, and
 * what an attempt adds to a learner's progress.
 */
import { categoryOrder, scenarios, type CategoryId, type Scenario, type VariantName } from '../scenarios/index.ts';
import type { Attempt } from './attempt.ts';
import { observe } from './prediction.ts';
import type { ProgressMap, ProgressStore } from './progress.ts';

export interface CourseChapter {
  readonly category: CategoryId;
  readonly scenarios: readonly Scenario[];
}

/** Builds the chapters from the catalog: categories in `categoryOrder`, scenarios in catalog order within each. */
export function courseChapters(catalog: readonly Scenario[] = scenarios): CourseChapter[] {
  return categoryOrder
    .map((category) => ({ category, scenarios: catalog.filter((scenario) => scenario.category === category) }))
    .filter((chapter) => chapter.scenarios.length > 0);
}

/** Every scenario in course order. */
export function coursePath(catalog: readonly Scenario[] = scenarios): Scenario[] {
  return courseChapters(catalog).flatMap((chapter) => chapter.scenarios);
}

/** Returns the scenario `offset` steps from `id` along `path`, or undefined past either end or for an id not on it. */
export function stepAlong(path: readonly Scenario[], id: string, offset: number): Scenario | undefined {
  const index = path.findIndex((scenario) => scenario.id === id);
  if (index === -1) return undefined;
  return path[index + offset];
}

/** Returns the first scenario on the path that is not fixed yet, for a "Continue" link. */
export function nextToLearn(path: readonly Scenario[], progress: ProgressMap): Scenario | undefined {
  return path.find((scenario) => progress[scenario.id]?.fixed !== true);
}

export interface CourseCounts {
  readonly total: number;
  readonly seen: number;
  readonly predicted: number;
  readonly fixed: number;
}

export function courseCounts(path: readonly Scenario[], progress: ProgressMap): CourseCounts {
  const count = (flag: 'seen' | 'predicted' | 'fixed') =>
    path.filter((scenario) => progress[scenario.id]?.[flag] === true).length;
  return { total: path.length, seen: count('seen'), predicted: count('predicted'), fixed: count('fixed') };
}

/**
 * Records a finished attempt: a fixed variant that the browser allowed marks the scenario fixed.
 * A scenario whose fixed variant the catalog expects to be blocked is never marked by an attempt.
 */
export function recordAttempt(store: ProgressStore, scenario: Scenario, variant: VariantName, attempt: Attempt): void {
  if (variant !== 'fixed' || attempt.state !== 'done') return;
  const blocked = observe(scenario, variant, attempt).blocked;
  if (blocked?.value === false && scenario.variants.fixed.expected.outcome.verdict === 'allowed') {
    store.markFixed(scenario.id);
  }
}
