// Entry point of the web app: mounts the tabs and starts from the URL.
import { App } from './app.js';
import { bargainingView } from './views/bargaining.js';
import { counterfactualView } from './views/counterfactual.js';
import { editorView } from './views/editor.js';
import { explanationsView } from './views/explanations.js';
import { guideView } from './views/guide.js';
import { playView } from './views/play.js';
import { timelineView } from './views/timeline.js';
import { triangleView } from './views/triangle.js';
import { whyView } from './views/why.js';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const app = new App(root, [timelineView(), whyView(), triangleView(), explanationsView(), counterfactualView(), bargainingView(), editorView(), playView(), guideView()]);
  app.start().catch((err: unknown) => {
    root.textContent = `schism could not start: ${err instanceof Error ? err.message : String(err)}`;
  });
}
