// Who the tests are signed in as. Replaces only the cookie reading; the user is still re-read from the database.
let currentUserId: string | null = null;

export function signInAs(user: { id: string } | null) {
  currentUserId = user?.id ?? null;
}

export const sessionModule = {
  getSessionUserId: async () => currentUserId,
};
