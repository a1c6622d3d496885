/** JSON shapes of the auth API every platform app shares (snake_case, as on the wire). */

export interface User {
  id: string;
  email: string;
  display_name: string;
  is_admin: boolean;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  user: User;
}

export interface SessionView {
  id: string;
  created_at: string;
  last_access_at: string | null;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  current: boolean;
}
