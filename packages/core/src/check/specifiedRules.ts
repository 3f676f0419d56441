/** The checker's rules, in the order their diagnostics are most useful to read. */
import type { CheckRule } from './rule.js';
import { ArgumentCountRule } from './rules/ArgumentCountRule.js';
import { ArgumentKindRule } from './rules/ArgumentKindRule.js';
import { ArgumentTypeRule } from './rules/ArgumentTypeRule.js';
import { BooleanConditionRule } from './rules/BooleanConditionRule.js';
import { FunctionKindRule } from './rules/FunctionKindRule.js';
import { KnownEnumsRule } from './rules/KnownEnumsRule.js';
import { KnownFunctionsRule } from './rules/KnownFunctionsRule.js';
import { KnownPathsRule } from './rules/KnownPathsRule.js';
import { LambdaGateRule } from './rules/LambdaGateRule.js';
import { MathOperandRule } from './rules/MathOperandRule.js';
import { MissingArgumentRule } from './rules/MissingArgumentRule.js';
import { NamedArgumentsRule } from './rules/NamedArgumentsRule.js';
import { NeverTrueRule } from './rules/NeverTrueRule.js';
import { ReadOnlyPathRule } from './rules/ReadOnlyPathRule.js';

export const specifiedRules: readonly CheckRule[] = [
  FunctionKindRule,
  KnownFunctionsRule,
  NamedArgumentsRule,
  ArgumentCountRule,
  MissingArgumentRule,
  ArgumentKindRule,
  LambdaGateRule,
  KnownPathsRule,
  KnownEnumsRule,
  ReadOnlyPathRule,
  ArgumentTypeRule,
  MathOperandRule,
  BooleanConditionRule,
  NeverTrueRule,
];
