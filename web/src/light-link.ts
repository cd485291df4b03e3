/** Reading a personal link (`/s/:measurementId/:token`, `/borger/:courseId/:token`) without a router. */

/** The two parts after the link's first segment, decoded; empty when missing. */
export function linkParts(pathname: string): [string, string] {
  const [, , first = '', second = ''] = pathname.split('/');
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part; // a malformed link: the server answers it as not found
    }
  };
  return [decode(first), decode(second)];
}
