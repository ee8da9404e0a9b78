/**
 * Type-level proof that a schema and its hand-written type are the same type.
 * `satisfies z.ZodType<T>` on a schema proves only that what it produces fits T;
 * `Expect<Equal<z.output<typeof schema>, T>>` also fails when T has a field the
 * schema lacks, or marks optional what the schema always fills in.
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;
