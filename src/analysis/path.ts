/**
 * Paths as messages write them (`capacity.expansions[0].addMt`), read back into their parts.
 * For example `capacity.expansions[0].addMt` is ['capacity', 'expansions', 0, 'addMt'].
 */
export function parsePath(text: string, fn = 'parsePath', name = 'path'): (string | number)[] {
  const cannot = (at?: string) => new RangeError(`${fn}: ${name} ${JSON.stringify(text)} is not a path such as 'growth.rate' or 'capacity.expansions[0].addMt'${at === undefined ? '' : ` (cannot read ${JSON.stringify(at)})`}`);
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const between = text.slice(last, m.index);
    if (between !== '' && between !== '.') throw cannot(between);
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
    last = re.lastIndex;
  }
  if (last !== text.length || out.length === 0) throw cannot(last !== text.length ? text.slice(last) : undefined);
  return out;
}
