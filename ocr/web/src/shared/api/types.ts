/** JSON shapes several features share (snake_case, as on the wire). */

/** One page of a list the admin API answers. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  has_more: boolean;
}
