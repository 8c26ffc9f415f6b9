/**
 * Where a path of a definition is written in its YAML file, so that every problem can send
 * the analyst to a line and column (1-based). A missing key is reported at the key of its
 * nearest existing parent (`title:` for a missing `title.de`); a mapping or list at its key.
 */
import { isCollection, isMap, isNode, isScalar } from "yaml";
import type { Document, LineCounter, Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

export type Locate = (path: readonly (string | number)[], atKey?: boolean) => Position;

export function locator(doc: Document, lineCounter: LineCounter): Locate {
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const nodeAt = (path: readonly (string | number)[]): unknown => (path.length === 0 ? doc.contents : doc.getIn(path, true));
  const keyAt = (path: readonly (string | number)[]): Node | undefined => {
    const parent = nodeAt(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === path.at(-1));
    return isNode(pair?.key) ? pair.key : undefined;
  };
  const start = (node: Node | undefined): Position | undefined => (node?.range ? at(node.range[0]) : undefined);

  return (path, atKey = false) => {
    if (atKey) {
      const position = start(keyAt(path));
      if (position) return position;
    }
    for (let i = path.length; i >= 0; i--) {
      const prefix = path.slice(0, i);
      const node = nodeAt(prefix);
      if (!isNode(node)) continue;
      if (i > 0 && (i < path.length || isCollection(node))) {
        const position = start(keyAt(prefix));
        if (position) return position;
      }
      const position = start(node);
      if (position) return position;
    }
    return { line: 1, column: 1 };
  };
}
