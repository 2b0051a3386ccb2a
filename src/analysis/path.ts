/**
 * Paths as messages write them (`capacity.expansions[0].addMt`), read back into their parts.
 * For example `capacity.expansions[0].addMt` is ['capacity', 'expansions', 0, 'addMt'].
 */
export function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const between = text.slice(last, m.index);
    if (between !== '' && between !== '.') throw new RangeError(`parsePath: cannot read ${JSON.stringify(text)} (at ${JSON.stringify(between)})`);
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
    last = re.lastIndex;
  }
  if (last !== text.length || out.length === 0) throw new RangeError(`parsePath: cannot read ${JSON.stringify(text)}`);
  return out;
}
