// The words every view that shows a model result puts above it: this is the model, not history, and how far they agree.
import type { App } from '../app.js';
import { h } from '../dom.js';
import type { AllianceView } from '../worker/protocol.js';

/** A percentage for people: whole numbers, "—" when there is nothing to count. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '—';
}

/** One sentence on how often a run's status matches what the scenario declares happened. */
export function agreementText(al: AllianceView): string {
  const a = al.agreement;
  if (a.months === 0) return 'This scenario declares no history of the alliance\'s status, so the model cannot be scored against it here.';
  return `The model's status matches what happened in ${a.same} of ${a.months} months (${percent(a.same, a.months)}); it gets "together or apart" right in ${a.sameSide} (${percent(a.sameSide, a.months)}).`;
}

/**
 * A boxed note: "What you see is the model's result, not history", the seed and mode, and the agreement with the record as a number.
 * @example body.append(modelNotice(app, 0))
 */
export function modelNotice(app: App, alliance = 0): HTMLElement {
  const al = app.run?.alliances[alliance];
  const mode = app.cf.mode === 'predict'
    ? 'The model was given only the outside events (drivers) and had to make the allies\' own acts itself.'
    : 'Replay mode: the model was also given the allies\' recorded acts, so this is a retelling, not a prediction.';
  return h('aside', { class: 'model-notice', role: 'note', 'data-agreement': al ? String(al.agreement.same) : null },
    h('strong', {}, 'Model, not history. '),
    `What is drawn here is one run of a computer model (seed ${app.cf.seed}), not what happened. ${mode} `,
    al ? agreementText(al) : '',
    app.startParameters ? ' Runs start from a fit\'s parameters here: the server was started with schism serve --params.' : '',
  );
}
