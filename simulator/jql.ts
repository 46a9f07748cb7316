// A tiny JQL engine: enough of Jira's grammar and error messages to exercise clients
// (quoting, escaping, reserved characters, unknown fields/values), nothing more.

export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '))
  }
}

type TokenType = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'and' | 'or' | 'not' | 'eof'
interface Token {
  type: TokenType
  value: string
  /** 0-based offset in the query. */
  pos: number
}

export type JqlNode =
  | { kind: 'and' | 'or'; left: JqlNode; right: JqlNode }
  | { kind: 'not'; inner: JqlNode }
  | { kind: 'clause'; field: string; op: string; values: string[] }

// Characters Jira reserves in unquoted values.
const RESERVED = new Set(Array.from('+.,;?|*/%^$#@[]{}'))
const WORD_STOP = /[\s"'(),=!~<>&|]/
const OPERATOR_LIST =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'."

function where(query: string, pos: number): string {
  const before = query.slice(0, pos).split('\n')
  return `(line ${before.length}, character ${(before.at(-1) ?? '').length + 1})`
}

function queryError(query: string, pos: number, message: string): JqlError {
  return new JqlError([`Error in the JQL Query: ${message} ${where(query, pos)}`])
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < q.length) {
    const c = q.charAt(i)
    if (/\s/.test(c)) {
      i++
      continue
    }
    const start = i
    if (c === '"' || c === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= q.length) throw queryError(q, start, `The quoted string '${value}' has not been completed.`)
        const ch = q.charAt(i)
        if (ch === c) break
        if (ch === '\\') {
          const e = q[i + 1]
          if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(q.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(q.slice(i + 2, i + 6), 16))
            i += 6
            continue
          }
          const simple: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', ' ': ' ' }
          if (e === undefined || simple[e] === undefined) {
            throw queryError(q, i, `The escape sequence '\\${e ?? ''}' in the quoted string '${value}' is illegal.`)
          }
          value += simple[e]
          i += 2
          continue
        }
        value += ch
        i++
      }
      i++
      tokens.push({ type: 'string', value, pos: start })
      continue
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', value: c, pos: start })
      i++
      continue
    }
    const two = q.slice(i, i + 2)
    if (two === '&&' || two === '||') {
      tokens.push({ type: two === '&&' ? 'and' : 'or', value: two, pos: start })
      i += 2
      continue
    }
    if (c === '&' || c === '|') {
      tokens.push({ type: c === '&' ? 'and' : 'or', value: c, pos: start })
      i++
      continue
    }
    if (['!=', '!~', '<=', '>='].includes(two)) {
      tokens.push({ type: 'op', value: two, pos: start })
      i += 2
      continue
    }
    if ('=~<>'.includes(c)) {
      tokens.push({ type: 'op', value: c, pos: start })
      i++
      continue
    }
    if (c === '!') {
      tokens.push({ type: 'not', value: c, pos: start })
      i++
      continue
    }
    while (i < q.length && !WORD_STOP.test(q.charAt(i))) {
      if (RESERVED.has(q.charAt(i))) {
        const hex = q.charCodeAt(i).toString(16).padStart(4, '0')
        throw queryError(
          q,
          i,
          `The character '${q[i]}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${hex}' instead.`,
        )
      }
      i++
    }
    const word = q.slice(start, i)
    const upper = word.toUpperCase()
    const type: TokenType = upper === 'AND' ? 'and' : upper === 'OR' ? 'or' : upper === 'NOT' ? 'not' : 'word'
    tokens.push({ type, value: word, pos: start })
  }
  tokens.push({ type: 'eof', value: '', pos: q.length })
  return tokens
}

class Parser {
  private i = 0
  constructor(
    private readonly q: string,
    private readonly tokens: Token[],
  ) {}

  // The tokens end with 'eof', and the parser stops there.
  private peek(): Token {
    return this.tokens[this.i] ?? { type: 'eof', value: '', pos: this.q.length }
  }
  private next(): Token {
    const token = this.peek()
    this.i++
    return token
  }
  private isWord(t: Token, w: string): boolean {
    return t.type === 'word' && t.value.toUpperCase() === w
  }
  private expected(what: string, t: Token, hint = ''): JqlError {
    if (t.type === 'eof') return new JqlError([`Error in the JQL Query: Expecting ${what} at the end of the query.`])
    return queryError(this.q, t.pos, `Expecting ${what} but got '${t.value}'.${hint ? ' ' + hint : ''}`)
  }

  parse(): JqlNode | undefined {
    let node: JqlNode | undefined
    if (this.peek().type !== 'eof' && !this.isWord(this.peek(), 'ORDER')) node = this.or()
    if (this.isWord(this.peek(), 'ORDER')) this.orderBy()
    const t = this.peek()
    if (t.type !== 'eof') throw this.expected("either 'OR' or 'AND'", t)
    return node
  }

  // ORDER BY is parsed for syntax and otherwise ignored.
  private orderBy(): void {
    this.next()
    const by = this.next()
    if (!this.isWord(by, 'BY')) throw this.expected("'BY'", by)
    for (;;) {
      const f = this.next()
      if (f.type !== 'word' && f.type !== 'string') throw this.expected('a field name', f)
      if (this.isWord(this.peek(), 'ASC') || this.isWord(this.peek(), 'DESC')) this.next()
      if (this.peek().type !== 'comma') return
      this.next()
    }
  }

  private or(): JqlNode {
    let left = this.and()
    while (this.peek().type === 'or') {
      this.next()
      left = { kind: 'or', left, right: this.and() }
    }
    return left
  }

  private and(): JqlNode {
    let left = this.unary()
    while (this.peek().type === 'and') {
      this.next()
      left = { kind: 'and', left, right: this.unary() }
    }
    return left
  }

  private unary(): JqlNode {
    const t = this.peek()
    if (t.type === 'not') {
      this.next()
      return { kind: 'not', inner: this.unary() }
    }
    if (t.type === 'lparen') {
      this.next()
      const inner = this.or()
      const close = this.next()
      if (close.type !== 'rparen') throw this.expected("')'", close)
      return inner
    }
    return this.clause()
  }

  private clause(): JqlNode {
    const f = this.next()
    if (f.type !== 'word' && f.type !== 'string') {
      throw this.expected(
        'a field name',
        f,
        `You must surround '${f.value}' in quotation marks to use it as a field name.`,
      )
    }
    const opTok = this.next()
    let op: string
    if (opTok.type === 'op') op = opTok.value
    else if (this.isWord(opTok, 'IN')) op = 'in'
    else if (opTok.type === 'not' && this.isWord(this.peek(), 'IN')) {
      this.next()
      op = 'not in'
    } else if (this.isWord(opTok, 'IS')) {
      op = 'is'
      if (this.peek().type === 'not') {
        this.next()
        op = 'is not'
      }
    } else throw this.expected('operator', opTok, OPERATOR_LIST)
    if (op === 'in' || op === 'not in') return { kind: 'clause', field: f.value, op, values: this.list() }
    return { kind: 'clause', field: f.value, op, values: [this.value()] }
  }

  private list(): string[] {
    const open = this.next()
    if (open.type !== 'lparen') throw this.expected("'('", open)
    const values = [this.value()]
    for (;;) {
      const t = this.next()
      if (t.type === 'rparen') return values
      if (t.type !== 'comma') throw this.expected("')'", t)
      values.push(this.value())
    }
  }

  private value(): string {
    const t = this.next()
    if (t.type !== 'word' && t.type !== 'string') {
      throw this.expected(
        'either a value, list or function',
        t,
        `You must surround '${t.value}' in quotation marks to use it as a value.`,
      )
    }
    if (t.type === 'word' && this.peek().type === 'lparen') {
      throw new JqlError([`Unable to find JQL function '${t.value}()'.`])
    }
    return t.value
  }
}

export function parseJql(query: string): JqlNode | undefined {
  return new Parser(query, tokenize(query)).parse()
}

/** What the engine needs from the simulator's state. */
export interface JqlIssue {
  key: string
  project: string
  summary: string
  status: string
  statusId: string
  texts: string[]
}

export interface JqlWorld {
  issues: JqlIssue[]
  statusNames: string[]
}

type FieldName = 'key' | 'project' | 'status' | 'summary' | 'text'
const FIELD_ALIASES: Record<string, FieldName> = {
  key: 'key',
  issuekey: 'key',
  project: 'project',
  status: 'status',
  summary: 'summary',
  text: 'text',
}
const FIELD_OPERATORS: Record<FieldName, string[]> = {
  key: ['=', '!=', 'in', 'not in'],
  project: ['=', '!=', 'in', 'not in'],
  status: ['=', '!=', 'in', 'not in'],
  summary: ['~', '!~'],
  text: ['~'],
}

/**
 * Jira validates the whole query and reports every problem at once. `missing` collects values
 * that name nothing (an unknown key, project or status): errors unless validateQuery is false.
 */
function validate(node: JqlNode, world: JqlWorld, errors: string[], missing: string[]): void {
  if (node.kind === 'not') {
    validate(node.inner, world, errors, missing)
    return
  }
  if (node.kind !== 'clause') {
    validate(node.left, world, errors, missing)
    validate(node.right, world, errors, missing)
    return
  }
  const field = FIELD_ALIASES[node.field.toLowerCase()]
  if (!field) {
    errors.push(`Field '${node.field}' does not exist or you do not have permission to view it.`)
    return
  }
  if (!FIELD_OPERATORS[field].includes(node.op)) {
    errors.push(`The operator '${node.op.toUpperCase()}' is not supported by the '${node.field}' field.`)
    return
  }
  for (const v of node.values) {
    if (field === 'project' && !world.issues.some((i) => i.project === v.toUpperCase())) {
      missing.push(`The value '${v}' does not exist for the field '${node.field}'.`)
    } else if (
      field === 'status' &&
      !world.statusNames.some((s) => s.toLowerCase() === v.toLowerCase()) &&
      !world.issues.some((i) => i.statusId === v)
    ) {
      missing.push(`The value '${v}' does not exist for the field '${node.field}'.`)
    } else if (field === 'key' && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(v)) {
      errors.push(`The issue key '${v}' for field '${node.field}' is invalid.`)
    } else if (field === 'key' && !world.issues.some((i) => i.key === v.toUpperCase())) {
      missing.push(`An issue with key '${v}' does not exist for field '${node.field}'.`)
    } else if ((field === 'summary' || field === 'text') && v.trim() === '') {
      errors.push(`The field '${node.field}' does not support searching for an empty string.`)
    }
  }
}

function matches(node: JqlNode, issue: JqlIssue): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, issue) && matches(node.right, issue)
    case 'or':
      return matches(node.left, issue) || matches(node.right, issue)
    case 'not':
      return !matches(node.inner, issue)
    case 'clause': {
      const field = FIELD_ALIASES[node.field.toLowerCase()]
      const equals = (v: string): boolean => {
        if (field === 'key') return issue.key === v.toUpperCase()
        if (field === 'project') return issue.project === v.toUpperCase()
        return issue.status.toLowerCase() === v.toLowerCase() || issue.statusId === v
      }
      // '~' is a case-insensitive "contains" here; Jira's is a word search.
      const contains = (v: string): boolean => {
        const hay = field === 'summary' ? [issue.summary] : [issue.summary, ...issue.texts]
        return hay.some((h) => h.toLowerCase().includes(v.toLowerCase()))
      }
      const v = node.values
      const first = v[0] ?? ''
      switch (node.op) {
        case '=':
          return equals(first)
        case '!=':
          return !equals(first)
        case 'in':
          return v.some(equals)
        case 'not in':
          return !v.some(equals)
        case '~':
          return contains(first)
        default:
          return !contains(first)
      }
    }
  }
}

/**
 * Parse, validate and run a query; throws JqlError with Jira-like messages. With validateQuery
 * false (Jira DC's POST /search option), values that name nothing are warnings and match nothing:
 * an unknown key is dropped and the rest returned. Syntax and malformed keys fail either way.
 */
export function runJql(
  query: string,
  world: JqlWorld,
  validateQuery = true,
): { issues: JqlIssue[]; warnings: string[] } {
  const node = parseJql(query)
  if (!node) return { issues: world.issues, warnings: [] }
  const errors: string[] = []
  const missing: string[] = []
  validate(node, world, errors, missing)
  if (errors.length > 0 || (validateQuery && missing.length > 0)) throw new JqlError([...errors, ...missing])
  return { issues: world.issues.filter((i) => matches(node, i)), warnings: missing }
}
