/** JSON shapes of the leaderboard API (snake_case, as on the wire). */

export interface Ranked {
  rank: number;
  user_id: string;
  email: string | null;
  display_name: string | null;
  value: number;
}
