import { api } from './api';
import { navigate } from './router';

/**
 * Ends the session here and, for someone who signed in at the organisation's identity provider,
 * there too (RP-initiated logout: the server answers with the provider's end-session URL, which
 * the browser then visits; the provider sends it back to Regiebord). A local account just lands
 * on the login page.
 */
export async function signOut(): Promise<void> {
  let logoutUrl: string | null = null;
  try {
    logoutUrl = (await api<{ logoutUrl: string | null }>('/api/auth/oidc/logout', { method: 'POST' })).logoutUrl;
  } catch {
    // The session cookie is cleared by the answer even when the provider cannot be reached; go on.
  }
  if (logoutUrl) location.assign(logoutUrl);
  else navigate('/inloggen');
}
