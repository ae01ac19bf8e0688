/**
 * `indicator-expr/schema`: the JSON Schema (draft-07) of every JSON shape the package prints:
 * Quantity, Target, Verdict and Score (what `toJSON` returns and the command writes). Shipped
 * as this object and as the file `indicator-expr/schema.json`; the test suite checks `toJSON`
 * against it. Works in every runtime.
 *
 * @example Validate what a pipeline received (with any JSON Schema validator, here ajv)
 * ```ts
 * import { Ajv } from 'ajv';
 * import { schema } from 'indicator-expr/schema';
 *
 * const ajv = new Ajv({ schemas: [schema] });
 * const isVerdict = ajv.getSchema(`${schema.$id}#/definitions/Verdict`);
 * ```
 *
 * @packageDocumentation
 */
const decimal = { type: 'string', pattern: '^-?(0|[1-9]\\d*)(\\.\\d*[1-9])?$' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const date = {
  type: 'object',
  required: ['year', 'month', 'day'],
  additionalProperties: false,
  properties: {
    year: { type: ['integer', 'null'] },
    month: { type: ['integer', 'null'], minimum: 1, maximum: 12 },
    day: { type: ['integer', 'null'], minimum: 1, maximum: 31 },
  },
} as const;
const common = { text: { type: 'string' }, label: nullableString, note: nullableString } as const;
const modifiers = { type: 'array', items: { type: 'string' } } as const;
const op = { enum: ['=', '>=', '<=', '>', '<', '!='] } as const;

const kind = (name: string, required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required: ['kind', 'text', 'label', 'note', ...required],
  additionalProperties: false,
  properties: { kind: { const: name }, ...common, ...properties },
});

const decimalOrNull = { oneOf: [{ type: 'null' }, decimal] } as const;

/** The JSON of an actual value as a verdict read it. */
const actual = {
  oneOf: [
    { type: 'null' },
    { $ref: '#/definitions/Quantity' },
    { type: 'object', required: ['term'], additionalProperties: false, properties: { term: { type: 'string' } } },
    { type: 'object', required: ['boolean'], additionalProperties: false, properties: { boolean: { type: 'boolean' } } },
    { type: 'object', required: ['date'], additionalProperties: false, properties: { date: { type: 'string' } } },
    {
      type: 'object', required: ['value', 'baseline'], additionalProperties: false,
      properties: { value: { $ref: '#/definitions/Quantity' }, baseline: { $ref: '#/definitions/Quantity' } },
    },
  ],
} as const;

export const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://www.npmjs.com/package/indicator-expr/schema.json',
  title: 'indicator-expr JSON shapes',
  definitions: {
    Decimal: decimal,
    DateParts: date,
    Quantity: {
      type: 'object',
      required: ['value', 'unit', 'dimension', 'base', 'known'],
      additionalProperties: false,
      properties: {
        value: decimal,
        unit: { type: 'string' },
        dimension: {
          enum: ['currency', 'ratio', 'count', 'duration', 'area', 'length', 'mass', 'volume', 'energy', 'score', 'compound', 'number', 'unknown'],
        },
        base: {
          type: 'object',
          required: ['value', 'unit'],
          additionalProperties: false,
          properties: { value: decimal, unit: { type: 'string' } },
        },
        known: { type: 'boolean' },
        exact: { const: false },
        fraction: { type: 'string', pattern: '^-?[0-9]+/[0-9]+$' },
      },
    },
    Target: {
      oneOf: [
        kind('compare', ['op', 'implicit', 'quantity'], {
          op, implicit: { type: 'boolean' }, quantity: { $ref: '#/definitions/Quantity' }, modifiers,
        }),
        kind('approx', ['quantity'], { quantity: { $ref: '#/definitions/Quantity' }, modifiers }),
        kind('range', ['min', 'max', 'minInclusive', 'maxInclusive'], {
          min: { $ref: '#/definitions/Quantity' }, max: { $ref: '#/definitions/Quantity' },
          minInclusive: { type: 'boolean' }, maxInclusive: { type: 'boolean' }, modifiers,
        }),
        kind('all', ['targets'], { targets: { type: 'array', minItems: 2, items: { $ref: '#/definitions/Target' } } }),
        kind('qualitative', ['term'], { term: { type: 'string', minLength: 1 }, scale: { type: 'array', minItems: 2, items: { type: 'string' } } }),
        kind('trend', ['direction', 'modifiers', 'amount', 'amountOp'], {
          direction: { enum: ['up', 'down', 'steady'] }, modifiers,
          amount: { oneOf: [{ type: 'null' }, { $ref: '#/definitions/Quantity' }] }, amountOp: { enum: ['>=', '<=', null] },
        }),
        kind('deadline', ['op', 'date'], { op: { const: '<=' }, date: { $ref: '#/definitions/DateParts' }, modifiers }),
        kind('period', ['from', 'to'], { from: { $ref: '#/definitions/DateParts' }, to: { $ref: '#/definitions/DateParts' }, modifiers }),
      ],
    },
    Verdict: {
      type: 'object',
      required: ['status', 'op', 'opSource', 'reason', 'assumedUnit', 'target', 'actual', 'margin', 'completion'],
      additionalProperties: false,
      properties: {
        status: { enum: ['pass', 'partial', 'fail', 'unknown'] },
        op: { enum: ['=', '>=', '<=', '>', '<', '!=', null] },
        opSource: { enum: ['written', 'option', 'indicator', 'default', 'equals-reached', null] },
        reason: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object', required: ['code', 'message'], additionalProperties: false,
              properties: { code: { type: 'string', pattern: '^[A-Z_]+$' }, message: { type: 'string', minLength: 1 } },
            },
          ],
        },
        assumedUnit: nullableString,
        target: { $ref: '#/definitions/Target' },
        actual,
        margin: decimalOrNull,
        completion: decimalOrNull,
        parts: { type: 'array', items: { $ref: '#/definitions/Verdict' } },
      },
    },
    Score: {
      type: 'object',
      required: ['score', 'weight', 'ratio', 'rule', 'status', 'deviation'],
      additionalProperties: false,
      properties: {
        score: decimalOrNull,
        weight: decimal,
        ratio: decimalOrNull,
        rule: {
          enum: [
            'higher-better-ratio', 'higher-better-all-or-nothing', 'lower-better-ratio', 'lower-better-linear',
            'lower-better-all-or-nothing', 'equals-zero', 'equals-exact', 'not-equal', 'range', 'approx',
            'qualitative-band', 'all-lowest', null,
          ],
        },
        status: { enum: ['pass', 'partial', 'fail', 'unknown'] },
        deviation: { type: 'boolean' },
      },
    },
  },
} as const;

export default schema;
