/**
 * The footer on every page: the link to the accessibility statement (tilgængelighedserklæring),
 * which Danish public web sites must have. A static page, so it opens fast from the light pages.
 */
export function SiteFooter({ label }: { label: string }) {
  return (
    <footer className="site-footer">
      <a href="/tilgaengelighed">{label}</a>
    </footer>
  );
}
