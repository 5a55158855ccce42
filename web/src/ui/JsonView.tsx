/** Pretty-printed JSON for audit before/after values. */
export function JsonView({ value, empty }: { value: unknown; empty: string }) {
  if (value === null || value === undefined) return <span className="muted json-empty">{empty}</span>;
  return <pre className="json-view">{JSON.stringify(value, null, 2)}</pre>;
}
