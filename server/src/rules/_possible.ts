import { PossibleValue } from '../document/resources';
import { FixData, ResourceRuleContext } from './rule';

/**
 * Report one of the values a resource property can have (`possibleStrings`), where the template writes it. The fix
 * is offered only on a literal written at the reported node: a parameter's default or an `Fn::If` branch is not what
 * the edit would replace.
 */
export function reportPossible(reportAt: ResourceRuleContext['reportAt'], possible: PossibleValue, message: string, fix: FixData): void {
  reportAt(possible.at, message, possible.at === possible.node ? fix : undefined, possible.when);
}
