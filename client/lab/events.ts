/**
 * Events of the lab's editors. Each carries the whole new value, so a parent can set it back as a
 * property. Only the answers editor's event bubbles out of shadow roots, because other pages embed that
 * editor; the others are heard on the element that fires them.
 */
import type { Case, CaseAnswers, CaseIssue } from '../../scenarios/case/index.ts';
import type { AnswerDraft, AnswersDraft, HeaderDraft, RequestDraft } from './draft.ts';

export class HeadersChangeEvent extends Event {
  static readonly eventName = 'cp-headers-change';

  constructor(readonly headers: readonly HeaderDraft[]) {
    super(HeadersChangeEvent.eventName);
  }
}

export class AnswerChangeEvent extends Event {
  static readonly eventName = 'cp-answer-change';

  constructor(readonly answer: AnswerDraft) {
    super(AnswerChangeEvent.eventName);
  }
}

/** The answers editor's value after an edit: the draft, and the validated answers when it is valid. */
export class AnswersChangeEvent extends Event {
  static readonly eventName = 'cp-answers-change';

  constructor(
    readonly draft: AnswersDraft,
    /** The validated answers, with defaults filled in; undefined while any field is invalid. */
    readonly answers: CaseAnswers | undefined,
    /** Every invalid field, by JSON path from `answers`, such as `answers.response.status`. */
    readonly issues: readonly CaseIssue[],
  ) {
    super(AnswersChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

export class RequestChangeEvent extends Event {
  static readonly eventName = 'cp-request-change';

  constructor(readonly request: RequestDraft) {
    super(RequestChangeEvent.eventName);
  }
}

/** A case that the learner imported, to load into the lab. */
export class CaseImportEvent extends Event {
  static readonly eventName = 'cp-case-import';

  constructor(readonly value: Case) {
    super(CaseImportEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'cp-headers-change': HeadersChangeEvent;
    'cp-answer-change': AnswerChangeEvent;
    'cp-answers-change': AnswersChangeEvent;
    'cp-request-change': RequestChangeEvent;
    'cp-case-import': CaseImportEvent;
  }
}
