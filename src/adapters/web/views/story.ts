// The story of a run (the core's storyMarkdown, not a second account) rendered as HTML, each event linked to the timeline.
import { h } from '../dom.js';

const EVENT_LINE = /^(\S+) (\S+) \((driver|record)\)(.*)$/;

/** Renders the story's small Markdown subset (headings, lists, bold, italics); `onEvent` is called with a linked event's id. */
export function storyHtml(markdown: string, knownEvents: Set<string>, onEvent: (id: string) => void): HTMLElement {
  const out = h('div', { class: 'story' });
  let list: HTMLUListElement | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('- ')) {
      if (!list) {
        list = h('ul');
        out.append(list);
      }
      list.append(h('li', {}, eventLine(line.slice(2), knownEvents, onEvent)));
      continue;
    }
    list = null;
    if (line.startsWith('### ')) out.append(h('h4', {}, inline(line.slice(4))));
    else if (line.startsWith('## ')) out.append(h('h3', {}, inline(line.slice(3))));
    else if (line.startsWith('# ')) continue; // the page has its own title
    else if (line.trim()) out.append(h('p', {}, inline(line)));
  }
  return out;
}

function eventLine(text: string, known: Set<string>, onEvent: (id: string) => void): (Node | string)[] {
  const m = EVENT_LINE.exec(text);
  if (!m || !known.has(m[2])) return inline(text);
  const [, date, id, origin, rest] = m;
  return [`${date} `, h('button', { type: 'button', class: 'link', onclick: () => onEvent(id), title: `Show ${id} on the timeline` }, id), ` (${origin})`, ...inline(rest)];
}

function inline(text: string): (Node | string)[] {
  return text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/).filter(Boolean).map((part) => {
    if (part.startsWith('**')) return h('strong', {}, part.slice(2, -2));
    if (part.startsWith('*') && part.length > 2) return h('em', {}, part.slice(1, -1));
    return part;
  });
}
