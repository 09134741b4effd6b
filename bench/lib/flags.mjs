// Command-line flags for the bench scripts: `--name value`, `--name=value`, `--flag`, `--no-flag`.
// The defaults object is also the schema: a flag's type is its default's type, and unknown flags
// are refused so that a typo never silently runs the wrong scenario.

export function readFlags(argv, defaults, usage = '') {
  const flags = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\nflags (defaults): ${JSON.stringify(defaults, null, 1)}\n`);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    let [name, value] = splitOnce(arg.slice(2), '=');
    if (value === undefined && name.startsWith('no-') && typeof defaults[name.slice(3)] === 'boolean') {
      name = name.slice(3);
      value = 'false';
    }
    if (!(name in defaults)) throw new Error(`unknown flag --${name} (try --help)`);
    if (value === undefined) {
      const next = argv[i + 1];
      const takesValue = typeof defaults[name] !== 'boolean' || next === 'true' || next === 'false';
      value = takesValue && next !== undefined && !next.startsWith('--') ? argv[++i] : 'true';
    }
    flags[name] = coerce(name, defaults[name], value);
  }
  return flags;
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function coerce(name, example, value) {
  if (typeof example === 'boolean') return value !== 'false';
  if (typeof example === 'number') return toNumber(name, value);
  if (Array.isArray(example))
    return value
      .split(',')
      .filter(Boolean)
      .map((v) => toNumber(name, v));
  return value;
}

function toNumber(name, value) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${value}"`);
  return n;
}

/** Argument list that hands the given flags on to a child script. */
export function toArgv(flags) {
  return Object.entries(flags).flatMap(([name, value]) =>
    value === undefined ? [] : [`--${name}`, Array.isArray(value) ? value.join(',') : String(value)],
  );
}
