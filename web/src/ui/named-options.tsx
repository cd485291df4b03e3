/**
 * The options of a select over named items (units, members, parties, …), one an item:
 * its id the value, its name the text.
 */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}
