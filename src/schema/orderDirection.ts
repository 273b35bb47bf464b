/**
 * @module schema/orderDirection
 * `OrderDirection`, the `direction` argument beside every `orderBy`.
 */
import type { ArgBuilder } from '@pothos/core';
import { builder, type Types } from './builder.js';

export type OrderDirectionValue = 'ASC' | 'DESC';

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Which way an order runs.',
  values: {
    ASC: { value: 'ASC', description: 'As the order is named: oldest, A to Z, most relevant first.' },
    DESC: { value: 'DESC', description: 'The other way: newest, Z to A, least relevant first.' },
  } as const,
});

/** The `direction` argument of a list. */
export function directionArg(arg: ArgBuilder<Types>) {
  return arg({
    type: OrderDirection,
    required: false,
    defaultValue: 'ASC',
    description: 'Which way `orderBy` runs (default ASC).',
  });
}

/** +1 for ASC (or none), -1 for DESC. */
export function sign(direction: OrderDirectionValue | null | undefined): 1 | -1 {
  return direction === 'DESC' ? -1 : 1;
}
