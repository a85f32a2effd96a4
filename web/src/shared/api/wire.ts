// Turns the schemas generated from the services' OpenAPI documents (./generated) into the shapes
// the API actually sends, where ASP.NET's document generator says something looser:
//   - a date-time left without a `type` comes out as `unknown`  -> `string | null`
//   - an int32 that the JSON options would also *read* from a string is `integer | string`
//     -> `number` (the services always *write* numbers)
//   - response properties missing from `required` (every property of an answer is always sent)
// Each is a fix-up of the document, not of the contract: once the documents say it exactly,
// these collapse to the identity and can go.

type WireValue<V> = unknown extends V
  ? string | null
  : [number] extends [V]
    ? Exclude<V, string>
    : WireShape<V>

type WireShape<V> = V extends readonly (infer E)[] ? WireValue<E>[] : V extends object ? { [K in keyof V]-?: WireValue<V[K]> } : V

/** An answer of the API: every property present, numbers as numbers, date-times as strings. */
export type Wire<T> = { [K in keyof T]-?: WireValue<T[K]> }

/** A request body: every property optional (send only what you mean), same value fix-ups. */
export type WireBody<T> = { [K in keyof T]?: WireValue<T[K]> }
