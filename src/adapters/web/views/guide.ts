// The guide for teachers (docs/teaching.md, bundled as text) as a printable tab: lesson plan, questions, limits, glossary.
import teaching from '../../../../docs/teaching.md?raw';
import type { View } from '../app.js';
import { h, replace } from '../dom.js';

/** The anchor of a glossary term, so that labels elsewhere in the app can link to its entry. */
export function glossaryId(term: string): string {
  return `glossary-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** Inline Markdown: **bold**, *italics* and `code`. */
function inline(text: string): (Node | string)[] {
  return text.split(/(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)/).filter(Boolean).map((part) => {
    if (part.startsWith('**')) return h('strong', {}, part.slice(2, -2));
    if (part.startsWith('`')) return h('code', {}, part.slice(1, -1));
    if (part.startsWith('*') && part.length > 2) return h('em', {}, part.slice(1, -1));
    return part;
  });
}

/**
 * Renders the guide's Markdown: headings, paragraphs, lists, tables and code blocks. A paragraph that opens with a bold
 * term (the glossary's form) gets that term's anchor.
 */
export function guideHtml(markdown: string): HTMLElement {
  const out = h('div', { class: 'guide-text' });
  const lines = markdown.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      out.append(h('pre', { class: 'guide-code' }, code.join('\n')));
      i++;
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(' ');
      out.append(h(level === 1 ? 'h2' : level === 2 ? 'h3' : 'h4', {}, inline(line.slice(level + 1))));
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) {
        if (/^\|[\s:-]+\|/.test(lines[i]) && !/[A-Za-z0-9]/.test(lines[i])) continue;
        rows.push(lines[i].slice(1, -1).split('|').map((c) => c.trim()));
      }
      out.append(h('table', { class: 'data-table' },
        h('thead', {}, h('tr', {}, rows[0].map((c) => h('th', { scope: 'col' }, inline(c))))),
        h('tbody', {}, rows.slice(1).map((r) => h('tr', {}, r.map((c) => h('td', {}, inline(c))))))));
    } else if (/^(- |\d+\. )/.test(line)) {
      const ordered = /^\d+\. /.test(line);
      const list = h(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^(- |\d+\. |  \S)/.test(lines[i])) {
        if (/^ {2}\S/.test(lines[i])) list.lastElementChild?.append(` ${lines[i].trim()}`);
        else list.append(h('li', {}, inline(lines[i].replace(/^(- |\d+\. )/, ''))));
        i++;
      }
      out.append(list);
    } else if (line.trim()) {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() && !/^(#|\||- |\d+\. |```)/.test(lines[i]); i++) para.push(lines[i]);
      const text = para.join(' ');
      const term = /^\*\*([^*]+)\*\*/.exec(text);
      out.append(h('p', { id: term ? glossaryId(term[1]) : null }, inline(text)));
    } else i++;
  }
  return out;
}

/** The guide tab. */
export function guideView(): View {
  return {
    id: 'guide',
    label: 'Guide',
    mount(el) {
      replace(el,
        h('div', { class: 'toolbar no-print' },
          h('button', { type: 'button', onclick: () => window.print() }, 'Print this guide'),
          h('span', { class: 'muted' }, 'The same text is docs/teaching.md in the project.')),
        guideHtml(teaching),
      );
    },
  };
}
