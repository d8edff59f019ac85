/** The shape of a catalogue section with every string literal widened, so the English section must match it. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
