/** The way back above a page's title: one link to the page it belongs under. */
import { Link } from 'react-router';

export function Breadcrumb({ to, label }: { to: string; label: string }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>{label}</Link>
    </p>
  );
}
