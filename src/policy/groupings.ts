import type { Grouping } from './types.ts';
import type { Problems, RuleSite } from './problems.ts';

/**
 * Resolves a rule's `sensitive:` list to groupings. Each item is one grouping: a declared column (`race`) or an
 * intersection written with `&` (`race&sex`), put into policy order so it names the same groups as the metrics.
 * Without `sensitive:`, each declared column alone is a grouping; intersections are used only when listed.
 */
export function resolveGroupings(
  items: readonly string[] | undefined,
  declared: readonly string[],
  intersections: boolean,
  site: RuleSite,
  problems: Problems,
): Grouping[] {
  if (items === undefined) return declared.map((column) => [column]);
  const groupings: Grouping[] = [];
  items.forEach((item, index) => {
    const columns = item.split('&').map((column) => column.trim());
    const unknown = columns.filter((column) => !declared.includes(column));
    for (const column of unknown) {
      problems.unknown(
        'POLICY_UNKNOWN_COLUMN',
        `sensitive column "${column}" is not declared in data.sensitive`,
        site.at(['sensitive', index]),
        column,
        declared,
        declared.length === 0 ? 'a column declared in data.sensitive' : `one of: ${declared.join(', ')}`,
      );
    }
    if (unknown.length > 0) return;
    if (columns.length > 1 && !intersections) {
      problems.add('POLICY_INVALID_FIELD', `intersection "${item}" is asked for but settings.intersections is false`, site.at(['sensitive', index]), {
        expected: 'a single column, or settings.intersections: true',
      });
      return;
    }
    groupings.push(declared.filter((column) => columns.includes(column)));
  });
  return groupings;
}
