/**
 * @module server/jitGuard
 * When graphql-jit may compile an operation. Its variable coercion recurses
 * into input types without end when an input type contains itself
 * (`TalkFilter.and/or/not`): a variable of such a type overflows the stack
 * after minutes. Those operations run on graphql-js instead; every other one
 * is still compiled.
 */
import {
  type ExecutionArgs,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  Kind,
  type TypeNode,
} from 'graphql';

/** Names of the input object types that can contain themselves. */
export function recursiveInputTypes(schema: GraphQLSchema): Set<string> {
  const recursive = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    const seen = new Set<string>();
    const stack: GraphQLInputType[] = Object.values(type.getFields()).map((f) => f.type);
    while (stack.length > 0) {
      const named = getNamedType(stack.pop() as GraphQLInputType);
      if (!isInputObjectType(named) || seen.has(named.name)) continue;
      if (named.name === type.name) {
        recursive.add(type.name);
        break;
      }
      seen.add(named.name);
      stack.push(...Object.values(named.getFields()).map((f) => f.type));
    }
  }
  return recursive;
}

function namedTypeOf(node: TypeNode): string {
  return node.kind === Kind.NAMED_TYPE ? node.name.value : namedTypeOf(node.type);
}

/** `enableIf` for the JIT plugin: false for operations with a variable of a recursive input type. */
export function jitCanCompile(schema: GraphQLSchema): (args: ExecutionArgs) => boolean {
  const recursive = recursiveInputTypes(schema);
  return (args) =>
    !args.document.definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        (definition.variableDefinitions ?? []).some((v) => recursive.has(namedTypeOf(v.type))),
    );
}
